/** Who can be assigned to a claim: the desk's active people (GET /api/people, for editors), sorted by name. */
import { api, call } from './client';
import type { Person } from '../lib/review';

const MAX_PAGES = 20;
let cache: Promise<Person[]> | undefined;

async function fromDirectory(): Promise<Person[]> {
  const people: Person[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await call(api.GET('/api/people', { params: { query: { limit: 200, cursor } } }));
    people.push(...page.items.map((p) => ({ id: p.id, name: p.name, role: p.role, active: true })));
    cursor = page.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return people.sort((a, b) => a.name.localeCompare(b.name));
}

export function loadPeople(): Promise<Person[]> {
  if (!cache) {
    const people = fromDirectory();
    cache = people;
    people.catch(() => {
      if (cache === people) cache = undefined;
    });
  }
  return cache;
}

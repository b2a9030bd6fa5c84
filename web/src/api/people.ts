/**
 * Who can be assigned to a claim. Admins read the accounts (GET /api/users); editors may not (that route is for
 * admins), so for them the desk reads the accounts from the audit trail, which editors may read: every account's
 * creation and later changes are `user.*` events (see peopleFromAuditEvents).
 */
import { api, call } from './client';
import type { AuditEvent, Role } from './types';
import { peopleFromAuditEvents, type Person } from '../lib/review';

const MAX_PAGES = 20;
let cache: { role: Role; people: Promise<Person[]> } | undefined;

async function fromUsers(): Promise<Person[]> {
  const people: Person[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await call(api.GET('/api/users', { params: { query: { limit: 200, cursor } } }));
    people.push(...page.items.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role, active: u.active })));
    cursor = page.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return people.sort((a, b) => a.name.localeCompare(b.name));
}

async function fromAudit(): Promise<Person[]> {
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await call(api.GET('/api/audit', { params: { query: { entity: 'user', limit: 200, cursor } } }));
    events.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return peopleFromAuditEvents(events);
}

export function loadPeople(role: Role): Promise<Person[]> {
  if (!cache || cache.role !== role) {
    const people = role === 'admin' ? fromUsers() : fromAudit();
    cache = { role, people };
    people.catch(() => {
      if (cache?.people === people) cache = undefined;
    });
  }
  return cache.people;
}

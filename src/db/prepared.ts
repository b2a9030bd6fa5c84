import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';

/**
 * Named (server-side prepared) statements for the hottest reads: PostgreSQL parses and plans them once per
 * connection instead of on every request. Only on pools that allow them: on the embedded database every
 * connection shares one backend, so names would collide across pools, and there they run unnamed.
 *
 * Use them only for statements whose best plan does not depend on the parameter values (a primary-key lookup,
 * a keyset range on a unique index): after five executions PostgreSQL may keep a generic plan.
 */
const preparing = new WeakSet<Pool>();
const names = new Map<string, string>();
const MAX_NAMES = 100;

export function allowNamedStatements(pool: Pool): void {
  preparing.add(pool);
}

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMES) {
    name = `cm_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

export async function queryPrepared<T extends QueryResultRow>(pool: Pool, text: string, values: unknown[]): Promise<T[]> {
  const name = preparing.has(pool) ? nameOf(text) : undefined;
  return (await pool.query<T>(name ? { name, text, values } : { text, values })).rows;
}

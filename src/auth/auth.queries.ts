import type { Pool } from 'pg';
import { queryPrepared } from '../db/prepared';
import type { Role } from '../domain/enums';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  tokenVersion: number;
}

/**
 * The user behind a token, read on every signed-in request (a primary-key lookup, a named statement), never
 * cached: deactivation, role and password changes take effect at once on every instance.
 */
export async function findSessionUser(pool: Pool, id: string): Promise<SessionUser | undefined> {
  const [row] = await queryPrepared<SessionUser>(
    pool,
    `SELECT id, email::text AS email, name, role::text AS role, active, token_version AS "tokenVersion"
     FROM users WHERE id = $1`,
    [id],
  );
  return row;
}

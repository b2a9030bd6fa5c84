import type { Pool } from 'pg';
import { queryRows } from '../db/sql';
import type { Role } from '../domain/enums';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  tokenVersion: number;
}

/** The user behind a token, read on every signed-in request (one indexed lookup). */
export async function findSessionUser(pool: Pool, id: string): Promise<SessionUser | undefined> {
  const [row] = await queryRows<SessionUser>(
    pool,
    `SELECT id, email::text AS email, name, role::text AS role, active, token_version AS "tokenVersion"
     FROM users WHERE id = $1`,
    [id],
  );
  return row;
}

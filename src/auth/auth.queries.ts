import type { Pool } from 'pg';
import { queryPrepared } from '../db/prepared';
import type { Prisma, PrismaClient } from '../db/prisma';
import { userSelect } from '../users/users.queries';
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

type Client = PrismaClient | Prisma.TransactionClient;

export const credentialSelect = { ...userSelect, passwordHash: true, tokenVersion: true } as const;

/** What signing in needs of a user: the public fields, the password hash and the token version. */
export function findCredentialsByEmail(db: Client, email: string) {
  return db.user.findUnique({ where: { email }, select: credentialSelect });
}

export function findCredentialsById(db: Client, id: string) {
  return db.user.findUniqueOrThrow({ where: { id }, select: credentialSelect });
}

/** A new password ends every session: the token version moves on. */
export function setPassword(tx: Prisma.TransactionClient, id: string, passwordHash: string) {
  return tx.user.update({ where: { id }, data: { passwordHash, tokenVersion: { increment: 1 } }, select: credentialSelect });
}

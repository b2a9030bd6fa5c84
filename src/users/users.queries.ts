import type { Pool } from 'pg';
import { queryRows, SqlConditions } from '../db/sql';
import type { Prisma, PrismaClient } from '../db/prisma';
import type { Role } from '../domain/enums';

export const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.UserSelect;

export type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

type Client = PrismaClient | Prisma.TransactionClient;

export function findUser(db: Client, id: string): Promise<UserRow | null> {
  return db.user.findUnique({ where: { id }, select: userSelect });
}

export function findUserIdByEmail(db: Client, email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true } });
}

export function findUserNameAndEmail(db: Client, id: string) {
  return db.user.findUnique({ where: { id }, select: { email: true, name: true } });
}

export function insertUser(tx: Prisma.TransactionClient, data: { email: string; name: string; role: Role; passwordHash: string }) {
  return tx.user.create({ data, select: userSelect });
}

/** Reads the user and locks the row, so the audit event's `before` is exactly what the update replaces. */
export async function lockUser(tx: Prisma.TransactionClient, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.$queryRaw<UserRow[]>`
    SELECT id, email::text AS email, name, role::text AS role, active, created_at AS "createdAt", updated_at AS "updatedAt"
    FROM users WHERE id = ${id}::uuid FOR UPDATE`;
  return row;
}

export function updateUserRow(tx: Prisma.TransactionClient, id: string, data: Prisma.UserUpdateInput) {
  return tx.user.update({ where: { id }, data, select: userSelect });
}

/** Locks the active admins so two concurrent demotions cannot leave the desk without one. */
export function lockActiveAdmins(tx: Prisma.TransactionClient) {
  return tx.$queryRaw<Array<{ id: string }>>`SELECT id::text FROM "users" WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`;
}

/** Oldest first, one page (limit + 1 rows). */
export function listUsers(
  pool: Pool,
  filters: { role?: Role; active?: boolean },
  after: { createdAt: string; id: string } | undefined,
  limit: number,
): Promise<UserRow[]> {
  const where = new SqlConditions();
  if (filters.role) where.add('role = ?::"Role"', filters.role);
  if (filters.active !== undefined) where.add('active = ?', filters.active);
  if (after) where.add('(created_at, id) > (?::timestamptz, ?::uuid)', after.createdAt, after.id);
  return queryRows<UserRow>(
    pool,
    `SELECT id, email::text AS email, name, role::text AS role, active, created_at AS "createdAt", updated_at AS "updatedAt"
     FROM users ${where.toSql()} ORDER BY created_at, id LIMIT ${where.param(limit + 1)}`,
    where.values,
  );
}

export function countUsers(db: Client) {
  return db.user.count();
}

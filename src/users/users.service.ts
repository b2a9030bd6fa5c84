import type { Actor } from '../auth/actor';
import { hashPassword, passwordWeaknesses } from '../auth/passwords';
import { recordAudit } from '../audit/audit.recorder';
import type { Prisma, PrismaClient } from '../db/prisma';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { skipTake, toPage, type Page } from '../http/pagination';
import { auditableUser, presentUser } from './users.presenter';
import { userSelect, type UserRow } from './users.queries';
import type { CreateUserInput, ListUsersQuery, UpdateUserInput } from './users.schema';

export type UserView = ReturnType<typeof presentUser>;

export function assertStrongPassword(password: string, context: { email?: string; name?: string }, field = 'password') {
  const problems = passwordWeaknesses(password, context);
  if (problems.length > 0) {
    throw new ValidationError(
      'The password is too weak',
      problems.map((message) => ({ path: `body.${field}`, message })),
      'WEAK_PASSWORD',
    );
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}

export function createUserService({ prisma }: { prisma: PrismaClient }) {
  async function createUser(input: CreateUserInput, actor: Actor | null): Promise<UserView> {
    assertStrongPassword(input.password, input);
    const passwordHash = await hashPassword(input.password);
    try {
      const user = await prisma.$transaction(async (tx) => {
        const created = await tx.user.create({
          data: { email: input.email, name: input.name, role: input.role, passwordHash },
          select: userSelect,
        });
        await recordAudit(tx, actor, { entityType: 'user', entityId: created.id, action: 'user.created', after: auditableUser(created) });
        return created;
      });
      return presentUser(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('EMAIL_TAKEN', `A user with email ${input.email} already exists`);
      throw error;
    }
  }

  async function listUsers(query: ListUsersQuery): Promise<Page<UserView>> {
    const where: Prisma.UserWhereInput = { role: query.role, active: query.active };
    const [rows, total] = await prisma.$transaction([
      prisma.user.findMany({ where, select: userSelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], ...skipTake(query) }),
      prisma.user.count({ where }),
    ]);
    return toPage(rows.map(presentUser), total, query);
  }

  async function getUser(id: string): Promise<UserView> {
    const user = await prisma.user.findUnique({ where: { id }, select: userSelect });
    if (!user) throw new NotFoundError('user', id);
    return presentUser(user);
  }

  async function updateUser(id: string, input: UpdateUserInput, actor: Actor): Promise<UserView> {
    const passwordHash = input.password === undefined ? undefined : await hashPasswordFor(id, input);
    const updated = await prisma.$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { id }, select: userSelect });
      if (!before) throw new NotFoundError('user', id);
      if (removesAdmin(before, input)) await assertAnotherActiveAdmin(tx, id);
      const after = await tx.user.update({
        where: { id },
        data: {
          name: input.name,
          role: input.role,
          active: input.active,
          ...(passwordHash ? { passwordHash } : {}),
          // A password reset or a deactivation ends every session; reactivating must not bring old tokens back.
          ...(passwordHash || input.active === false ? { tokenVersion: { increment: 1 } } : {}),
        },
        select: userSelect,
      });
      await recordAudit(tx, actor, {
        entityType: 'user',
        entityId: id,
        action: actionFor(before, after, passwordHash !== undefined),
        before: auditableUser(before),
        after: { ...auditableUser(after), ...(passwordHash ? { passwordChanged: true } : {}) },
      });
      return after;
    });
    return presentUser(updated);
  }

  async function hashPasswordFor(id: string, input: UpdateUserInput): Promise<string> {
    const user = await prisma.user.findUnique({ where: { id }, select: { email: true, name: true } });
    if (!user) throw new NotFoundError('user', id);
    assertStrongPassword(input.password!, { email: user.email, name: input.name ?? user.name });
    return hashPassword(input.password!);
  }

  /** Makes sure the configured admin exists; an existing account with that email is left as it is. */
  async function ensureAdmin(email: string, password: string, name = 'Administrator'): Promise<'created' | 'exists'> {
    const normalized = email.trim().toLowerCase();
    const existing = await prisma.user.findUnique({ where: { email: normalized }, select: { id: true } });
    if (existing) return 'exists';
    try {
      await createUser({ email: normalized, name, password, role: 'admin' }, null);
      return 'created';
    } catch (error) {
      if (error instanceof ConflictError) return 'exists';
      throw error;
    }
  }

  return { createUser, listUsers, getUser, updateUser, ensureAdmin };
}

export type UserService = ReturnType<typeof createUserService>;

function removesAdmin(user: UserRow, input: UpdateUserInput): boolean {
  const isActiveAdmin = user.role === 'admin' && user.active;
  return isActiveAdmin && ((input.role !== undefined && input.role !== 'admin') || input.active === false);
}

/** Locks the active admins so two concurrent demotions cannot leave the desk without one. */
async function assertAnotherActiveAdmin(tx: Prisma.TransactionClient, exceptId: string): Promise<void> {
  const admins = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id::text FROM "users" WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`;
  if (!admins.some((admin) => admin.id !== exceptId)) {
    throw new ConflictError('LAST_ADMIN', 'This is the last active admin; make another user admin first');
  }
}

function actionFor(before: UserRow, after: UserRow, passwordChanged: boolean): string {
  if (before.active && !after.active) return 'user.deactivated';
  if (!before.active && after.active) return 'user.reactivated';
  if (before.role !== after.role) return 'user.role_changed';
  if (passwordChanged && before.name === after.name) return 'user.password_reset';
  return 'user.updated';
}

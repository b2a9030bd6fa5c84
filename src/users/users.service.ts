import type { Actor } from '../auth/actor';
import { hashPassword, passwordWeaknesses } from '../auth/passwords';
import { recordAudit } from '../audit/audit.recorder';
import { z } from 'zod';
import type { Db } from '../db/sql';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { cursorParts, decodeCursor, toPage, type Page } from '../http/keyset';
import { auditableUser, presentUser } from './users.presenter';
import {
  findUser,
  findUserIdByEmail,
  findUserNameAndEmail,
  insertUser,
  listUsers as listUserRows,
  lockActiveAdmins,
  lockUser,
  updateUserRow,
  type UserRow,
} from './users.queries';
import type { CreateUserInput, ListPeopleQuery, ListUsersQuery, UpdateUserInput } from './users.schema';

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

const ORDERING = 'users:oldest';
const PEOPLE_ORDERING = 'people:oldest';
const CursorKey = z.tuple([cursorParts.timestamp, cursorParts.uuid]);

export function createUserService({ prisma, pool }: Db) {
  async function createUser(input: CreateUserInput, actor: Actor | null): Promise<UserView> {
    assertStrongPassword(input.password, input);
    const passwordHash = await hashPassword(input.password);
    try {
      const user = await prisma.$transaction(async (tx) => {
        const created = await insertUser(tx, { email: input.email, name: input.name, role: input.role, passwordHash });
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
    const key = query.cursor ? decodeCursor(ORDERING, query.cursor, CursorKey) : undefined;
    const rows = await listUserRows(pool, { role: query.role, active: query.active }, key && { createdAt: key[0], id: key[1] }, query.limit);
    return toPage(rows, query.limit, ORDERING, (u) => [u.createdAt.toISOString(), u.id], presentUser);
  }

  /** The active people of the desk (id, name, role), oldest first: whom an editor can assign. */
  async function listPeople(query: ListPeopleQuery) {
    const key = query.cursor ? decodeCursor(PEOPLE_ORDERING, query.cursor, CursorKey) : undefined;
    const rows = await listUserRows(pool, { role: query.role, active: true }, key && { createdAt: key[0], id: key[1] }, query.limit);
    return toPage(rows, query.limit, PEOPLE_ORDERING, (u) => [u.createdAt.toISOString(), u.id], ({ id, name, role }) => ({ id, name, role }));
  }

  async function getUser(id: string): Promise<UserView> {
    const user = await findUser(prisma, id);
    if (!user) throw new NotFoundError('user', id);
    return presentUser(user);
  }

  async function updateUser(id: string, input: UpdateUserInput, actor: Actor): Promise<UserView> {
    const passwordHash = input.password === undefined ? undefined : await hashPasswordFor(id, input);
    const updated = await prisma.$transaction(async (tx) => {
      // Changes that could remove an admin lock the active admins first (in id order), then the user: one lock
      // order for everyone, so two concurrent demotions cannot deadlock or leave the desk without an admin.
      const admins = mayRemoveAdmin(input) ? await lockActiveAdmins(tx) : undefined;
      const before = await lockUser(tx, id);
      if (!before) throw new NotFoundError('user', id);
      if (!changesSomething(before, input, passwordHash)) return before;
      if (admins && removesAdmin(before, input) && !admins.some((admin) => admin.id !== id)) {
        throw new ConflictError('LAST_ADMIN', 'This is the last active admin; make another user admin first');
      }
      const after = await updateUserRow(tx, id, {
        name: input.name,
        role: input.role,
        active: input.active,
        ...(passwordHash ? { passwordHash } : {}),
        // A password reset or a deactivation ends every session; reactivating must not bring old tokens back.
        ...(passwordHash || (input.active === false && before.active) ? { tokenVersion: { increment: 1 } } : {}),
      });
      await recordAudit(tx, actor, {
        entityType: 'user',
        entityId: id,
        action: actionFor(before, after, passwordHash !== undefined),
        before: auditableUser(before),
        after: auditableUser(after),
        context: passwordHash ? { passwordChanged: true } : null,
      });
      return after;
    });
    return presentUser(updated);
  }

  async function hashPasswordFor(id: string, input: UpdateUserInput): Promise<string> {
    const user = await findUserNameAndEmail(prisma, id);
    if (!user) throw new NotFoundError('user', id);
    assertStrongPassword(input.password!, { email: user.email, name: input.name ?? user.name });
    return hashPassword(input.password!);
  }

  /** Makes sure the configured admin exists; an existing account with that email is left as it is. */
  async function ensureAdmin(email: string, password: string, name = 'Administrator'): Promise<'created' | 'exists'> {
    const normalized = email.trim().toLowerCase();
    const existing = await findUserIdByEmail(prisma, normalized);
    if (existing) return 'exists';
    try {
      await createUser({ email: normalized, name, password, role: 'admin' }, null);
      return 'created';
    } catch (error) {
      if (error instanceof ConflictError) return 'exists';
      throw error;
    }
  }

  return { createUser, listUsers, listPeople, getUser, updateUser, ensureAdmin };
}

export type UserService = ReturnType<typeof createUserService>;

function removesAdmin(user: UserRow, input: UpdateUserInput): boolean {
  const isActiveAdmin = user.role === 'admin' && user.active;
  return isActiveAdmin && ((input.role !== undefined && input.role !== 'admin') || input.active === false);
}

function mayRemoveAdmin(input: UpdateUserInput): boolean {
  return (input.role !== undefined && input.role !== 'admin') || input.active === false;
}

/** An update that changes nothing writes nothing (and no audit event). */
function changesSomething(user: UserRow, input: UpdateUserInput, passwordHash: string | undefined): boolean {
  return (
    passwordHash !== undefined ||
    (input.name !== undefined && input.name !== user.name) ||
    (input.role !== undefined && input.role !== user.role) ||
    (input.active !== undefined && input.active !== user.active)
  );
}

function actionFor(before: UserRow, after: UserRow, passwordChanged: boolean): string {
  if (before.active && !after.active) return 'user.deactivated';
  if (!before.active && after.active) return 'user.reactivated';
  if (before.role !== after.role) return 'user.role_changed';
  if (passwordChanged && before.name === after.name) return 'user.password_reset';
  return 'user.updated';
}

import type { UserRow } from './users.queries';

/** Never includes the password hash or token version. */
export function presentUser(user: UserRow) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a user: no secrets. */
export function auditableUser(user: UserRow) {
  return { email: user.email, name: user.name, role: user.role, active: user.active };
}

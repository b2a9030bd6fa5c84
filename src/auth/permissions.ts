import type { Role } from '../generated/prisma/enums';

/**
 * Who may do what. Every route names one permission next to its definition; this table is the only
 * place that says which roles hold it.
 */
export const ROLE_PERMISSIONS = {
  'articles:read': ['admin', 'editor', 'reviewer'],
  'articles:write': ['admin', 'editor'],
  'claims:read': ['admin', 'editor', 'reviewer'],
  'claims:edit': ['admin', 'editor', 'reviewer'],
  'audit:read': ['admin', 'editor'],
  'users:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof ROLE_PERMISSIONS;

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[permission] as readonly Role[]).includes(role);
}

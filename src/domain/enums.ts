import { z } from 'zod';
import { ClaimStatus, Role } from '../generated/prisma/enums';

/**
 * Every enum the API speaks comes from the Prisma schema (the single source of truth), re-exported here with
 * its zod schema so validation, OpenAPI and services never spell the values out again.
 */
export { ClaimStatus, Role };

export const RoleSchema = z.enum(Role);
export const ClaimStatusSchema = z.enum(ClaimStatus);

export const ROLES = Object.values(Role);
export const CLAIM_STATUSES = Object.values(ClaimStatus);

/** "Editor" means editor or admin throughout. */
export const EDITOR_ROLES: readonly Role[] = [Role.editor, Role.admin];
export const isEditor = (role: Role) => EDITOR_ROLES.includes(role);

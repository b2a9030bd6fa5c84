import type { Actor } from '../auth/actor';
import { EDITOR_ROLES, ROLES, type Role } from '../domain/enums';
import type { Services } from '../services';

/**
 * Who may call a route, declared next to it in the route table. A policy is a predicate on the loaded
 * resource ("may this reviewer act on this claim?"), not only on the role; its `who` list states the same rule
 * in words for the OpenAPI document and drives the permission-matrix test, which proves the two agree.
 */

/** The kinds of caller the permission matrix distinguishes. */
export type Caller = 'anonymous' | Role | 'assignedReviewer';

export interface Policy<Resource = unknown, Params = unknown> {
  name: string;
  /** Plain-language rule for the API document, e.g. "an assigned reviewer, or an editor". */
  description: string;
  /** Callers the rule admits, as the permission matrix sets them up. */
  who: readonly Caller[];
  /** Loads the resource the rule is about (throws NotFoundError), before the rule is checked. */
  load(params: Params, services: Services, actor: Actor): Promise<Resource>;
  allows(actor: Actor, resource: Resource): boolean;
}

export type Access<Resource = unknown> =
  | { kind: 'public' }
  | { kind: 'roles'; roles: readonly Role[]; description: string }
  | { kind: 'policy'; policy: Policy<Resource, any> };

export const publicAccess: Access = { kind: 'public' };
export const signedIn: Access = { kind: 'roles', roles: ROLES, description: 'every signed-in user' };
export const editors: Access = { kind: 'roles', roles: EDITOR_ROLES, description: 'editors and admins' };
export const admins: Access = { kind: 'roles', roles: ['admin'], description: 'admins' };

export const byPolicy = <R, P>(policy: Policy<R, P>): Access<R> => ({ kind: 'policy', policy });

/** The callers an access rule admits, for the permission matrix and the API document. */
export function admittedCallers(access: Access<any>): Caller[] {
  if (access.kind === 'public') return ['anonymous', ...ROLES, 'assignedReviewer'];
  if (access.kind === 'policy') return [...access.policy.who];
  const callers: Caller[] = [...access.roles];
  if (access.roles.includes('reviewer')) callers.push('assignedReviewer');
  return callers;
}

export function describeAccess(access: Access<any>): string {
  if (access.kind === 'public') return 'anyone, no sign-in';
  if (access.kind === 'policy') return access.policy.description;
  return access.description;
}

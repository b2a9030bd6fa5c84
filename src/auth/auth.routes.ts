/**
 * /api/auth: sign in (public, rate-limited), who am I, change my own password.
 * Login failures all look alike: same status, code and message, whether the email exists or not.
 */
import { z } from 'zod';
import { publicAccess, signedIn } from '../http/access';
import { defineRoute, ok } from '../http/route';
import { RoleSchema } from '../domain/enums';
import { UserResponse } from '../users/users.schema';
import { ChangePasswordBody, LoginBody } from './auth.schema';

const Session = z
  .object({
    token: z.string().meta({ description: 'JWT (HS256); send as `Authorization: Bearer <token>`' }),
    tokenType: z.literal('Bearer'),
    expiresAt: z.iso.datetime(),
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: RoleSchema }),
  })
  .meta({ id: 'Session' });

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/auth/login',
    operationId: 'login',
    tags: ['Auth'],
    summary: 'Sign in with email and password',
    description:
      'Failed attempts are limited per (account, client address) pair and per address per day (429 with Retry-After); ' +
      "an account is never locked for everyone: another address's correct password always works. A wrong email and a " +
      'wrong password give the same 401.',
    access: publicAccess,
    errors: [401, 429, 503],
    request: { body: LoginBody },
    responses: { 200: { description: 'Signed in', schema: Session } },
    handler: async ({ body, req, services }) => ok(await services.auth.login(body, req.ip)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/me',
    operationId: 'getCurrentUser',
    tags: ['Auth'],
    summary: 'The signed-in user',
    access: signedIn,
    responses: { 200: { description: 'The current user', schema: UserResponse } },
    handler: async ({ actor, services }) => ok(await services.users.getUser(actor.userId)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/password',
    operationId: 'changePassword',
    tags: ['Auth'],
    summary: 'Change your own password',
    description: 'Requires the current password. Every other session ends; the response carries a fresh token.',
    access: signedIn,
    errors: [403, 429],
    request: { body: ChangePasswordBody },
    responses: { 200: { description: 'Changed', schema: Session } },
    handler: async ({ body, actor, req, services }) => ok(await services.auth.changePassword(actor, body, req.ip)),
  }),
];

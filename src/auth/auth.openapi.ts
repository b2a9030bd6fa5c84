import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { errorResponses, json } from '../openapi/registry';
import { RoleSchema } from '../users/users.schema';
import { UserResponse } from '../users/users.openapi';
import { ChangePasswordBody, LoginBody } from './auth.schema';

const Session = z
  .object({
    token: z.string().meta({ description: 'JWT (HS256); send as `Authorization: Bearer <token>`' }),
    tokenType: z.literal('Bearer'),
    expiresAt: z.iso.datetime(),
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: RoleSchema }),
  })
  .meta({ id: 'Session' });

export function registerAuthPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/api/auth/login',
    tags: ['Auth'],
    summary: 'Sign in with email and password',
    description:
      'Failed attempts are limited per account and per client address (429 with Retry-After). A wrong email and a wrong password give the same 401.',
    security: [],
    request: { body: { required: true, content: json(LoginBody) } },
    responses: { 200: { description: 'Signed in', content: json(Session) }, ...errorResponses(400, 401, 415, 429) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/auth/me',
    tags: ['Auth'],
    summary: 'The signed-in user',
    responses: { 200: { description: 'The current user', content: json(UserResponse) }, ...errorResponses(401) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/password',
    tags: ['Auth'],
    summary: 'Change your own password',
    description: 'Requires the current password. Every other session ends; the response carries a fresh token.',
    request: { body: { required: true, content: json(ChangePasswordBody) } },
    responses: { 200: { description: 'Changed', content: json(Session) }, ...errorResponses(400, 401, 403, 415, 429) },
  });
}

import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { IdParams } from '../http/common-schemas';
import { errorResponses, pageOf, json } from '../openapi/registry';
import { CreateUserBody, ListUsersQuery, RoleSchema, UpdateUserBody } from './users.schema';
import type { UserView } from './users.service';

export const UserResponse = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });

export const userResponseMatchesPresenter = (user: UserView): z.infer<typeof UserResponse> => user;

export function registerUserPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/api/users',
    tags: ['Users'],
    summary: 'Create an account (admin)',
    description: 'Passwords need at least 12 characters, 5 distinct characters, and must not contain the name or email.',
    request: { body: { required: true, content: json(CreateUserBody) } },
    responses: { 201: { description: 'Created', content: json(UserResponse) }, ...errorResponses(400, 401, 403, 409, 415) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/users',
    tags: ['Users'],
    summary: 'List accounts (admin)',
    request: { query: ListUsersQuery },
    responses: { 200: { description: 'A page of users', content: json(pageOf(UserResponse)) }, ...errorResponses(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/users/{id}',
    tags: ['Users'],
    summary: 'Read an account (admin)',
    request: { params: IdParams },
    responses: { 200: { description: 'The user', content: json(UserResponse) }, ...errorResponses(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/users/{id}',
    tags: ['Users'],
    summary: 'Rename, change role, deactivate/reactivate or reset the password of an account (admin)',
    description:
      'Deactivation and password resets end the user\'s sessions at once. The last active admin cannot be demoted or deactivated (409 LAST_ADMIN).',
    request: { params: IdParams, body: { required: true, content: json(UpdateUserBody) } },
    responses: { 200: { description: 'Updated', content: json(UserResponse) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
  });
}

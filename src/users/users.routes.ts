/**
 * /api/users: account management, admins only. Users are deactivated, never deleted (the audit trail names them).
 * /api/people: the desk's active people (id, name, role) for editors, to assign work.
 */
import { admins, editors } from '../http/access';
import { IdParams } from '../http/common-schemas';
import { created, defineRoute, ok } from '../http/route';
import { pageOf } from '../openapi/registry';
import { CreateUserBody, ListPeopleQuery, ListUsersQuery, PersonResponse, UpdateUserBody, UserResponse } from './users.schema';

export const userRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/people',
    operationId: 'listPeople',
    tags: ['Users'],
    summary: 'The active people of the desk (id, name, role), to assign work to',
    description: 'No e-mail addresses or account details: those are for admins (GET /api/users).',
    access: editors,
    request: { query: ListPeopleQuery },
    responses: { 200: { description: 'A page of people', schema: pageOf(PersonResponse) } },
    handler: async ({ query, services }) => ok(await services.users.listPeople(query)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/users',
    operationId: 'createUser',
    tags: ['Users'],
    summary: 'Create an account',
    description: 'Passwords need at least 12 characters and must not be common or contain the name or email.',
    access: admins,
    errors: [409],
    request: { body: CreateUserBody },
    responses: { 201: { description: 'Created', schema: UserResponse, headers: { Location: { description: 'The new user' } } } },
    handler: async ({ body, actor, services }) => {
      const user = await services.users.createUser(body, actor);
      return created(user, `/api/users/${user.id}`);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/users',
    operationId: 'listUsers',
    tags: ['Users'],
    summary: 'List accounts, oldest first',
    access: admins,
    request: { query: ListUsersQuery },
    responses: { 200: { description: 'A page of users', schema: pageOf(UserResponse) } },
    handler: async ({ query, services }) => ok(await services.users.listUsers(query)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/users/:id',
    operationId: 'getUser',
    tags: ['Users'],
    summary: 'Read an account',
    access: admins,
    request: { params: IdParams },
    responses: { 200: { description: 'The user', schema: UserResponse } },
    handler: async ({ params, services }) => ok(await services.users.getUser(params.id)),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/users/:id',
    operationId: 'updateUser',
    tags: ['Users'],
    summary: 'Rename, change role, deactivate or reactivate, or reset the password of an account',
    description:
      'Deactivation and a password reset end every session of the user. The last active admin cannot be demoted ' +
      'or deactivated (409 LAST_ADMIN). A change that changes nothing writes nothing.',
    access: admins,
    errors: [409],
    request: { params: IdParams, body: UpdateUserBody },
    responses: { 200: { description: 'The user', schema: UserResponse } },
    handler: async ({ params, body, actor, services }) => ok(await services.users.updateUser(params.id, body, actor)),
  }),
];

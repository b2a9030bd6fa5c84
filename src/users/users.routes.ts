/** /api/users: account management, admins only. Users are deactivated, never deleted (the audit trail names them). */
import { Router } from 'express';
import { actorOf } from '../http/authenticate';
import { authorize } from '../http/authorize';
import { IdParams } from '../http/common-schemas';
import { handle } from '../http/handle';
import { CreateUserBody, ListUsersQuery, UpdateUserBody } from './users.schema';
import type { UserService } from './users.service';

export function usersRouter(users: UserService): Router {
  const router = Router();

  router.post(
    '/',
    authorize('users:manage'),
    handle({ body: CreateUserBody }, async ({ body }, req, res) => {
      const user = await users.createUser(body, actorOf(req));
      res.status(201).location(`/api/users/${user.id}`).json(user);
    }),
  );

  router.get(
    '/',
    authorize('users:manage'),
    handle({ query: ListUsersQuery }, async ({ query }, _req, res) => {
      res.json(await users.listUsers(query));
    }),
  );

  router.get(
    '/:id',
    authorize('users:manage'),
    handle({ params: IdParams }, async ({ params }, _req, res) => {
      res.json(await users.getUser(params.id));
    }),
  );

  router.patch(
    '/:id',
    authorize('users:manage'),
    handle({ params: IdParams, body: UpdateUserBody }, async ({ params, body }, req, res) => {
      res.json(await users.updateUser(params.id, body, actorOf(req)));
    }),
  );

  return router;
}

/**
 * /api/auth: sign in (public, rate-limited), who am I, change my own password.
 * Login failures all look alike: same status, code and message, whether the email exists or not.
 */
import { Router, type RequestHandler } from 'express';
import { handle } from '../http/handle';
import { actorOf } from '../http/authenticate';
import { ChangePasswordBody, LoginBody } from './auth.schema';
import type { AuthService } from './auth.service';
import type { UserService } from '../users/users.service';

export function authRouter(auth: AuthService, users: UserService, authenticated: RequestHandler): Router {
  const router = Router();

  router.post(
    '/login',
    handle({ body: LoginBody }, async ({ body }, req, res) => {
      res.json(await auth.login(body, req.ip ?? 'unknown'));
    }),
  );

  router.get(
    '/me',
    authenticated,
    handle({}, async (_input, req, res) => {
      res.json(await users.getUser(actorOf(req).userId));
    }),
  );

  router.post(
    '/password',
    authenticated,
    handle({ body: ChangePasswordBody }, async ({ body }, req, res) => {
      res.json(await auth.changePassword(actorOf(req), body, req.ip ?? 'unknown'));
    }),
  );

  return router;
}

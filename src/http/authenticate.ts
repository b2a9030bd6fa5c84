import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Actor } from '../auth/actor';
import type { TokenService } from '../auth/tokens';
import { findSessionUser } from '../auth/auth.queries';
import type { Db } from '../db/sql';
import { UnauthenticatedError } from '../errors';

declare module 'express-serve-static-core' {
  interface Request {
    auth?: Actor;
  }
}

const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Verifies the bearer token and loads its user on every request, so deactivation and password changes
 * take effect at once. Sets req.auth or answers 401.
 */
export function authenticate(tokens: TokenService, { pool }: Db): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      req.auth = await actorFromRequest(req, tokens, pool);
      next();
    } catch (error) {
      next(error);
    }
  };
}

async function actorFromRequest(req: Request, tokens: TokenService, pool: Db['pool']): Promise<Actor> {
  const header = req.headers.authorization;
  if (!header) throw new UnauthenticatedError('Sign in and send the token as `Authorization: Bearer <token>`');
  const match = BEARER.exec(header.trim());
  if (!match) throw new UnauthenticatedError('The Authorization header must be `Bearer <token>`', 'INVALID_TOKEN');
  const claims = tokens.verify(match[1]);
  if (!UUID.test(claims.userId)) throw new UnauthenticatedError('The token is invalid', 'INVALID_TOKEN');
  const user = await findSessionUser(pool, claims.userId);
  if (!user) throw new UnauthenticatedError('The token is invalid', 'INVALID_TOKEN');
  if (!user.active) throw new UnauthenticatedError('This account has been deactivated', 'ACCOUNT_DEACTIVATED');
  if (user.tokenVersion !== claims.tokenVersion) {
    throw new UnauthenticatedError('The token has been revoked; sign in again', 'TOKEN_REVOKED');
  }
  return { userId: user.id, email: user.email, name: user.name, role: user.role, requestId: String(req.id ?? '') };
}

/** The signed-in actor of a request that went through authenticate(). */
export function actorOf(req: Request): Actor {
  if (!req.auth) throw new UnauthenticatedError();
  return req.auth;
}

import type { RequestHandler } from 'express';
import { roleHasPermission, type Permission } from '../auth/permissions';
import { ForbiddenError, UnauthenticatedError } from '../errors';

/** Declared next to each route: 401 without a signed-in user, 403 when the role lacks the permission. */
export function authorize(permission: Permission): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth) return next(new UnauthenticatedError());
    if (!roleHasPermission(req.auth.role, permission)) {
      return next(new ForbiddenError(`Your role (${req.auth.role}) does not allow ${permission}`));
    }
    next();
  };
}

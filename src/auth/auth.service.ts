import { recordAudit } from '../audit/audit.recorder';
import type { PrismaClient } from '../db/prisma';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { auditableUser, presentUser } from '../users/users.presenter';
import { findCredentialsByEmail, findCredentialsById, setPassword } from './auth.queries';
import { assertStrongPassword } from '../users/users.service';
import type { Actor } from './actor';
import type { ChangePasswordInput, LoginInput } from './auth.schema';
import type { LoginThrottle } from './login-throttle';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords';
import type { TokenService } from './tokens';

export interface AuthServiceDeps {
  prisma: PrismaClient;
  tokens: TokenService;
  throttle: LoginThrottle;
}

export function createAuthService({ prisma, tokens, throttle }: AuthServiceDeps) {
  function session(user: { id: string; tokenVersion: number } & Parameters<typeof presentUser>[0]) {
    const { token, expiresAt } = tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion });
    const { id, email, name, role } = presentUser(user);
    return { token, tokenType: 'Bearer' as const, expiresAt: expiresAt.toISOString(), user: { id, email, name, role } };
  }

  /**
   * Unknown email, wrong password and deactivated account all answer the same 401 after the same work
   * (throttling counts unknown emails exactly like real ones).
   */
  async function login(input: LoginInput, clientIp: string | undefined) {
    const attempt = await throttle.beginAttempt(input.email, clientIp);
    const user = await findCredentialsByEmail(prisma, input.email);
    const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
    if (!user || !passwordMatches || !user.active) {
      throw new UnauthenticatedError('Email or password is incorrect', 'INVALID_CREDENTIALS');
    }
    await attempt.succeeded();
    return session(user);
  }

  /**
   * Changing one's password signs out every other session: the token version moves on. A wrong current
   * password counts as a failed sign-in of the account from this address (a stolen token must not become a
   * way around the sign-in throttle).
   */
  async function changePassword(actor: Actor, input: ChangePasswordInput, clientIp: string | undefined) {
    const attempt = await throttle.beginAttempt(actor.email.toLowerCase(), clientIp);
    const user = await findCredentialsById(prisma, actor.userId);
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw new ForbiddenError('The current password is incorrect', 'CURRENT_PASSWORD_INCORRECT');
    }
    await attempt.succeeded();
    assertStrongPassword(input.newPassword, user, 'newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    const updated = await prisma.$transaction(async (tx) => {
      const changed = await setPassword(tx, user.id, passwordHash);
      await recordAudit(tx, actor, {
        entityType: 'user',
        entityId: user.id,
        action: 'user.password_changed',
        before: auditableUser(user),
        after: auditableUser(changed),
        context: { passwordChanged: true },
      });
      return changed;
    });
    return session(updated);
  }

  return { login, changePassword };
}

export type AuthService = ReturnType<typeof createAuthService>;

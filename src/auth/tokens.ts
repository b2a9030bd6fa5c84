import { createSecretKey, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { UnauthenticatedError } from '../errors';

/** HS256 access tokens. Verification pins the algorithm, so `alg: none` and RS/ES confusion are rejected. */

const ALGORITHM = 'HS256' as const;

export interface TokenSettings {
  secret: string;
  ttlSeconds: number;
  issuer: string;
  audience: string;
}

export interface TokenClaims {
  userId: string;
  tokenVersion: number;
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export function createTokenService(settings: TokenSettings) {
  // A KeyObject made once: given a string, jsonwebtoken first tries to parse it as a PEM public key on every
  // verify (and throws), which cost a fifth of the CPU of a signed-in read.
  const key = createSecretKey(Buffer.from(settings.secret, 'utf8'));
  function issue(subject: TokenClaims, now = new Date()): IssuedToken {
    const token = jwt.sign({ tv: subject.tokenVersion }, settings.secret, {
      algorithm: ALGORITHM,
      subject: subject.userId,
      expiresIn: settings.ttlSeconds,
      issuer: settings.issuer,
      audience: settings.audience,
      jwtid: randomUUID(),
    });
    const { exp } = jwt.decode(token) as { exp: number };
    return { token, expiresAt: new Date(exp * 1000 || now.getTime() + settings.ttlSeconds * 1000) };
  }

  function verify(token: string): TokenClaims {
    let payload: jwt.JwtPayload;
    try {
      payload = jwt.verify(token, key, {
        algorithms: [ALGORITHM],
        issuer: settings.issuer,
        audience: settings.audience,
        complete: false,
      }) as jwt.JwtPayload;
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) throw new UnauthenticatedError('The token has expired', 'TOKEN_EXPIRED');
      throw new UnauthenticatedError('The token is invalid', 'INVALID_TOKEN');
    }
    if (typeof payload.sub !== 'string' || !Number.isInteger(payload.tv) || typeof payload.exp !== 'number') {
      throw new UnauthenticatedError('The token is invalid', 'INVALID_TOKEN');
    }
    return { userId: payload.sub, tokenVersion: payload.tv };
  }

  return { issue, verify };
}

export type TokenService = ReturnType<typeof createTokenService>;

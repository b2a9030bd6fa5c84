import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors';

export interface LoginRateLimitSettings {
  perAccount: number;
  perIp: number;
  windowSeconds: number;
}

/**
 * Limits password attempts per account and per client address. Every attempt takes a point up front (so a
 * burst of parallel guesses cannot slip past a check), and a successful one gives its points back: in effect
 * only failures count. Counters live in process memory; run one instance or front it with a shared limiter.
 */
export function createLoginRateLimiter(settings: LoginRateLimitSettings) {
  const byAccount = new RateLimiterMemory({ keyPrefix: 'login-account', points: settings.perAccount, duration: settings.windowSeconds });
  const byIp = new RateLimiterMemory({ keyPrefix: 'login-ip', points: settings.perIp, duration: settings.windowSeconds });

  async function takeAttempt(account: string, ip: string): Promise<void> {
    const results = await Promise.allSettled([byAccount.consume(account), byIp.consume(ip)]);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (rejected.length === 0) return;
    const waits = rejected.map((r) => (r.reason instanceof RateLimiterRes ? r.reason.msBeforeNext : 1000));
    throw new RateLimitedError(
      'Too many sign-in attempts; try again later',
      Math.max(1, Math.ceil(Math.max(...waits) / 1000)),
    );
  }

  async function forgiveAttempt(account: string, ip: string): Promise<void> {
    await Promise.all([byAccount.delete(account), byIp.reward(ip, 1)]);
  }

  return { takeAttempt, forgiveAttempt };
}

export type LoginRateLimiter = ReturnType<typeof createLoginRateLimiter>;

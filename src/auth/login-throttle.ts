import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config';
import type { PrismaClient } from '../db/prisma';
import { RateLimitedError } from '../errors';
import type { Logger } from '../logger';
import { clientAddressKey } from './client-address';
import {
  countAccountAttempt,
  countAddressAttempt,
  forgiveLoginAttempt,
  purgeExpiredLoginFailures,
} from './login-attempts.queries';

/**
 * Password-guessing limits that an attacker cannot turn against the real user (the scheme OWASP describes for
 * brute-force protection without account lockout):
 *
 * - consecutive failures are counted per (account, client address) pair: after `pairMaxFailures` the pair is
 *   refused (429) until the window has passed; a success resets the pair. Another address, such as the real
 *   user's, is unaffected, so an attacker's failures never make the service refuse the right password elsewhere;
 * - each client address has a daily cap of failed or refused attempts across all accounts, which stops one
 *   address from spraying many accounts;
 * - guessing one account from many addresses is not refused (that would be a lockout again) but slowed: every
 *   attempt on the account waits `delayStepMs` per recent failure on it, from any address, up to `delayMaxMs`
 *   (at most 2 s); the password policy does the rest.
 *
 * Counters live in PostgreSQL (login-attempts.queries.ts), so every instance of the service shares them.
 */

export type LoginThrottleSettings = Config['loginThrottle'];

export interface LoginAttempt {
  /** The delay this attempt waited, in ms. */
  delayedMs: number;
  /** Call when the password was right: the pair starts again from zero and this attempt stops counting. */
  succeeded(): Promise<void>;
}

/** Expired counters are ignored anyway; deleting them now and then only keeps the tables small. */
const PURGE_INTERVAL_MS = 10 * 60 * 1000;

/** The delay before answering an attempt on an account that had `previousFailures` recent failures. */
export function loginDelayMs(previousFailures: number, settings: Pick<LoginThrottleSettings, 'delayStepMs' | 'delayMaxMs'>): number {
  return Math.min(settings.delayMaxMs, Math.max(0, previousFailures) * settings.delayStepMs);
}

export function createLoginThrottle({
  prisma,
  settings,
  logger,
  now = Date.now,
}: {
  prisma: PrismaClient;
  settings: LoginThrottleSettings;
  logger: Logger;
  now?: () => number;
}) {
  let lastPurge = now();

  function purgeNowAndThen() {
    if (now() - lastPurge < PURGE_INTERVAL_MS) return;
    lastPurge = now();
    purgeExpiredLoginFailures(prisma).catch((error) => logger.warn({ err: error }, 'could not purge expired sign-in counters'));
  }

  /**
   * Counts an attempt by `account` (a normalised email) from the client address `ip`, before the password is
   * checked. Throws RateLimitedError when the pair or the address is over its limit; otherwise waits the
   * account's delay and returns the attempt, which counts as a failure unless `succeeded()` is called.
   */
  async function beginAttempt(account: string, ip: string | undefined): Promise<LoginAttempt> {
    purgeNowAndThen();
    const address = clientAddressKey(ip);
    const counted = await countAddressAttempt(prisma, account, address, settings);
    const waits: number[] = [];
    if (counted.pairFailures > settings.pairMaxFailures) waits.push(counted.pairRetryAfterSeconds);
    if (counted.addressFailures > settings.addressMaxFailuresPerDay) waits.push(counted.addressRetryAfterSeconds);
    if (waits.length > 0) {
      throw new RateLimitedError('Too many failed sign-in attempts from this address; try again later', Math.max(1, ...waits));
    }
    const previousFailures = await countAccountAttempt(prisma, account, settings.failureWindowSeconds);
    const delayedMs = loginDelayMs(previousFailures, settings);
    if (delayedMs > 0) await sleep(delayedMs);
    return { delayedMs, succeeded: () => forgiveLoginAttempt(prisma, account, address) };
  }

  return { beginAttempt };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

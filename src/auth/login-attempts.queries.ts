import type { PrismaClient } from '../db/prisma';

/**
 * Sign-in failure counters, shared by every instance through PostgreSQL. Each counter row carries its own
 * expiry: an expired row is treated as absent and overwritten in place by the next upsert, so reads never
 * need to filter old rows and a periodic DELETE (purgeExpiredLoginFailures) only reclaims space.
 *
 * Every attempt is counted up front, atomically (INSERT … ON CONFLICT … DO UPDATE … RETURNING), before the
 * password is checked, so a burst of parallel guesses cannot all pass a read-then-write check; a successful
 * attempt then gives its count back (forgiveLoginAttempt).
 */

export interface AddressAttempt {
  /** Attempts counted for this account from this address in the current window, this one included. */
  pairFailures: number;
  pairRetryAfterSeconds: number;
  /** Attempts counted for this address today across all accounts, this one included. */
  addressFailures: number;
  addressRetryAfterSeconds: number;
}

export interface LoginCounterSettings {
  pairMaxFailures: number;
  failureWindowSeconds: number;
  addressMaxFailuresPerDay: number;
}

const ADDRESS_WINDOW_SECONDS = 86_400;

/**
 * Counts one attempt against the (account, address) pair and the address. A pair's expiry moves with each
 * counted failure until it reaches the limit, then stays put, so a refused pair is free again one window after
 * its last real failure however often it is retried. The address's daily window starts at its first failure.
 * Counts stop one past their limit (enough to refuse) so endless retries cannot overflow them.
 */
export async function countAddressAttempt(
  prisma: PrismaClient,
  account: string,
  address: string,
  settings: LoginCounterSettings,
): Promise<AddressAttempt> {
  const { pairMaxFailures, failureWindowSeconds, addressMaxFailuresPerDay } = settings;
  const [row] = await prisma.$queryRaw<
    Array<{ pair_failures: number; pair_retry: number; address_failures: number; address_retry: number }>
  >`
    WITH pair AS (
      INSERT INTO "login_failures_by_pair" AS p (account, client_address, failures, expires_at)
      VALUES (${account}, ${address}, 1, now() + make_interval(secs => ${failureWindowSeconds}::int))
      ON CONFLICT (account, client_address) DO UPDATE SET
        failures = CASE WHEN p.expires_at <= now() THEN 1 ELSE LEAST(p.failures + 1, ${pairMaxFailures}::int + 1) END,
        expires_at = CASE WHEN p.expires_at <= now() OR p.failures < ${pairMaxFailures}::int
                          THEN EXCLUDED.expires_at ELSE p.expires_at END
      RETURNING failures, expires_at
    ), address AS (
      INSERT INTO "login_failures_by_address" AS a (client_address, failures, expires_at)
      VALUES (${address}, 1, now() + make_interval(secs => ${ADDRESS_WINDOW_SECONDS}::int))
      ON CONFLICT (client_address) DO UPDATE SET
        failures = CASE WHEN a.expires_at <= now() THEN 1 ELSE LEAST(a.failures + 1, ${addressMaxFailuresPerDay}::int + 1) END,
        expires_at = CASE WHEN a.expires_at <= now() THEN EXCLUDED.expires_at ELSE a.expires_at END
      RETURNING failures, expires_at
    )
    SELECT pair.failures AS pair_failures,
           ceil(extract(epoch FROM pair.expires_at - now()))::int AS pair_retry,
           address.failures AS address_failures,
           ceil(extract(epoch FROM address.expires_at - now()))::int AS address_retry
    FROM pair, address`;
  return {
    pairFailures: row.pair_failures,
    pairRetryAfterSeconds: row.pair_retry,
    addressFailures: row.address_failures,
    addressRetryAfterSeconds: row.address_retry,
  };
}

/**
 * Counts one attempt against the account from any address and returns how many failures preceded it in
 * the window (the window slides with each failure). Only used to size the response delay, never to refuse.
 */
export async function countAccountAttempt(prisma: PrismaClient, account: string, failureWindowSeconds: number): Promise<number> {
  const [row] = await prisma.$queryRaw<Array<{ failures: number }>>`
    INSERT INTO "login_failures_by_account" AS f (account, failures, expires_at)
    VALUES (${account}, 1, now() + make_interval(secs => ${failureWindowSeconds}::int))
    ON CONFLICT (account) DO UPDATE SET
      failures = CASE WHEN f.expires_at <= now() THEN 1 ELSE LEAST(f.failures + 1, 1000000) END,
      expires_at = EXCLUDED.expires_at
    RETURNING failures`;
  return row.failures - 1;
}

/** A successful attempt: its pair starts again from zero, and the address and account counts it took are returned. */
export async function forgiveLoginAttempt(prisma: PrismaClient, account: string, address: string): Promise<void> {
  await prisma.$executeRaw`
    WITH pair AS (
      DELETE FROM "login_failures_by_pair" WHERE account = ${account} AND client_address = ${address}
    ), address AS (
      UPDATE "login_failures_by_address" SET failures = GREATEST(failures - 1, 0)
      WHERE client_address = ${address} AND expires_at > now()
    )
    UPDATE "login_failures_by_account" SET failures = GREATEST(failures - 1, 0)
    WHERE account = ${account} AND expires_at > now()`;
}

/** Deletes expired counters (each table has an index on expires_at); returns how many rows went. */
export async function purgeExpiredLoginFailures(prisma: PrismaClient): Promise<number> {
  const [row] = await prisma.$queryRaw<Array<{ deleted: number }>>`
    WITH pairs AS (DELETE FROM "login_failures_by_pair" WHERE expires_at <= now() RETURNING 1),
         addresses AS (DELETE FROM "login_failures_by_address" WHERE expires_at <= now() RETURNING 1),
         accounts AS (DELETE FROM "login_failures_by_account" WHERE expires_at <= now() RETURNING 1)
    SELECT ((SELECT count(*) FROM pairs) + (SELECT count(*) FROM addresses) + (SELECT count(*) FROM accounts))::int AS deleted`;
  return row.deleted;
}

/**
 * A connection the server drops (restart, failover, `pg_terminate_backend`) while the service holds it must fail
 * only the work on it, as "database unavailable" (503), never take the process down, and leave the pool usable.
 * pg emits 'error' on a client that is checked out and between queries, where pg-pool has no listener: unhandled,
 * that event killed the service during a database outage.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { isDatabaseUnavailable } from '../../src/http/error-handler';
import { createTestDatabase, isEmbedded, type TestDatabase } from '../support/db';

const serverOnly = isEmbedded() ? describe.skip : describe;
if (isEmbedded()) console.info('connection-loss: skipped on the embedded test database (one shared backend; nothing to terminate)');

serverOnly('a connection dropped by the server while checked out', () => {
  let db: TestDatabase;
  let admin: Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new Client({ connectionString: db.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await db?.close();
  });

  const terminate = async (pid: number) => {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await sleep(200); // the FATAL message and the socket close reach the client
  };
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );

  it('between two queries of a raw checkout: the next query fails as unavailable, the pool recovers', async () => {
    const client = await db.pool.connect();
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    await terminate(pid);
    const error = await failure(client.query('SELECT 1'));
    expect(error).toBeDefined();
    expect(isDatabaseUnavailable(error)).toBe(true);
    client.release();
    expect((await db.pool.query<{ ok: number }>('SELECT 1 AS ok')).rows[0].ok).toBe(1);
  });

  it('inside a Prisma interactive transaction: the transaction fails as unavailable, the next one works', async () => {
    const error = await failure(
      db.prisma.$transaction(async (tx) => {
        const [{ pid }] = await tx.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`;
        await terminate(pid);
        await tx.$queryRaw`SELECT 1`;
      }),
    );
    expect(error).toBeDefined();
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(await db.prisma.$transaction(async (tx) => tx.user.count())).toBe(0);
  });
});

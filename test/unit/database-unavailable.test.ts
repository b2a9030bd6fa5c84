/** Which errors mean "the database is away" (503 with Retry-After) rather than a bug (500). */
import { isDatabaseUnavailable } from '../../src/http/error-handler';

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a session terminated by the server', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['a connect attempt cut by the timeout', new Error('Connection terminated due to connection timeout')],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['a client broken by a lost connection', new Error('Client has encountered a connection error and is not queryable')],
    ['a client the pool already closed', new Error('Client was closed and is not queryable')],
    ['Prisma: no transaction connection within maxWait', Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { code: 'P2028' })],
    ['Prisma: database not reachable', Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: 'P1001' })],
    ['a wrapped cause', Object.assign(new Error('query failed'), { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) })],
  ])('%s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('Unique constraint failed'), { code: 'P2002' })],
    ['an expired transaction (our transaction ran too long, not an outage)', Object.assign(new Error('Transaction API error: Transaction already closed: A commit cannot be executed on an expired transaction.'), { code: 'P2028' })],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('not %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

/**
 * What the request log says: the server's own request id (the client's only beside it, when safe), and never
 * a token, even one sent in the query string or the path.
 */
import request from 'supertest';
import { buildApp } from '../../src/app';
import { redactUrl } from '../../src/http/request-logging';
import { createLogger } from '../../src/logger';
import { createTestApp, testConfig, type TestApp } from '../support/app';
import { createUser, type TestUser } from '../support/factories';

let t: TestApp;
let user: TestUser;
let lines: string[];
let app: ReturnType<typeof buildApp>;

beforeAll(async () => {
  t = await createTestApp();
  user = await createUser(t.db.prisma);
});
afterAll(() => t.close());
beforeEach(() => {
  lines = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  app = buildApp({ db: t.db, config: testConfig(), logger });
});

interface RequestLog {
  req: { id: string; method: string; url: string; clientRequestId?: string };
  res: { statusCode: number };
}
const requestLogs = () => lines.map((line) => JSON.parse(line)).filter((entry): entry is RequestLog => Boolean(entry.req && entry.res));

describe('request log', () => {
  it("logs the server's request id, the one the response and error body carry, and the client's beside it", async () => {
    const res = await request(app).get('/api/no-such-route').set(user.auth).set('X-Request-Id', 'client-trace.42');

    const [log] = requestLogs();
    expect(res.status).toBe(404);
    expect(log.req.id).toBe(res.headers['x-request-id']);
    expect(res.body.error.requestId).toBe(log.req.id);
    expect(log.req.clientRequestId).toBe('client-trace.42');
  });

  it.each([['with spaces and "quotes"'], ['x'.repeat(129)], ['<script>alert(1)</script>']])(
    'leaves out a client request id that is not a safe token: %j',
    async (clientId) => {
      await request(app).get('/healthz').set('X-Request-Id', clientId);

      const [log] = requestLogs();
      expect(log.req).not.toHaveProperty('clientRequestId');
      expect(lines.join('\n')).not.toContain(clientId);
    },
  );

  it('never writes a token from the query string or the path, nor the Authorization header', async () => {
    const jwt = user.token;
    const urls = [
      `/api/auth/me?token=${jwt}`,
      `/api/auth/me?access_token=opaque-secret-1&q=kept`,
      `/api/auth/me?ACCESS_TOKEN=opaque-secret-2`,
      `/api/auth/me?id_token=opaque-secret-3&refresh_token=opaque-secret-4`,
      `/api/auth/me?api_key=opaque-secret-5&password=opaque-secret-6`,
      `/api/auth/me?anything=${jwt}`,
      `/api/auth/me?${jwt}`,
      `/api/articles/${jwt}`,
      `/api/auth/me?next=${jwt.replace(/\./g, '%2E')}`,
    ];

    for (const url of urls) await request(app).get(url).set(user.auth);

    const logged = requestLogs().map((log) => log.req.url);
    expect(logged).toHaveLength(urls.length);
    const text = lines.join('\n');
    expect(text).not.toContain(jwt.split('.')[1]);
    expect(text).not.toContain(jwt.split('.')[2]);
    expect(text).not.toMatch(/opaque-secret/);
    expect(logged[1]).toBe('/api/auth/me?access_token=[redacted]&q=kept');
    expect(logged[7]).toBe('/api/articles/[redacted]');
  });

  it('writes no request body, so passwords sent to sign in stay out of the log', async () => {
    await request(app).post('/api/auth/login').send({ email: user.email, password: user.password });

    expect(requestLogs()).toHaveLength(1);
    expect(lines.join('\n')).not.toContain(user.password);
  });
});

describe('redactUrl', () => {
  it.each([
    ['/api/articles?q=budget&page=2', '/api/articles?q=budget&page=2'],
    ['/api/x?token=abc', '/api/x?token=[redacted]'],
    ['/api/x?Token=abc&token=def', '/api/x?Token=[redacted]&token=[redacted]'],
    ['/api/x?access%5Ftoken=abc', '/api/x?access%5Ftoken=[redacted]'],
    ['/api/x?secret=a&client_secret=b&jwt=c&code=d', '/api/x?secret=[redacted]&client_secret=[redacted]&jwt=[redacted]&code=[redacted]'],
    ['/api/x?tokenizer=on', '/api/x?tokenizer=on'],
    ['/api/x?v=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', '/api/x?v=[redacted]'],
    ['/api/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln/rest', '/api/[redacted]/rest'],
    ['/api/x?token', '/api/x?token'],
    [undefined, undefined],
  ])('logs %s as %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});

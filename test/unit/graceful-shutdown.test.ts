/** Draining on SIGTERM (src/http/graceful-shutdown.ts): finish what is in flight, refuse the rest cleanly. */
import http, { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDrain } from '../../src/http/graceful-shutdown';

const app: RequestListener = (req, res) => {
  const reply = () => res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`done ${req.url}`);
  if (req.url === '/slow') setTimeout(reply, 300);
  else if (req.url !== '/never') reply();
};

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function get(port: number, path: string, agent: http.Agent): Promise<{ status?: number; headers?: http.IncomingHttpHeaders; body?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

describe('createDrain', () => {
  it('lets a request in flight finish (with Connection: close), closes idle keep-alive connections and stops listening', async () => {
    const drain = createDrain();
    const server = createServer(drain.handler(app));
    const port = await listen(server);
    const agent = new http.Agent({ keepAlive: true });
    try {
      expect((await get(port, '/fast', agent)).status).toBe(200); // leaves an idle keep-alive connection
      const slow = get(port, '/slow', agent);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const forced = jest.fn();
      const started = Date.now();
      await drain.drain(server, 5_000, forced);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(await slow).toMatchObject({ status: 200, body: 'done /slow', headers: expect.objectContaining({ connection: 'close' }) });
      expect(forced).not.toHaveBeenCalled();
      expect(drain.draining).toBe(true);
      expect((await get(port, '/fast', new http.Agent())).error).toBe('ECONNREFUSED');
    } finally {
      agent.destroy();
    }
  });

  it('answers a request that arrives while draining with a complete 503, Retry-After and Connection: close', async () => {
    const drain = createDrain();
    const drained = createServer(drain.handler(app));
    await listen(drained);
    await drain.drain(drained, 1_000, () => undefined);
    // A second listener on the same drain stands in for a keep-alive connection that sends a request just now.
    const other = createServer(drain.handler(app));
    const port = await listen(other);
    try {
      const res = await get(port, '/fast', new http.Agent());
      expect(res.status).toBe(503);
      expect(res.headers).toMatchObject({ 'retry-after': '1', connection: 'close' });
      expect(JSON.parse(res.body!)).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
    } finally {
      other.close();
    }
  });

  it('cuts connections that are still busy when the grace period ends', async () => {
    const drain = createDrain();
    const server = createServer(drain.handler(app));
    const port = await listen(server);
    const hanging = get(port, '/never', new http.Agent());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const forced = jest.fn();
    await drain.drain(server, 200, forced);
    expect(forced).toHaveBeenCalledTimes(1);
    expect((await hanging).error).toBeDefined();
  });
});

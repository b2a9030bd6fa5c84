import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

/**
 * Draining for a graceful stop. Closing the listening socket refuses new connections, but clients with
 * keep-alive connections would go on sending requests on them, so the server would never become idle. While
 * draining:
 * - requests already being handled finish normally, and their responses carry `Connection: close`;
 * - a request that arrives on an open connection is not handled: it gets a complete `503 SERVICE_UNAVAILABLE`
 *   with `Retry-After` and `Connection: close` (a load balancer retries it on another instance);
 * - every connection is closed as soon as it has no request in flight.
 */
export interface Drain {
  /** Wraps the application; pass the result to http.createServer. */
  handler(app: RequestListener): RequestListener;
  /** Starts draining `server`; resolves when every connection has closed (or `graceMs` passed and they were cut). */
  drain(server: Server, graceMs: number, onForced: () => void): Promise<void>;
  readonly draining: boolean;
}

const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

export function createDrain(): Drain {
  let draining = false;
  let server: Server | undefined;
  const active = new Set<ServerResponse>();

  function refuse(req: IncomingMessage, res: ServerResponse) {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    const body = JSON.stringify({
      error: { code: 'SERVICE_UNAVAILABLE', message: 'This instance is shutting down; try again', requestId },
    });
    res.writeHead(503, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Retry-After': '1',
      'X-Request-Id': requestId,
      Connection: 'close',
    });
    res.end(body);
  }

  return {
    get draining() {
      return draining;
    },
    handler(app) {
      return (req, res) => {
        if (draining) return refuse(req, res);
        active.add(res);
        res.on('close', () => {
          active.delete(res);
          // Once this response is done its connection is idle: close it (after Node has marked it idle).
          if (draining) setImmediate(() => server?.closeIdleConnections());
        });
        app(req, res);
      };
    },
    drain(target, graceMs, onForced) {
      draining = true;
      server = target;
      for (const res of active) if (!res.headersSent) res.setHeader('Connection', 'close');
      return new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          onForced();
          target.closeAllConnections();
        }, graceMs);
        force.unref();
        target.close(() => {
          clearTimeout(force);
          resolve();
        });
        target.closeIdleConnections();
      });
    },
  };
}

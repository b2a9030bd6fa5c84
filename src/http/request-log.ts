import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger';

declare module 'http' {
  interface IncomingMessage {
    /** The request id: a well-formed X-Request-Id header, otherwise generated; echoed back. */
    id?: string;
    /** A logger bound to this request (id, method, url), made on first use. */
    log?: Logger;
  }
}

const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

/**
 * One log line per request (`request completed`, with method, path, status, duration and request id) at info,
 * warn (4xx) or error (5xx). It does only what the configured level will print: at LOG_LEVEL=warn a successful
 * request builds no logger and serialises nothing. (pino-http made a child logger with the serialised request
 * for every request, whatever the level.)
 */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      get: () => (child ??= logger.child({ req: { id, method: req.method, url: req.url } })),
    });
    const started = Date.now();
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const status = res.statusCode;
      const finished = res.writableFinished;
      const level = status >= 500 ? 'error' : status >= 400 || !finished ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      req.log![level]({ res: { statusCode: status }, responseTime: Date.now() - started }, finished ? 'request completed' : 'request aborted');
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}

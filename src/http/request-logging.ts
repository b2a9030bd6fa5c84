import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger';

declare module 'http' {
  interface IncomingMessage {
    /** The server's own request id (a UUID), echoed in X-Request-Id, error bodies and the audit trail. */
    id?: string;
    /** A logger bound to this request (id, method, redacted url), made on first use. */
    log?: Logger;
  }
}

/**
 * One JSON log line per request. The request id is always the server's own UUID: it names the request in the
 * logs, in error bodies and in the audit trail, so a client must not be able to choose it (it could otherwise
 * make its events look like the demo data's or another request's). A client's own X-Request-Id is logged
 * beside it as `clientRequestId` when it is a safe token, for correlating with the client's logs.
 */

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Query parameters whose values are credentials, matched case-insensitively on the name. */
const SENSITIVE_QUERY_NAME = /^(access_?token|id_?token|refresh_?token|token|jwt|auth|authorization|password|passwd|pwd|secret|client_?secret|api_?key|apikey|key|code|session|sid|signature|sig)$/i;
/**
 * Anything shaped like a JWT or JWS: base64url parts joined by dots (or percent-encoded dots), the first
 * starting with `eyJ`, the encoding of `{"`. Wherever it appears: query value, parameter name or path.
 */
const JWT_LIKE = /eyJ[A-Za-z0-9_-]*(?:\.|%2[Ee])[A-Za-z0-9_-]*(?:(?:\.|%2[Ee])[A-Za-z0-9_-]*)?/g;
const REDACTED = '[redacted]';

/** The URL as logged: values of credential-named query parameters and every JWT-looking string replaced. */
export function redactUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = queryStart === -1 ? undefined : url.slice(queryStart + 1);
  const redactedQuery = query
    ?.split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) return pair;
      return SENSITIVE_QUERY_NAME.test(safeDecode(pair.slice(0, equals))) ? `${pair.slice(0, equals)}=${REDACTED}` : pair;
    })
    .join('&');
  const rebuilt = redactedQuery === undefined ? path : `${path}?${redactedQuery}`;
  return rebuilt.replace(JWT_LIKE, REDACTED);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

export function clientRequestIdOf(req: IncomingMessage): string | undefined {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && CLIENT_REQUEST_ID.test(incoming) ? incoming : undefined;
}

/**
 * One log line per request (`request completed`, with method, redacted URL, status, duration, the server's request id
 * and the client's, if any) at info, warn (4xx) or error (5xx). It does only what the configured level will print:
 * at LOG_LEVEL=warn a successful request builds no logger and serialises nothing (pino-http made a child logger with
 * the serialised request for every request, whatever the level).
 */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const id = randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      get: () => {
        const clientRequestId = clientRequestIdOf(req);
        return (child ??= logger.child({ req: { id, method: req.method, url: redactUrl(req.url), ...(clientRequestId ? { clientRequestId } : {}) } }));
      },
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

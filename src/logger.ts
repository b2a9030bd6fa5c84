import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs; credentials and tokens never reach them. The request serializer
 * (src/http/request-logging.ts) logs no headers at all and redacts tokens in URLs; these paths are a second
 * line of defence for objects logged by hand. `destination` is for tests (stdout otherwise).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.query.token',
        'req.query.access_token',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        '*.passwordHash',
        '*.token',
        '*.accessToken',
        '*.access_token',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

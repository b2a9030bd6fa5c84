import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; credentials and tokens never reach them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.passwordHash', '*.token'],
      censor: '[redacted]',
    },
  });
}

import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

/** JSON logs; secrets and personal data never reach them (cookies and auth headers are redacted). */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
  });
}

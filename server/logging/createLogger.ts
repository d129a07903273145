import { pino, type Logger } from 'pino';
import type { Config } from '../config/loadConfig.js';

/** Builds the structured JSON logger used everywhere in the server. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'sevenfold' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password'],
      censor: '[redacted]',
    },
  });
}

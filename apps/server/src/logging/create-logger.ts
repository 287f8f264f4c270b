import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { isoNow } from '../shared/iso-now';

export type LogFormat = 'json' | 'pretty';

export interface LoggerOptions {
  level: string;
  format: LogFormat;
  /** Where lines go (stdout by default); tests pass a stream of their own. */
  destination?: DestinationStream;
  /** Names the process on every line (`name`), where one server's output holds another process's too. */
  name?: string;
}

/**
 * Beacon's one logger (pino): a JSON object per line for log collectors, or coloured lines for a
 * person at a terminal. Keys, live tickets and passwords never reach it: the access log names a key
 * by its id and a route by its pattern, and the paths below are blanked should an object carrying
 * them ever be logged.
 */
export function createLogger({ level, format, destination, name }: LoggerOptions): Logger {
  const stream =
    destination ??
    (format === 'pretty'
      ? pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' })
      : pino.destination({ sync: false }));
  return pino(
    {
      level,
      ...(name ? { name } : {}),
      base: { service: 'beacon' },
      // pino's isoTime, formatted once per millisecond rather than once per line.
      timestamp: () => `,"time":"${isoNow()}"`,
      redact: {
        paths: ['key', 'apiKey', 'ticket', 'password', 'headers.authorization', 'headers["x-api-key"]', 'query.key', 'query.ticket'],
        censor: '[redacted]',
      },
    },
    stream,
  );
}

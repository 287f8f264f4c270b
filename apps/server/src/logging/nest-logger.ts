import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * Nest's own messages and every `new Logger(context)` in Beacon, written through pino: the context
 * becomes a field, so one log pipeline reads start-up, warnings and the access log alike.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, context?: string): void {
    this.pino.info(fields(context), text(message));
  }

  error(message: unknown, stackOrContext?: string, context?: string): void {
    // Nest passes (message, stack, context), or (message, context) when there is no stack.
    const stack = context !== undefined ? stackOrContext : undefined;
    this.pino.error(
      { ...fields(context ?? (stack === undefined ? stackOrContext : undefined)), ...(stack ? { stack } : {}) },
      text(message),
    );
  }

  warn(message: unknown, context?: string): void {
    this.pino.warn(fields(context), text(message));
  }

  debug(message: unknown, context?: string): void {
    this.pino.debug(fields(context), text(message));
  }

  verbose(message: unknown, context?: string): void {
    this.pino.trace(fields(context), text(message));
  }

  fatal(message: unknown, context?: string): void {
    this.pino.fatal(fields(context), text(message));
  }
}

const fields = (context: string | undefined): Record<string, string> => (context ? { context } : {});
const text = (message: unknown): string =>
  typeof message === 'string' ? message : message instanceof Error ? message.message : JSON.stringify(message);

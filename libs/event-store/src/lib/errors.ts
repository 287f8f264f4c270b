export type ExpectedVersion = 'any' | 'no_stream' | number;

/** A stream's version was not the one a command decided on: someone else wrote first. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
    this.name = 'ConcurrencyError';
  }
}

/**
 * The heartbeat writer already holds as many rows waiting for a flush as it may: the database is
 * not keeping up. Nothing of the refused append was stored; the sender should retry later.
 */
export class HeartbeatQueueFullError extends Error {
  override name = 'HeartbeatQueueFullError';
  constructor(readonly queuedRows: number) {
    super(`${queuedRows} heartbeats are already waiting to be written`);
  }
}

/** A heartbeat whose data cannot be written as it is (a time no encoder reads), found before sending. */
export class HeartbeatDataError extends Error {
  override name = 'HeartbeatDataError';
}

/**
 * The failure lies in the rows' data, not in the database or the connection: a row PostgreSQL
 * refuses (data exceptions, class 22, such as a NUL in text or a date out of range; integrity
 * violations, class 23; program limits, class 54) or one that could not be encoded. Other rows
 * sent with it may well be fine.
 */
export function isHeartbeatDataError(error: unknown): boolean {
  if (error instanceof HeartbeatDataError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|23|54)[0-9A-Z]{3}$/.test(code);
}

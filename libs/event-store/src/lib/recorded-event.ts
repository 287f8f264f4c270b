/** Correlation and causation ids travel with every event, so a heartbeat can be traced end to end. */
export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  [key: string]: unknown;
}

/** An event to append: what happened (`type`, `data`) and why (`metadata`). */
export interface NewEvent {
  type: string;
  data: object;
  metadata?: EventMetadata;
}

/** An event as read back from the log. */
export interface RecordedEvent {
  globalPosition: bigint;
  streamId: string;
  /** The event's version within its stream; null for heartbeats, which have none. */
  streamPosition: number | null;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recordedAt: Date;
}

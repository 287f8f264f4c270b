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

/** What the log holds of a fact: its type and its data. */
export interface EventShape {
  type: string;
  data: object;
}

/** A fact whose type the reader has not told apart yet. */
export interface UntypedEvent extends EventShape {
  data: Record<string, unknown>;
}

/** Where an event sits in the log, and when and why it was recorded. */
export interface RecordedEnvelope {
  globalPosition: bigint;
  streamId: string;
  /** The event's version within its stream; null for heartbeats, which have none. */
  streamPosition: number | null;
  metadata: EventMetadata;
  recordedAt: Date;
}

/**
 * An event as read back from the log, typed as the events of its stream (`RecordedEvent<AssetEvent>`)
 * or, where the whole log is read, untyped until the reader tells the types apart.
 */
export type RecordedEvent<E extends EventShape = UntypedEvent> = E & RecordedEnvelope;

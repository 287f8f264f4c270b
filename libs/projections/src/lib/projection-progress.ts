import type { HandledBatch } from '@beacon/event-store';
import { lagOf, type LogHead, type LogPosition } from './log-head';

/**
 * What a projector knows of its place in the log, from the batches it projected and its last look
 * at the log head, so status and lag cost no query of their own.
 */
export class ProjectionProgress {
  checkpoint = 0n;
  lastProjectedRecordedAt: Date | null = null;
  private lastBatchFull = false;
  private seenUnprojected: LogPosition | null = null;

  projected(batch: Pick<HandledBatch, 'events' | 'full'>): void {
    const last = batch.events[batch.events.length - 1];
    if (!last) return;
    this.checkpoint = last.globalPosition;
    this.lastProjectedRecordedAt = last.recordedAt;
    this.lastBatchFull = batch.full;
  }

  /** A look at the log head; a leader's own batches may already be past it. */
  observed(head: LogHead): void {
    if (head.checkpoint > this.checkpoint) this.checkpoint = head.checkpoint;
    this.seenUnprojected = head.firstUnprojected;
  }

  /** No longer projecting: whether the last batch was full says nothing any more. */
  stopped(): void {
    this.lastBatchFull = false;
  }

  /** Events are known to be waiting: the last batch was full, or the log head showed one. */
  get behind(): boolean {
    return this.lastBatchFull || this.waiting() !== null;
  }

  /**
   * now − recorded time of the oldest event not yet projected, 0 when none is known. When batches
   * have moved past the event the last look found while more are waiting (a full batch), the next
   * event was recorded at or just after the last projected one, which stands in for it until the
   * next look.
   */
  lagMs(now: Date): number {
    const waiting = this.waiting();
    if (waiting) return lagOf(waiting, now);
    if (this.lastBatchFull && this.lastProjectedRecordedAt) {
      return lagOf({ position: this.checkpoint, recordedAt: this.lastProjectedRecordedAt }, now);
    }
    return 0;
  }

  private waiting(): LogPosition | null {
    return this.seenUnprojected && this.seenUnprojected.position > this.checkpoint ? this.seenUnprojected : null;
  }
}

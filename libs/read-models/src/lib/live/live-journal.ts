import { randomBytes } from 'node:crypto';
import type { LiveChange } from './live-change';

/** A change as sent: its place in this process's stream and its SSE frame. */
export interface JournalEntry {
  seq: number;
  change: LiveChange;
  /** `id:`, `event:` and `data:` lines and the blank line that ends an SSE message. */
  frame: string;
}

/**
 * The recent changes this process has sent, so that a client reconnecting with `Last-Event-ID`
 * gets what it missed. Ids are `<epoch>-<seq>`: the epoch is new at every start, so an id from
 * another process (or from before a restart) is recognised as one this journal cannot resume.
 */
export class LiveJournal {
  readonly epoch = randomBytes(4).toString('hex');
  private readonly entries: (JournalEntry | undefined)[];
  private nextSeq = 1;

  constructor(private readonly capacity = 100_000) {
    this.entries = new Array<JournalEntry | undefined>(capacity);
  }

  append(changes: LiveChange[]): JournalEntry[] {
    return changes.map((change) => {
      const seq = this.nextSeq++;
      const entry: JournalEntry = { seq, change, frame: frameOf(`${this.epoch}-${seq}`, change) };
      this.entries[seq % this.capacity] = entry;
      return entry;
    });
  }

  /**
   * What was sent after `lastEventId`, or null when that cannot be told: an id of another epoch,
   * a malformed one, or one older than the journal keeps.
   */
  since(lastEventId: string): JournalEntry[] | null {
    const match = /^([0-9a-f]+)-(\d+)$/.exec(lastEventId);
    if (!match || match[1] !== this.epoch) return null;
    const after = Number(match[2]);
    const oldest = Math.max(1, this.nextSeq - this.capacity);
    if (after >= this.nextSeq || after < oldest - 1) return null;
    const missed: JournalEntry[] = [];
    for (let seq = after + 1; seq < this.nextSeq; seq++) missed.push(this.entries[seq % this.capacity] as JournalEntry);
    return missed;
  }
}

function frameOf(id: string, change: LiveChange): string {
  const data =
    change.kind === 'status'
      ? { id: change.assetId, status: change.status, at: change.at }
      : { id: change.assetId, position: change.position };
  return `id: ${id}\nevent: ${change.kind}\ndata: ${JSON.stringify(data)}\n\n`;
}

import { filterKey, matches, type LiveFilter } from './live-filter';
import type { JournalEntry } from './live-journal';

/** One open stream, as the hub needs it: where to write and how to let go of it. */
export interface LiveConnection {
  write(chunk: string): void;
  /** Bytes written but not yet taken by the network: how far behind the client is. */
  readonly backlogBytes: number;
  /** Cuts a client that fell behind. */
  close(): void;
  /** Ends the stream cleanly: the server is stopping. */
  end(): void;
}

interface Group {
  filter: LiveFilter;
  connections: Set<LiveConnection>;
}

/** A client this far behind is dropped; it reconnects with `Last-Event-ID` and resumes. */
const MAX_BACKLOG_BYTES = 1 << 20;

/**
 * The connected clients, grouped by filter: each batch of changes is filtered and framed once per
 * group and the same string is written to every client in it, so 10,000 dashboards watching the
 * whole fleet cost one message build and 10,000 socket writes.
 */
export class LiveHub {
  private readonly groups = new Map<string, Group>();
  private count = 0;

  get connections(): number {
    return this.count;
  }

  add(connection: LiveConnection, filter: LiveFilter): void {
    const key = filterKey(filter);
    const group = this.groups.get(key) ?? { filter, connections: new Set() };
    this.groups.set(key, group);
    group.connections.add(connection);
    this.count++;
  }

  remove(connection: LiveConnection, filter: LiveFilter): void {
    const key = filterKey(filter);
    const group = this.groups.get(key);
    if (!group?.connections.delete(connection)) return;
    this.count--;
    if (group.connections.size === 0) this.groups.delete(key);
  }

  /** Sends each group the entries that pass its filter. Returns the number of messages written. */
  publish(entries: JournalEntry[]): number {
    if (entries.length === 0) return 0;
    let sent = 0;
    for (const group of this.groups.values()) {
      const passing = entries.filter((entry) => matches(group.filter, entry.change));
      if (passing.length === 0) continue;
      const chunk = passing.map((entry) => entry.frame).join('');
      for (const connection of group.connections) this.send(connection, chunk);
      sent += passing.length * group.connections.size;
    }
    return sent;
  }

  /** A comment line to every client, so proxies and load balancers keep idle streams open. */
  keepAlive(): void {
    for (const group of this.groups.values()) {
      for (const connection of group.connections) this.send(connection, ': keep-alive\n\n');
    }
  }

  /** Ends every stream, so that stopping the server does not wait for clients to leave. */
  endAll(): void {
    for (const group of this.groups.values()) {
      for (const connection of group.connections) connection.end();
    }
    this.groups.clear();
    this.count = 0;
  }

  private send(connection: LiveConnection, chunk: string): void {
    if (connection.backlogBytes > MAX_BACKLOG_BYTES) {
      connection.close();
      return;
    }
    connection.write(chunk);
  }
}

/**
 * What a reconnecting client missed, as it should see it: its filter's entries, with only the
 * newest position of each asset (older ones would arrive in a burst, against the throttle).
 */
export function replayFor(filter: LiveFilter, missed: JournalEntry[]): string {
  const passing = missed.filter((entry) => matches(filter, entry.change));
  const newestPosition = new Map<string, number>();
  for (const entry of passing) if (entry.change.kind === 'position') newestPosition.set(entry.change.assetId, entry.seq);
  return passing
    .filter((entry) => entry.change.kind !== 'position' || newestPosition.get(entry.change.assetId) === entry.seq)
    .map((entry) => entry.frame)
    .join('');
}

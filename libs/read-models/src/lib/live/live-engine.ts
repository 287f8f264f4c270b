import { LogTail, readCheckpoint, retryDelay, type EventStore, type RecordedEvent } from '@beacon/event-store';
import type { Pool } from 'pg';
import type { AssetReadModel } from '../read-model.port';
import type { LiveChange } from './live-change';
import type { LiveFilter } from './live-filter';
import { LiveFleet } from './live-fleet';
import { LiveHub, replayFor, type LiveConnection } from './live-hub';
import { LiveJournal } from './live-journal';
import { loadLiveFleet } from './load-live-fleet';
import { PositionThrottle } from './position-throttle';

/**
 * Deadlines, held-back positions and what the log brought are sent this often: one write per client
 * per tick however many heartbeats came, so 10,000 clients cost 10 × 10,000 writes a second at most.
 */
const TICK_MS = 100;
/** Idle streams get a comment this often; proxies commonly cut connections silent for 30–60 s. */
const KEEP_ALIVE_MS = 15_000;

/** What a new stream starts with: nothing to replay, what it missed, or "reload, I cannot tell". */
export type Resume = { kind: 'fresh' } | { kind: 'replay'; chunk: string } | { kind: 'resync' };

/** What the engine reports, for the host's metrics and log. */
export interface LiveEngineObserver {
  clients(count: number): void;
  messagesSent(count: number): void;
  /** Seconds from an event being recorded in the log to its changes being written to clients. */
  pushDelay(seconds: number): void;
  clientDropped(): void;
  info(message: string): void;
  warn(message: string): void;
}

export interface LiveEngineOptions {
  pool: Pool;
  store: EventStore;
  readModel: AssetReadModel;
  /** The projection whose checkpoint says how much of the log the read model holds. */
  projectionName: string;
  observer: LiveEngineObserver;
}

/**
 * The live stream of one process. Every query process follows the event log itself (no broker):
 * it loads the fleet from the read model, then applies the log from the read model's checkpoint,
 * so any process can serve any client. A tick turns passed deadlines into offline changes and lets
 * held-back positions go. The host only connects clients and carries their bytes.
 */
export class LiveEngine {
  private readonly hub = new LiveHub();
  private readonly journal = new LiveJournal();
  private readonly throttle = new PositionThrottle();
  private fleet = new LiveFleet(Date.now());
  /** What the log brought since the last tick, and when its batches were recorded (for the push-delay metric). */
  private fromLog: LiveChange[] = [];
  private readonly recordedAt: number[] = [];
  private tail: LogTail | null = null;
  private timers: NodeJS.Timeout[] = [];
  private running = false;

  constructor(private readonly options: LiveEngineOptions) {}

  async start(): Promise<void> {
    this.running = true;
    this.timers = [setInterval(() => this.tick(), TICK_MS), setInterval(() => this.hub.keepAlive(), KEEP_ALIVE_MS)];
    // A read model that is down must not keep the server from starting: the stream starts when it can.
    if (!(await this.follow(1))) void this.retryFollow();
  }

  /** Ends every stream at once, so that closing the server does not wait for clients to leave. */
  endStreams(): void {
    this.running = false;
    for (const timer of this.timers) clearInterval(timer);
    this.hub.endAll();
    this.options.observer.clients(0);
  }

  async stop(): Promise<void> {
    await this.tail?.stop();
  }

  /** Adds a client; returns what it should be sent first. */
  connect(connection: LiveConnection, filter: LiveFilter, lastEventId: string | null): Resume {
    this.hub.add(connection, filter);
    this.options.observer.clients(this.hub.connections);
    if (lastEventId === null) return { kind: 'fresh' };
    const missed = this.journal.since(lastEventId);
    return missed === null ? { kind: 'resync' } : { kind: 'replay', chunk: replayFor(filter, missed) };
  }

  disconnect(connection: LiveConnection, filter: LiveFilter): void {
    this.hub.remove(connection, filter);
    this.options.observer.clients(this.hub.connections);
  }

  /** A client the hub dropped for falling behind. */
  dropped(): void {
    this.options.observer.clientDropped();
  }

  private async follow(attempt: number): Promise<boolean> {
    const { pool, store, readModel, projectionName, observer } = this.options;
    try {
      // The checkpoint first: the read model holds at least what it covers, the log the rest.
      const after = await readCheckpoint(pool, projectionName);
      const fleet = new LiveFleet(Date.now());
      await loadLiveFleet(fleet, readModel, pool);
      this.fleet = fleet;
      this.tail = new LogTail(pool, store, {
        after,
        handle: (events) => this.applyLog(events),
        onError: (error) => observer.warn(`live stream: reading the log failed: ${error.message}`),
      });
      await this.tail.start();
      if (!this.running) {
        await this.tail.stop(); // the server began stopping while this start was under way
        return true;
      }
      observer.info(`live stream follows the log from position ${after} with ${fleet.size} assets`);
      return true;
    } catch (error) {
      observer.warn(`live stream could not start (attempt ${attempt}): ${(error as Error).message}`);
      return false;
    }
  }

  private async retryFollow(): Promise<void> {
    for (let attempt = 2; this.running; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, retryDelay(attempt, { maxMs: 10_000 })));
      if (this.running && (await this.follow(attempt))) return;
    }
  }

  private applyLog(events: RecordedEvent[]): void {
    for (const change of this.fleet.apply(events, Date.now())) this.fromLog.push(change);
    const newest = events[events.length - 1];
    if (newest) this.recordedAt.push(newest.recordedAt.getTime());
  }

  private tick(): void {
    const now = Date.now();
    const fromLog = this.fromLog;
    this.fromLog = [];
    this.publish([...this.throttle.admit(fromLog, now), ...this.fleet.expire(now), ...this.throttle.due(now)]);
    for (const recordedAt of this.recordedAt.splice(0)) this.options.observer.pushDelay((Date.now() - recordedAt) / 1000);
  }

  private publish(changes: LiveChange[]): void {
    if (changes.length === 0) return;
    this.options.observer.messagesSent(this.hub.publish(this.journal.append(changes)));
  }
}

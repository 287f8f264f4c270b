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
/** How long the log is still followed after the last client left: reloads and reconnects stay cheap. */
const DEFAULT_IDLE_AFTER_MS = 60_000;

/** What a new stream starts with: nothing to replay, what it missed, or "reload, I cannot tell". */
export type Resume = { kind: 'fresh' } | { kind: 'replay'; chunk: string } | { kind: 'resync' };

/** What the engine reports, for the host's metrics and log. */
export interface LiveEngineObserver {
  clients(count: number): void;
  messagesSent(count: number): void;
  /** Seconds from an event being recorded in the log to its changes being written to clients. */
  pushDelay(seconds: number): void;
  clientDropped(): void;
  /** Whether the engine follows the log (it does only while clients are connected, or just were). */
  following(on: boolean): void;
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
  /** With no client for this long, the engine stops following the log (default 60 s). */
  idleAfterMs?: number;
}

/**
 * The live stream of one process. Every query process follows the event log itself (no broker):
 * it loads the fleet from the read model, then applies the log from the read model's checkpoint,
 * so any process can serve any client. A tick turns passed deadlines into offline changes and lets
 * held-back positions go. The host only connects clients and carries their bytes.
 *
 * Following the log costs as much as projecting it (PostgreSQL builds and Node parses every
 * event), so the engine follows only while someone watches: the first client starts it (its
 * stream opens once the fleet is loaded), and it stops a while after the last one left. Every start
 * loads the fleet afresh and opens a new journal, whose ids a client from before cannot resume.
 */
export class LiveEngine {
  private readonly hub = new LiveHub();
  private journal = new LiveJournal();
  private throttle = new PositionThrottle();
  private fleet = new LiveFleet(Date.now());
  /** What the log brought since the last tick, and when its batches were recorded (for the push-delay metric). */
  private fromLog: LiveChange[] = [];
  private readonly recordedAt: number[] = [];
  private tail: LogTail | null = null;
  /** The start of following under way, which clients connecting meanwhile wait for. */
  private starting: Promise<void> | null = null;
  /** After a failed start, attempts go on in the background; clients connect meanwhile without waiting. */
  private retrying = false;
  /** Clients between asking to connect and being added: they keep the engine from going idle. */
  private arriving = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private timers: NodeJS.Timeout[] = [];
  private running = false;

  constructor(private readonly options: LiveEngineOptions) {}

  /** Starts the ticks; the log is followed once a client connects. */
  start(): void {
    this.running = true;
    this.timers = [setInterval(() => this.tick(), TICK_MS), setInterval(() => this.hub.keepAlive(), KEEP_ALIVE_MS)];
  }

  /** Ends every stream at once, so that closing the server does not wait for clients to leave. */
  endStreams(): void {
    this.running = false;
    for (const timer of this.timers) clearInterval(timer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.hub.endAll();
    this.options.observer.clients(0);
  }

  async stop(): Promise<void> {
    await this.starting;
    await this.tail?.stop();
  }

  /**
   * Adds a client once the engine follows the log (at once, unless it has to start); returns what
   * the client should be sent first. A read model that is down does not keep a stream from opening:
   * the engine keeps trying, and the stream's changes flow once it follows.
   */
  async connect(connection: LiveConnection, filter: LiveFilter, lastEventId: string | null): Promise<Resume> {
    this.arriving++;
    this.cancelIdle();
    try {
      if (!this.tail && !this.retrying) await (this.starting ??= this.startFollowing());
    } finally {
      this.arriving--;
    }
    this.hub.add(connection, filter);
    this.options.observer.clients(this.hub.connections);
    if (lastEventId === null) return { kind: 'fresh' };
    const missed = this.journal.since(lastEventId);
    return missed === null ? { kind: 'resync' } : { kind: 'replay', chunk: replayFor(filter, missed) };
  }

  disconnect(connection: LiveConnection, filter: LiveFilter): void {
    this.hub.remove(connection, filter);
    this.options.observer.clients(this.hub.connections);
    this.idleUnlessWatched();
  }

  /** A client the hub dropped for falling behind. */
  dropped(): void {
    this.options.observer.clientDropped();
  }

  /** The first attempt to follow; after a failure, retries go on in the background while clients wait for changes. */
  private async startFollowing(): Promise<void> {
    try {
      if (!(await this.follow(1))) void this.retryFollow();
    } finally {
      this.starting = null;
    }
  }

  private async follow(attempt: number): Promise<boolean> {
    const { pool, store, readModel, projectionName, observer } = this.options;
    try {
      // The checkpoint first: the read model holds at least what it covers, the log the rest.
      const after = await readCheckpoint(pool, projectionName);
      const fleet = new LiveFleet(Date.now());
      await loadLiveFleet(fleet, readModel, pool);
      const tail = new LogTail(pool, store, {
        after,
        handle: (events) => this.applyLog(fleet, events),
        onError: (error) => observer.warn(`live stream: reading the log failed: ${error.message}`),
      });
      await tail.start();
      // The server began stopping while this start was under way; or another start won, which the
      // engine does not let happen (one attempt at a time), but a second tail must not be left running.
      if (!this.running || this.tail) {
        await tail.stop();
        return true;
      }
      this.fleet = fleet;
      this.tail = tail;
      observer.following(true);
      observer.info(`live stream follows the log from position ${after} with ${fleet.size} assets`);
      // Every client may have left while the fleet loaded.
      this.idleUnlessWatched();
      return true;
    } catch (error) {
      observer.warn(`live stream could not start (attempt ${attempt}): ${(error as Error).message}`);
      return false;
    }
  }

  /** Tries again while clients wait; once none does, the next client to connect starts afresh. */
  private async retryFollow(): Promise<void> {
    this.retrying = true;
    try {
      for (let attempt = 2; this.running && this.watched; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, retryDelay(attempt, { maxMs: 10_000 })));
        if (this.running && this.watched && (await this.follow(attempt))) return;
      }
    } finally {
      this.retrying = false;
    }
  }

  private get watched(): boolean {
    return this.hub.connections > 0 || this.arriving > 0;
  }

  private cancelIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** Stops following the log once no client has been connected for the idle time. */
  private idleUnlessWatched(): void {
    if (!this.running || !this.tail || this.watched || this.idleTimer) return;
    const idleAfterMs = this.options.idleAfterMs ?? DEFAULT_IDLE_AFTER_MS;
    this.idleTimer = setTimeout(() => void this.stopFollowing(idleAfterMs), idleAfterMs);
    this.idleTimer.unref();
  }

  private async stopFollowing(idleAfterMs: number): Promise<void> {
    this.idleTimer = null;
    const tail = this.tail;
    if (!tail || this.watched) return;
    // What the next start builds is new: a fleet loaded afresh, a journal whose ids are not these.
    this.tail = null;
    this.fleet = new LiveFleet(Date.now());
    this.journal = new LiveJournal();
    this.throttle = new PositionThrottle();
    this.fromLog = [];
    this.recordedAt.length = 0;
    this.options.observer.following(false);
    this.options.observer.info(`live stream stopped following the log: no client for ${idleAfterMs / 1000} s`);
    await tail.stop();
  }

  private applyLog(fleet: LiveFleet, events: RecordedEvent[]): void {
    if (fleet !== this.fleet) return; // a batch of a tail that has just been stopped
    for (const change of fleet.apply(events, Date.now())) this.fromLog.push(change);
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

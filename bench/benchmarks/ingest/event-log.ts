import type { ClientBase } from 'pg';

const SETTLE_POLL_MS = 200;
const SETTLE_TIMEOUT_MS = 10_000;
const CATCH_UP_POLL_MS = 100;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The benchmark's view of the server's event log, on its own connection: how many heartbeats a
 * run stored, and whether the server's projections have caught up with the log.
 */
export class EventLog {
  constructor(private readonly client: ClientBase) {}

  /** The newest heartbeat's position; rows stored later have higher ones (the log's global order). */
  async lastHeartbeatPosition(): Promise<string> {
    const result = await this.client.query<{ position: string }>(
      'SELECT coalesce(max(global_position), 0)::text AS position FROM heartbeats',
    );
    return result.rows[0]?.position ?? '0';
  }

  /**
   * Heartbeats stored after `position`, once the count has stopped moving: autocannon closes its
   * connections when the time is up, and the server still commits the requests it had read.
   */
  async settledCountAfter(position: string): Promise<number> {
    let previous = -1;
    for (const deadline = Date.now() + SETTLE_TIMEOUT_MS; Date.now() < deadline; ) {
      await sleep(SETTLE_POLL_MS);
      const result = await this.client.query<{ count: string }>(
        'SELECT count(*)::text AS count FROM heartbeats WHERE global_position > $1',
        [position],
      );
      const count = Number(result.rows[0]?.count);
      if (count === previous) return count;
      previous = count;
    }
    throw new Error(`the heartbeat count was still growing ${SETTLE_TIMEOUT_MS / 1000} s after the load stopped`);
  }

  /**
   * Waits until every subscription (the server's projector) has reached the end of the log, so the
   * work a run left behind does not load the next scenario; returns the seconds it took.
   */
  async waitForProjections(timeoutMs: number): Promise<number> {
    const started = Date.now();
    const end = await this.client.query<{ position: string }>(
      `SELECT greatest((SELECT max(global_position) FROM events), (SELECT max(global_position) FROM heartbeats), 0)::text AS position`,
    );
    const target = end.rows[0]?.position ?? '0';
    for (;;) {
      const behind = await this.client.query<{ name: string; position: string }>(
        'SELECT name, position::text FROM subscription_checkpoints WHERE position < $1',
        [target],
      );
      if (behind.rows.length === 0) return (Date.now() - started) / 1000;
      if (Date.now() - started > timeoutMs) {
        const names = behind.rows.map((row) => `${row.name} at ${row.position}`).join(', ');
        throw new Error(`projections did not reach position ${target} within ${timeoutMs / 1000} s: ${names}`);
      }
      await sleep(CATCH_UP_POLL_MS);
    }
  }

  /** Flushes dirty pages now, so no run pays for the previous run's checkpoint. */
  async checkpoint(): Promise<void> {
    await this.client.query('CHECKPOINT');
  }
}

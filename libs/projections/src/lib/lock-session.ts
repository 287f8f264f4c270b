import { Client, type ClientConfig } from 'pg';
import { withTimeout } from './with-timeout';

/**
 * The server's TCP keepalive for this connection (seconds): a leader whose network vanished without
 * a FIN is dropped by PostgreSQL after about idle + interval × count = 11 s, which frees its lock.
 * (The defaults are the kernel's, 2 hours.) Ignored on Unix sockets, where the question never arises.
 */
const SERVER_KEEPALIVE = 'SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3';

/**
 * One dedicated connection (not a pool's: a pool would hand the session and its lock to someone
 * else) on which a session advisory lock is tried and then held for as long as the backend lives.
 * When the process dies, its backend ends and PostgreSQL frees the lock. `onLost` fires once when
 * the connection errors or ends, whatever the cause.
 */
export class LockSession {
  private lostWith: Error | null = null;
  private lostListener: ((error: Error) => void) | null = null;

  private constructor(private readonly client: Client) {
    client.on('error', (error) => this.markLost(error));
    client.on('end', () => this.markLost(new Error('the connection ended')));
  }

  static async open(config: ClientConfig, name: string): Promise<LockSession> {
    const client = new Client({ ...config, keepAlive: true, application_name: `beacon-leader:${name}` });
    const session = new LockSession(client);
    try {
      await client.connect();
      await client.query(SERVER_KEEPALIVE);
      return session;
    } catch (error) {
      session.close();
      throw error;
    }
  }

  async tryLock(key: bigint): Promise<boolean> {
    const result = await this.client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key.toString()]);
    return result.rows[0]?.locked === true;
  }

  /** A round trip; throws when the connection is broken, also silently (no answer in `timeoutMs`). */
  async check(timeoutMs: number): Promise<void> {
    if (this.lostWith) throw this.lostWith;
    await withTimeout(this.client.query('SELECT 1'), timeoutMs, 'the leader connection');
  }

  /** Calls `listener` once the connection is lost (at once if it already is). */
  onLost(listener: (error: Error) => void): void {
    if (this.lostWith) listener(this.lostWith);
    else this.lostListener = listener;
  }

  get lost(): boolean {
    return this.lostWith !== null;
  }

  /**
   * Unlocks and closes. When the connection still answers, the lock is free once this resolves, so a
   * follower's next try wins; otherwise PostgreSQL frees it when it notices the backend is gone.
   */
  async release(key: bigint, timeoutMs: number): Promise<void> {
    if (!this.lostWith) {
      await withTimeout(this.client.query('SELECT pg_advisory_unlock($1::bigint)', [key.toString()]), timeoutMs, 'unlock').catch(
        () => undefined,
      );
    }
    this.close();
  }

  /** Not awaited: on a silently broken socket the goodbye may never be acknowledged. */
  close(): void {
    this.markLost(new Error('the connection was closed'));
    void this.client.end().catch(() => undefined);
  }

  private markLost(error: Error): void {
    if (this.lostWith) return;
    this.lostWith = error;
    this.lostListener?.(error);
    this.lostListener = null;
  }
}

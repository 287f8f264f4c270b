import { Client } from 'pg';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ReadyCheck {
  url: string;
  dataDir: string;
  timeoutMs: number;
  /** Set once the server process has exited (code or signal). */
  exitedWith: () => number | string | undefined;
  /** Recent server output for error messages. */
  logText: () => string;
}

/**
 * Ready means a real password login succeeds, not that a log line appeared
 * (log wording depends on version and lc_messages, and proves nothing about
 * authentication).
 * The server must also report our data directory, so that some other
 * PostgreSQL on the same port can never be mistaken for ours.
 */
export async function waitReady(check: ReadyCheck): Promise<void> {
  const deadline = Date.now() + check.timeoutMs;
  let lastError = 'no attempt made';
  while (Date.now() < deadline) {
    const code = check.exitedWith();
    if (code !== undefined) {
      throw new Error(`PostgreSQL exited during start-up (exit ${code}):${check.logText()}`);
    }
    const client = new Client({
      connectionString: check.url,
      connectionTimeoutMillis: 2_000,
    });
    client.on('error', () => undefined); // failures surface through connect()/query()
    try {
      await client.connect();
      const res = await client.query<{ data_directory: string }>('SHOW data_directory');
      const served = res.rows[0]?.data_directory;
      if (served !== check.dataDir) {
        throw Object.assign(new Error(`${check.url} is served by a different PostgreSQL (data directory ${served ?? '?'})`), {
          fatal: true,
        });
      }
      return;
    } catch (err) {
      if ((err as { fatal?: boolean }).fatal) throw err;
      lastError = err instanceof Error ? err.message : String(err);
      await sleep(100);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(`PostgreSQL did not accept connections within ${check.timeoutMs} ms (last error: ${lastError}):${check.logText()}`);
}

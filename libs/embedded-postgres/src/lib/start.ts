import { clearStaleLock } from './stale-lock';
import { initdb, isInitialised } from './initdb';
import { resolveNativeRoot } from './native-root';
import { assertPortFree, pickFreePort } from './ports';
import { ensurePostgresUser, isRoot } from './postgres-user';
import { resolveDataDir } from './resolve-data-dir';
import { spawnServer } from './server-process';
import { PG_PASSWORD, PG_USER, type EmbeddedPostgresHandle, type EmbeddedPostgresOptions } from './types';
import { waitReady } from './wait-ready';

const AUTO_PORT_ATTEMPTS = 3;

/**
 * Starts a PostgreSQL cluster in `options.dataDir` (initialising it on first
 * use) and resolves once a password login works. We drive the binaries
 * ourselves instead of using the EmbeddedPostgres class: see README.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const notice = options.log ?? ((line: string) => console.log(`[embedded-postgres] ${line}`));
  const serverLog = options.log ?? (() => undefined);
  const runAs = isRoot() ? ensurePostgresUser() : undefined;
  const nativeRoot = await resolveNativeRoot(options.binarySource, runAs, notice);
  const dataDir = await resolveDataDir(options.dataDir, runAs, notice);
  await clearStaleLock(dataDir, notice);
  if (!(await isInitialised(dataDir))) {
    notice(`Initialising a new PostgreSQL cluster in ${dataDir}`);
    await initdb(nativeRoot, dataDir, runAs, serverLog);
  }
  const fixedPort = options.port || undefined;
  if (fixedPort) await assertPortFree(fixedPort);

  for (let attempt = 1; ; attempt++) {
    const port = fixedPort ?? (await pickFreePort());
    const url = `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/postgres`;
    const server = spawnServer(nativeRoot, dataDir, port, options.settings ?? {}, runAs, serverLog);
    try {
      const timeoutMs = options.readyTimeoutMs ?? 60_000;
      await waitReady({
        url,
        dataDir,
        timeoutMs,
        exitedWith: server.exitedWith,
        logText: server.logText,
      });
      return { url, port, dataDir, stop: () => server.stop() };
    } catch (err) {
      await server.stop();
      const message = err instanceof Error ? err.message : String(err);
      const portTaken = /address already in use/i.test(message);
      // A picked port can be grabbed by someone else before PostgreSQL binds it.
      if (portTaken && !fixedPort && attempt < AUTO_PORT_ATTEMPTS) continue;
      throw portTaken ? new Error(`Cannot start PostgreSQL: port ${port} on 127.0.0.1 is already in use. ${message}`) : err;
    }
  }
}

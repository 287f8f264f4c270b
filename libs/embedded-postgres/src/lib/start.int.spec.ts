import { createServer, type Server } from 'node:net';
import * as path from 'node:path';
import { createDatabase, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../index';
import { cleanup, query, tempDir, TEST_SETTINGS } from '../testing/test-support';

describe('startEmbeddedPostgres (real PostgreSQL)', () => {
  let dir: string;
  let realDataDir: string | undefined;
  let handle: EmbeddedPostgresHandle | undefined;
  const lines: string[] = [];
  const start = (dataDir: string, port?: number) =>
    startEmbeddedPostgres({
      dataDir,
      port,
      settings: TEST_SETTINGS,
      log: (l) => lines.push(l),
    });

  // 0755, so as root this exercises the "reachable, chown to postgres" path.
  beforeEach(async () => (dir = await tempDir(0o755)));
  afterEach(async () => {
    await handle?.stop();
    handle = undefined;
    await cleanup(dir, realDataDir);
  });

  it('keeps data across a stop and a restart on the same directory', async () => {
    const dataDir = path.join(dir, 'data');
    handle = await start(dataDir);
    realDataDir = handle.dataDir;
    expect(handle.url).toBe(`postgres://postgres:postgres@127.0.0.1:${handle.port}/postgres`);
    expect(await query(handle.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    const db = await createDatabase(handle.url, 'beacon_test');
    expect(await createDatabase(handle.url, 'beacon_test')).toBe(db); // idempotent
    await query(db, "create table t (v text); insert into t values ('kept')");
    await handle.stop();

    handle = await start(dataDir);
    expect(handle.dataDir).toBe(realDataDir);
    expect(await query(db.replace(/:\d+\//, `:${handle.port}/`), 'select v from t')).toEqual([{ v: 'kept' }]);
  });

  it('rejects with a clear error when the port is already taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(start(path.join(dir, 'data'), port)).rejects.toThrow(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('rejects with the server log when PostgreSQL exits during start-up', async () => {
    const failing = startEmbeddedPostgres({
      dataDir: path.join(dir, 'data'),
      settings: { no_such_setting: 'on' },
      log: () => undefined,
    });
    await expect(failing).rejects.toThrow(/exited during start-up[\s\S]*unrecognized configuration parameter "no_such_setting"/);
  });
});

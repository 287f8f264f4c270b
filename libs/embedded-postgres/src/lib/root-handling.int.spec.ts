import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../index';
import { locatePackageNative } from './binaries';
import { isRoot } from './postgres-user';
import { cleanup, query, tempDir, TEST_SETTINGS } from '../testing/test-support';

// Models CI cloning the repo under a 0700 home (e.g. /root): binaries and data
// dir are both unreachable for the postgres user. Not root: the normal path.
describe('data dir and binaries inside a 0700 directory', () => {
  let dir: string;
  let handle: EmbeddedPostgresHandle | undefined;
  let realDataDir: string | undefined;
  const lines: string[] = [];

  beforeEach(async () => {
    dir = await tempDir(0o700);
    await fs.cp(locatePackageNative().root, path.join(dir, 'native'), {
      recursive: true,
      verbatimSymlinks: true,
    });
  });
  afterEach(async () => {
    await handle?.stop();
    handle = undefined;
    await cleanup(dir, realDataDir);
  });

  it('still starts, answers and keeps data across a restart', async () => {
    const dataDir = path.join(dir, 'data');
    const start = () =>
      startEmbeddedPostgres({
        dataDir,
        binarySource: path.join(dir, 'native'),
        settings: TEST_SETTINGS,
        log: (l) => lines.push(l),
      });
    handle = await start();
    realDataDir = handle.dataDir;
    await query(handle.url, "create table t (v text); insert into t values ('kept')");
    await handle.stop();

    handle = await start();
    expect(handle.dataDir).toBe(realDataDir);
    expect(await query(handle.url, 'select v from t')).toEqual([{ v: 'kept' }]);
    if (isRoot()) {
      expect(realDataDir).toMatch(/^\/var\/lib\/beacon\/clusters\/[0-9a-f]{16}$/);
      expect(await fs.readlink(dataDir)).toBe(realDataDir);
      expect(lines.some((l) => l.includes(`lives in ${realDataDir}`))).toBe(true);
      expect(lines.some((l) => l.includes('Running PostgreSQL binaries from /var/lib/beacon/embedded-postgres/'))).toBe(true);
    } else {
      expect(realDataDir).toBe(await fs.realpath(dataDir));
    }
    await handle.stop();

    // Deleting the requested path (root: just the symlink) means starting over.
    await fs.rm(dataDir, { recursive: true, force: true });
    handle = await start();
    expect(handle.dataDir).toBe(realDataDir);
    if (isRoot()) expect(lines.some((l) => l.startsWith('Discarding'))).toBe(true);
    expect(await query(handle.url, "select to_regclass('t') as t")).toEqual([{ t: null }]);
  });
});

import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../index';
import { cleanup, query, tempDir, TEST_SETTINGS } from '../testing/test-support';

describe('restart after a killed run', () => {
  let dir: string;
  let handle: EmbeddedPostgresHandle | undefined;
  let realDataDir: string | undefined;
  const start = () =>
    startEmbeddedPostgres({
      dataDir: path.join(dir, 'data'),
      settings: TEST_SETTINGS,
      log: () => undefined,
    });

  beforeEach(async () => (dir = await tempDir(0o755)));
  afterEach(async () => {
    await handle?.stop();
    handle = undefined;
    await cleanup(dir, realDataDir);
  });

  it('starts although postmaster.pid names a live, unrelated process', async () => {
    handle = await start();
    realDataDir = handle.dataDir;
    const lock = path.join(handle.dataDir, 'postmaster.pid');
    const pid = Number((await fs.readFile(lock, 'utf8')).split('\n')[0]);
    process.kill(pid, 'SIGKILL'); // like a crash: postmaster.pid stays behind
    await handle.stop(); // only waits for the exit now
    // PID reuse: a live process now holds the PID written in the lock file.
    const squatter = spawn('sleep', ['60']);
    await fs.writeFile(lock, `${squatter.pid}\n${handle.dataDir}\n`);
    try {
      handle = await start();
      expect(await query(handle.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      squatter.kill();
    }
  });
});

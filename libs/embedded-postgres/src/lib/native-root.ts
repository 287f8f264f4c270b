import * as path from 'node:path';
import { checkNativeDir, locatePackageNative, type NativeDir } from './binaries';
import { binariesReachable, stageBinaries, STAGING_ROOT } from './stage-binaries';
import type { RunAs } from './types';

/**
 * Picks the native folder to run from: the package's own (or the override),
 * unless we are root and the postgres user cannot reach it — typically
 * because the checkout lives under a 0700 home — in which case a staged copy
 * in a world-readable, root-owned place is used.
 */
export async function resolveNativeRoot(
  binarySource: string | undefined,
  runAs: RunAs | undefined,
  notice: (line: string) => void,
  stagingRoot = STAGING_ROOT,
): Promise<string> {
  const native: NativeDir = binarySource ? { root: path.resolve(binarySource) } : locatePackageNative();
  checkNativeDir(native.root);
  if (!runAs || binariesReachable(native.root, runAs)) return native.root;
  const staged = await stageBinaries(native, stagingRoot);
  if (!binariesReachable(staged, runAs)) {
    throw new Error(
      `The postgres user cannot run the PostgreSQL binaries in ${native.root} nor the staged copy in ${staged}; check the permissions of ${stagingRoot} and its parents`,
    );
  }
  notice(`Running PostgreSQL binaries from ${staged}: the postgres user cannot reach ${native.root}`);
  return staged;
}

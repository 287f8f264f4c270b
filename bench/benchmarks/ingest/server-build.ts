import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const WORKSPACE = join(__dirname, '..', '..', '..');
export const SERVER_MAIN = join(WORKSPACE, 'dist', 'apps', 'server', 'main.js');

/** A project a benchmark runs built: a file its build writes, and what the build is made from. */
export interface ProjectBuild {
  project: string;
  output: string;
  sourceDirs: string[];
}

/** The server bundle: its sources and build configuration, and the libraries (specs are not in it). */
export const SERVER_BUILD: ProjectBuild = {
  project: 'server',
  output: SERVER_MAIN,
  sourceDirs: [join(WORKSPACE, 'apps', 'server'), join(WORKSPACE, 'libs')],
};

/** Builds the server with `npx nx run-many -t build -p server` when its bundle is missing or older than its sources. */
export function ensureServerBuilt(log: (line: string) => void): Promise<void> {
  return ensureBuilt([SERVER_BUILD], log);
}

/** Builds the projects whose output is missing or older than a source, in one `npx nx run-many -t build`. */
export async function ensureBuilt(builds: readonly ProjectBuild[], log: (line: string) => void): Promise<void> {
  const stale = builds.filter((build) => {
    const builtAt = existsSync(build.output) ? statSync(build.output).mtimeMs : 0;
    const newer = build.sourceDirs.map((dir) => newestSource(dir, builtAt)).find((file) => file !== null);
    if (builtAt > 0 && newer === undefined) return false;
    const output = build.output.slice(WORKSPACE.length + 1);
    log(builtAt === 0 ? `building ${build.project}: no ${output}` : `building ${build.project}: ${newer} is newer than the build`);
    return true;
  });
  if (stale.length === 0) return;
  const projects = stale.map((build) => build.project).join(',');
  const code = await new Promise<number | null>((resolve, reject) => {
    const run = spawn('npx', ['nx', 'run-many', '-t', 'build', '-p', projects, '--output-style=static'], {
      cwd: WORKSPACE,
      stdio: 'inherit',
    });
    run.once('error', reject);
    run.once('exit', resolve);
  });
  if (code !== 0 || stale.some((build) => !existsSync(build.output))) {
    throw new Error(`npx nx run-many -t build -p ${projects} failed (exit code ${code})`);
  }
}

/** The first source or configuration file under `dir` changed after `since`, or null. */
function newestSource(dir: string, since: number): string | null {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = newestSource(path, since);
      if (found) return found;
    } else if (/\.(ts|js|json|html|s?css)$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name) && statSync(path).mtimeMs > since) {
      return path.slice(WORKSPACE.length + 1);
    }
  }
  return null;
}

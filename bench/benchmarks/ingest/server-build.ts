import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const WORKSPACE = join(__dirname, '..', '..', '..');
export const SERVER_MAIN = join(WORKSPACE, 'dist', 'apps', 'server', 'main.js');
/** What the server bundle is built from: its sources and build configuration (specs are not in it). */
const SOURCE_DIRS = [join(WORKSPACE, 'apps', 'server'), join(WORKSPACE, 'libs')];

/** Builds the server with `npx nx build server` when its bundle is missing or older than its sources. */
export async function ensureServerBuilt(log: (line: string) => void): Promise<void> {
  const builtAt = existsSync(SERVER_MAIN) ? statSync(SERVER_MAIN).mtimeMs : 0;
  const newer = SOURCE_DIRS.map((dir) => newestSource(dir, builtAt)).find((file) => file !== null);
  if (builtAt > 0 && newer === undefined) return;
  log(builtAt === 0 ? 'building the server: no dist/apps/server/main.js' : `building the server: ${newer} is newer than the build`);
  const code = await new Promise<number | null>((resolve, reject) => {
    const build = spawn('npx', ['nx', 'build', 'server', '--output-style=static'], { cwd: WORKSPACE, stdio: 'inherit' });
    build.once('error', reject);
    build.once('exit', resolve);
  });
  if (code !== 0 || !existsSync(SERVER_MAIN)) throw new Error(`npx nx build server failed (exit code ${code})`);
}

/** The first source or configuration file under `dir` changed after `since`, or null. */
function newestSource(dir: string, since: number): string | null {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = newestSource(path, since);
      if (found) return found;
    } else if (/\.(ts|js|json)$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name) && statSync(path).mtimeMs > since) {
      return path.slice(WORKSPACE.length + 1);
    }
  }
  return null;
}

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { binPath } from './binaries';
import { LogTail } from './log-tail';
import { exited, spawnAs } from './spawn-as';
import { PG_PASSWORD, PG_USER, type RunAs } from './types';

/**
 * PG_VERSION marks an initialised cluster. initdb removes what it created when
 * it fails or is interrupted, so a half-made cluster is rare; if one is left,
 * initdb's own "directory exists but is not empty" error says so.
 */
export const isInitialised = (dataDir: string): Promise<boolean> =>
  fs.access(path.join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );

/**
 * Creates the cluster: superuser postgres/postgres with scram-sha-256 (also for
 * local connections, so nothing relies on OS user names), UTF8 and the C
 * locale, which needs no locale data on the machine. The password file sits
 * beside the data dir because that parent is known to be reachable by the
 * server user, unlike $TMPDIR, which may be private.
 */
export async function initdb(nativeRoot: string, dataDir: string, runAs: RunAs | undefined, log: (line: string) => void): Promise<void> {
  const pwfile = path.join(path.dirname(dataDir), `.pwfile-${randomBytes(8).toString('hex')}`);
  await fs.writeFile(pwfile, `${PG_PASSWORD}\n`, { mode: 0o600 });
  try {
    if (runAs) await fs.chown(pwfile, runAs.uid, runAs.gid);
    const child = spawnAs(
      binPath(nativeRoot, 'initdb'),
      [
        '-D',
        dataDir,
        `--username=${PG_USER}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-locale',
        '--no-instructions',
      ],
      runAs,
      path.dirname(dataDir),
    );
    const tail = new LogTail('[initdb]', log, 50).attach(child.stdout, child.stderr);
    const code = await exited(child);
    if (code !== 0) throw new Error(`initdb failed for ${dataDir} (exit ${code}):${tail.text()}`);
  } finally {
    await fs.rm(pwfile, { force: true });
  }
}

// `npm run admin-key:rotate`: writes a new random admin key into the file a Beacon reads its admin
// key from, and prints it. A running server reads that file again every second, so within a second
// or two the new key works and the old one gets 401, without a restart.
//   BEACON_ADMIN_KEY_FILE  the file to rotate (default: the demo's, $BEACON_DATA_DIR/admin-key)
// A key given directly in BEACON_ADMIN_KEY cannot be rotated this way: the server never reads it again.
// The key goes to stdout alone (`KEY=$(npm run -s admin-key:rotate)`); everything else to stderr,
// for the demo's key also a new sign-in link: the one `npm start` printed names the old key.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

function fail(message) {
  console.error(`admin-key:rotate: ${message}`);
  process.exit(1);
}

/** True when the demo's key is rotated: `npm start` printed a sign-in link with the old one. */
const demo = !process.env.BEACON_ADMIN_KEY_FILE;

function keyFile() {
  if (!demo) return resolve(process.env.BEACON_ADMIN_KEY_FILE);
  if (process.env.BEACON_ADMIN_KEY) {
    fail(
      'BEACON_ADMIN_KEY is set: a key given directly cannot be rotated; change it and restart, or give it as a file (BEACON_ADMIN_KEY_FILE)',
    );
  }
  // The demo's data directory may not exist yet: its first start then takes this key.
  const dataDir = resolve(process.env.BEACON_DATA_DIR ?? '.beacon');
  mkdirSync(dataDir, { recursive: true });
  return join(dataDir, 'admin-key');
}

/**
 * Written to a temporary file beside the real one (mode 0600 from the start), flushed, then renamed
 * over it: a server reading the file at any moment sees the old key or the new one, never half of one.
 */
function writeAtomically(file, contents) {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, contents);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    fail(`cannot write ${file} (${error.code ?? error.message})`);
  }
}

const file = keyFile();
// As the server issues keys and the demo makes its first one: 192 random bits with a recognisable prefix.
const key = `bcn_${randomBytes(24).toString('base64url')}`;
writeAtomically(file, `${key}\n`);
console.error(
  `admin-key:rotate: a new admin key is in ${file}; a running Beacon that reads this file takes it within 2 s and refuses the old one from then on`,
);
if (demo) {
  // As the server prints it (apps/server/src/auth/demo-admin-key.ts `signInLink`): the key in the fragment, never sent to a server.
  const link = `http://localhost:${process.env.BEACON_PORT || 3000}/#key=${encodeURIComponent(key)}`;
  console.error(`admin-key:rotate: sign in to the dashboard with the new key (the link npm start printed no longer works): ${link}`);
}
console.log(key);

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the demo keeps its admin key; `npm run admin-key:rotate` writes a new one there. */
export function demoAdminKeyFile(dataDir: string): string {
  return join(dataDir, 'admin-key');
}

/**
 * The dashboard's sign-in link for a key: the key in the fragment, which a browser never sends, so
 * it reaches no server's or proxy's log; the dashboard reads it from there and then drops it from
 * the address bar.
 */
export function signInLink(baseUrl: string, key: string): string {
  return `${baseUrl}/#key=${encodeURIComponent(key)}`;
}

/**
 * The demo needs an admin key to send commands with curl, but nobody should have to invent one:
 * generate it once, keep it beside the demo's data (mode 0600), and reuse it on every start.
 */
export function demoAdminKey(dataDir: string): string {
  const file = demoAdminKeyFile(dataDir);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const key = `bcn_${randomBytes(24).toString('base64url')}`;
    writeFileSync(file, `${key}\n`, { mode: 0o600 });
    return key;
  }
}

import { createTestDatabase, eventually, type TestDatabase } from '@beacon/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rotateAdminKey } from '../testing/rotate-admin-key';
import { ServerProcess } from '../testing/server-process';

/**
 * A leaked demo admin key, as an operator deals with it: the built server started as `npm start`
 * starts it (demo on, auth on, no admin key given, so it makes one under its data directory and
 * prints a sign-in link with it), then `npm run
 * admin-key:rotate` next to it. The running server takes the new key within 2 s; the old one gets
 * 401 from then on; the new key is never logged.
 */
let database: TestDatabase;
let dataDir: string;
let server: ServerProcess | null = null;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'beacon-demo-'));
});
afterAll(async () => {
  await server?.kill();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const adminReadWith = async (key: string): Promise<number> =>
  (await fetch(`${server?.url}/api/v1/api-keys`, { headers: { authorization: `Bearer ${key}` } })).status;

it('takes a rotated demo admin key without a restart and refuses the old one', async () => {
  server = await ServerProcess.start(database.url, {
    BEACON_DEMO: 'on',
    BEACON_DATA_DIR: dataDir,
    BEACON_ADMIN_KEY: '', // none given: the demo makes its own
    // Polling with the new key until it is taken presents invalid keys; not the limit under test.
    BEACON_AUTH_FAILURES_PER_MINUTE: '100000',
  });
  const demoKey = readFileSync(join(dataDir, 'admin-key'), 'utf8').trim();
  expect(await adminReadWith(demoKey)).toBe(200);
  // The link to sign in with, the key in its fragment; a read without a key is refused, as npm start runs with auth on.
  const link = `sign in to the dashboard: ${server.url.replace('127.0.0.1', 'localhost')}/#key=${encodeURIComponent(demoKey)}`;
  await eventually(async () => expect(server?.log).toContain(link), 2000, 20);
  expect((await fetch(`${server.url}/api/v1/assets`)).status).toBe(401);

  const rotation = rotateAdminKey({ BEACON_DATA_DIR: dataDir });
  const rotatedAt = performance.now();
  expect(rotation.status).toBe(0);
  const newKey = rotation.stdout.trim();
  expect(newKey).not.toBe(demoKey);
  expect(rotation.stderr).toContain(`#key=${encodeURIComponent(newKey)}`);

  await eventually(async () => expect(await adminReadWith(newKey)).toBe(200), 2000, 20);
  const took = performance.now() - rotatedAt;
  expect(await adminReadWith(demoKey)).toBe(401);
  expect(server.log).toContain('the admin key was replaced');
  expect(server.log).not.toContain(newKey);
  console.log(`demo admin key rotation: the new key was in force ${Math.round(took)} ms after the rename`);
});

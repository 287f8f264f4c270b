// `npm run projections:rebuild`: asks a running Beacon for a zero-downtime rebuild of the asset
// read model (Elasticsearch) and follows it to the end. The projector that leads does the work;
// this only files the request and reports progress. Exit code 0 = rebuilt, 1 = failed.
//   BEACON_URL        the server (default http://127.0.0.1:$BEACON_PORT, port 3000)
//   BEACON_ADMIN_KEY  an admin key (default: the demo key in $BEACON_DATA_DIR/admin-key)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const base = process.env.BEACON_URL ?? `http://127.0.0.1:${process.env.BEACON_PORT ?? 3000}`;
const timeoutMs = Number(process.env.BEACON_REBUILD_TIMEOUT_SECONDS ?? 3600) * 1000;

function adminKey() {
  if (process.env.BEACON_ADMIN_KEY) return process.env.BEACON_ADMIN_KEY;
  const file = join(resolve(process.env.BEACON_DATA_DIR ?? '.beacon'), 'admin-key');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    fail(`no admin key: set BEACON_ADMIN_KEY (or run next to a demo whose key is in ${file})`);
  }
}

function fail(message) {
  console.error(`projections:rebuild: ${message}`);
  process.exit(1);
}

async function call(method, path) {
  let response;
  try {
    response = await fetch(new URL(path, base), { method, headers: { authorization: `Bearer ${adminKey()}` } });
  } catch (error) {
    fail(`cannot reach Beacon at ${base} (${error.cause?.code ?? error.message}); is it running?`);
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) fail(`${method} ${path} → ${response.status} ${body.message ?? ''}`);
  return body;
}

const started = Date.now();
let rebuild = await call('POST', '/api/v1/admin/projections/assets/rebuild');
console.log(`rebuild ${rebuild.id} requested`);
let reported = '';
while (rebuild.status === 'requested' || rebuild.status === 'running') {
  if (Date.now() - started > timeoutMs) fail(`rebuild ${rebuild.id} still ${rebuild.status} after ${timeoutMs / 1000} s`);
  await new Promise((r) => setTimeout(r, 1000));
  rebuild = await call('GET', `/api/v1/admin/projections/assets/rebuilds/${rebuild.id}`);
  const line =
    rebuild.status === 'requested' ? 'waiting for the projector that leads' : `${rebuild.events.toLocaleString('en-US')} events replayed`;
  if (line !== reported) console.log(`rebuild ${rebuild.id}: ${line}`);
  reported = line;
}
if (rebuild.status === 'failed') fail(`rebuild ${rebuild.id} failed: ${rebuild.error}`);
console.log(
  `rebuild ${rebuild.id} done: ${rebuild.events.toLocaleString('en-US')} events replayed in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

// `npm run test:swarm`: deploys Beacon on a local Docker Swarm from scratch and proves it scales,
// updates without failed requests, fails over and rides out a database outage. Each step prints its
// figures; a summary goes to .beacon/swarm/<stack>-test.json. The test uses a stack of its own
// (beacon-test, port 18080), so a `beacon` stack deployed beside it is not touched.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BeaconApi } from './beacon-api.mjs';
import { docker, runScript } from './docker.mjs';
import { databaseOutage } from './steps/database-outage.mjs';
import { ingestAndSearch } from './steps/ingest-and-search.mjs';
import { projectorFailover } from './steps/projector-failover.mjs';
import { rollingUpdate } from './steps/rolling-update.mjs';
import { scaleIngest } from './steps/scale-ingest.mjs';

const repoDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const stack = process.env.BEACON_STACK ?? 'beacon-test';
const port = process.env.BEACON_SWARM_PORT ?? '18080';
const stateDir = join(repoDir, '.beacon', 'swarm');
const env = { BEACON_STACK: stack, BEACON_SWARM_PORT: port };
const swarmUp = () => runScript('bash', [join(repoDir, 'deploy', 'swarm-up.sh')], env);
const swarmDown = () => runScript('bash', [join(repoDir, 'deploy', 'swarm-down.sh'), '--volumes'], env);

const results = [];
const started = Date.now();

async function step(title, run) {
  const n = results.length + 1;
  console.log(`\n▶ ${n}. ${title}`);
  const t0 = performance.now();
  try {
    const figures = (await run()) ?? {};
    const seconds = (performance.now() - t0) / 1000;
    results.push({ step: n, title, ok: true, seconds, figures });
    console.log(`✔ ${n}. ${title} (${seconds.toFixed(1)} s)`);
    for (const [name, value] of Object.entries(figures)) console.log(`    ${name}: ${value}`);
  } catch (error) {
    results.push({ step: n, title, ok: false, seconds: (performance.now() - t0) / 1000, error: error.message });
    console.log(`✘ ${n}. ${title}: ${error.message}`);
    throw error;
  }
}

/** What an operator would look at first when a step fails. */
async function printDiagnostics() {
  console.log('\n--- diagnostics ---');
  for (const args of [
    ['stack', 'ps', '--no-trunc', stack],
    ['ps', '-a', '--filter', `label=com.docker.stack.namespace=${stack}`],
  ]) {
    console.log(await docker(...args).catch((e) => e.message));
  }
  for (const service of ['proxy', 'ingest', 'query', 'projector', 'postgres', 'elasticsearch']) {
    console.log(`\n--- last log lines of ${stack}_${service} ---`);
    console.log(await docker('service', 'logs', '--no-trunc', '--tail', '30', `${stack}_${service}`).catch((e) => e.message));
  }
}

function writeSummary() {
  mkdirSync(stateDir, { recursive: true });
  const file = join(stateDir, `${stack}-test.json`);
  writeFileSync(
    file,
    JSON.stringify({ stack, date: new Date(started).toISOString(), seconds: (Date.now() - started) / 1000, steps: results }, null, 2),
  );
  console.log(
    `\n${results.filter((r) => r.ok).length} of ${results.length} steps passed in ${((Date.now() - started) / 60000).toFixed(1)} min; figures in ${file}`,
  );
}

async function main() {
  let failed = false;
  try {
    // Leftovers of an earlier run that was interrupted go first: the deployment starts from nothing.
    await swarmDown();
    await step('swarm:up from scratch (images, secrets, deploy, every service healthy)', async () => {
      const t0 = performance.now();
      await swarmUp();
      await docker('stack', 'config', '-c', join(repoDir, 'docker-stack.yml')).catch((error) => {
        throw new Error(`docker-stack.yml does not validate: ${error.message}`);
      });
      return { 'swarm:up took s': ((performance.now() - t0) / 1000).toFixed(0), 'docker-stack.yml': 'validates' };
    });
    const key = readFileSync(join(stateDir, `${stack}_admin_key`), 'utf8').trim();
    const context = { api: new BeaconApi(`http://127.0.0.1:${port}`, key), stack };
    await step('heartbeats through the proxy are found by search within 2 s (Elasticsearch)', () => ingestAndSearch(context));
    await step('ingest scaled to 3: requests reach all three replicas', () => scaleIngest(context));
    await step('rolling update of query under continuous search: 0 failed requests', () => rollingUpdate(context));
    await step('leading projector killed: the standby leads, lag < 1 s within 15 s', () => projectorFailover(context));
    await step('PostgreSQL stopped for 10 s under ingest: 503 + Retry-After, nothing acknowledged is lost', () => databaseOutage(context));
  } catch {
    failed = true;
    await printDiagnostics();
  } finally {
    if (process.env.BEACON_SWARM_KEEP === '1') {
      console.log(`\nBEACON_SWARM_KEEP=1: stack ${stack} left running on port ${port}`);
    } else {
      await step('swarm:down (the stack, its volumes and secrets removed)', async () => {
        const t0 = performance.now();
        await swarmDown();
        const left = await docker('ps', '-aq', '--filter', `label=com.docker.stack.namespace=${stack}`);
        if (left) throw new Error(`containers of ${stack} are still there: ${left}`);
        return { 'swarm:down took s': ((performance.now() - t0) / 1000).toFixed(0) };
      }).catch(() => (failed = true));
    }
    writeSummary();
  }
  process.exitCode = failed ? 1 : 0;
}

await main();

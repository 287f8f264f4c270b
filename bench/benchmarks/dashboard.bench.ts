import { createDatabase } from '@beacon/embedded-postgres';
import { join } from 'node:path';
import { formatNumber } from '../lib/format';
import { withBenchPostgres, type BenchPostgres } from '../lib/postgres';
import { repeatInRounds } from '../lib/repeat';
import type { Benchmark, BenchmarkContext, BenchmarkResult } from '../lib/types';
import { launchBrowser } from './dashboard/browser';
import { onBrowserCore, splitCores } from './dashboard/own-core';
import { firstRender } from './dashboard/first-render';
import { TIMEOUT_SECONDS, dashboardFleet, seedThroughApi } from './dashboard/fleet-seed';
import { LONG_TASK_THRESHOLD_MS, liveWindow } from './dashboard/live-window';
import { HeartbeatRotation } from './dashboard/paced-heartbeats';
import { WHEEL, scrollWindow } from './dashboard/scroll-window';
import { startBeaconServer } from './ingest/beacon-server';
import type { Child } from './ingest/child';
import { freeLoopbackPort } from './ingest/free-port';
import { SERVER_BUILD, WORKSPACE, ensureBuilt } from './ingest/server-build';
import { adminKeyOf, packageVersion, serverEnv } from './ingest/server-env';
import type { FleetPlan } from './query/fleet-plan';

/** About the demo's size (`BEACON_DEMO=on` shows 7 vehicles and 3 aircraft): the baseline's fleet. */
const DEMO_ASSETS = 7;
const DEMO_DATABASE = 'beacon_bench_demo';
const CUSTOMERS = 10;
const SEED_FAST = { BEACON_READ_YOUR_WRITES_MS: '0' };
const DASHBOARD_BUILD = {
  project: 'dashboard',
  output: join(WORKSPACE, 'dist', 'apps', 'dashboard', 'browser', 'index.html'),
  sourceDirs: [join(WORKSPACE, 'apps', 'dashboard'), join(WORKSPACE, 'libs')],
};

/**
 * 10,000 assets and 1,000 heartbeats/s at scale 1; both scale, so each asset reports every 10 s at
 * any scale. The window is 20 s, and never shorter than one round of the fleet's reports.
 */
function sizes(scale: number): { assets: number; perSecond: number; seconds: number; scrollSeconds: number } {
  const assets = Math.max(100, Math.round(10_000 * scale));
  const perSecond = assets / 10;
  // 10 s of the wheel is 2,000 rows, ten pages of the table; at scale 0.1 the 1,000 rows take 5.
  return { assets, perSecond, seconds: Math.max(10, Math.round(20 * scale)), scrollSeconds: Math.max(5, Math.round(10 * scale)) };
}

interface Server {
  url: string;
  adminKey: string;
  recorded: Record<string, unknown>;
  plan: FleetPlan;
}

/**
 * Two built servers on the benchmark's PostgreSQL, every role in one process as `npm start` runs
 * them: one with the whole fleet, one with a demo-size fleet for the baseline. The same browser
 * opens the same address on both, so only the fleet's size differs.
 */
async function run(context: BenchmarkContext, postgres: BenchPostgres): Promise<BenchmarkResult> {
  const size = sizes(context.scale);
  const children: Child[] = [];
  const start = async (databaseUrl: string, assets: number, customers: number): Promise<Server> => {
    const env = serverEnv(databaseUrl);
    // Registrations answer at once rather than each waiting for the read model: the seed waits for
    // the search to show the whole fleet instead. The dashboard sends no commands, so nothing measured changes.
    const server = await startBeaconServer({ ...env.env, ...SEED_FAST }, await freeLoopbackPort());
    children.push(server.child);
    const plan = dashboardFleet(assets, customers);
    const seeded = Date.now();
    await seedThroughApi(server.url, adminKeyOf(env), plan);
    context.log(
      `${server.url}: ${assets} assets of ${customers} customers registered and online in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
    );
    return { url: server.url, adminKey: adminKeyOf(env), recorded: { ...env.recorded, also: SEED_FAST }, plan };
  };
  const cores = splitCores();
  const { browser, launchOptions } = await onBrowserCore(cores, launchBrowser);
  try {
    const demo = await start(await createDatabase(postgres.url, DEMO_DATABASE), DEMO_ASSETS, 2);
    const fleet = await start(postgres.url, size.assets, CUSTOMERS);
    const many = `${formatNumber(size.assets)} assets`;
    const few = `${DEMO_ASSETS} assets`;
    const rate = `${formatNumber(size.perSecond)} heartbeats/s`;
    const onDemo = { browser, url: demo.url, adminKey: demo.adminKey, total: DEMO_ASSETS };
    const onFleet = { browser, url: fleet.url, adminKey: fleet.adminKey, total: size.assets };
    const baseRender = firstRender({
      ...onDemo,
      scenario: `first render, ${few}`,
      baseline: `first render, ${few}`,
      mapScenario: `map filled, ${few}`,
      mapBaseline: `map filled, ${few}`,
    });
    const fleetRender = firstRender({
      ...onFleet,
      scenario: `first render, ${many}`,
      baseline: `first render, ${few}`,
      target: { max: 2_000 },
      mapScenario: `map filled, ${many}`,
      mapBaseline: `map filled, ${few}`,
    });
    const rotation = new HeartbeatRotation(fleet.plan.assets);
    const live = { ...onFleet, log: context.log, rotation, seconds: size.seconds, baseline: `longest task, idle page, ${many}` };
    const idle = liveWindow({ ...live, scenario: live.baseline, perSecond: 0 });
    const busy = liveWindow({ ...live, scenario: `longest task, ${rate}, ${many}`, perSecond: size.perSecond, target: { max: 100 } });
    const scroll = scrollWindow({
      ...onFleet,
      log: context.log,
      seconds: size.scrollSeconds,
      scenario: `longest task, scrolling the table, ${many}`,
      baseline: live.baseline,
      target: { max: 100 },
    });
    context.log('first render on both fleets, then the page idle, under heartbeats and scrolled, in rounds');
    const [baseRows, fleetRows, idleTask, busyTask, scrollTask] = await repeatInRounds(
      [baseRender.scenario, fleetRender.scenario, idle.scenario, busy.scenario, scroll.scenario],
      context,
    );
    return {
      settings: {
        fleet: {
          assets: size.assets,
          customers: CUSTOMERS,
          aircraft: fleet.plan.assets.filter((a) => a.aircraft).length,
          timeoutSeconds: TIMEOUT_SECONDS,
        },
        baselineFleet: { assets: DEMO_ASSETS, customers: 2, server: 'a second server with a database of its own' },
        live: { heartbeatsPerSecond: size.perSecond, batchesPerSecond: 10, seconds: size.seconds, longTaskFloorMs: LONG_TASK_THRESHOLD_MS },
        cores: cores ?? 'shared: the browser and the server share every core',
        browser: {
          name: 'chromium',
          version: browser.version(),
          launchOptions,
          playwright: packageVersion('playwright'),
          viewport: '1280×720',
        },
        server: fleet.recorded,
        perScenario: {
          [fleetRender.scenario.scenario]: { mapFeatures: fleetRender.mapFeatures },
          [baseRender.scenario.scenario]: { mapFeatures: baseRender.mapFeatures },
          [idle.scenario.scenario]: idle.details,
          [busy.scenario.scenario]: busy.details,
          [scroll.scenario.scenario]: { ...scroll.details, wheel: WHEEL, seconds: size.scrollSeconds },
        },
        postgres: postgres.settings,
      },
      measurements: [baseRows, fleetRows, baseRender.map, fleetRender.map, idleTask, busyTask, scrollTask].filter((m) => m !== undefined),
    };
  } finally {
    await browser.close();
    for (const child of children.reverse()) await child.stop();
  }
}

export const benchmark: Benchmark = {
  name: 'dashboard',
  description:
    'the dashboard in headless Chromium: first render of the whole fleet, and long tasks under live heartbeats and while scrolling the table',
  run: async (context) => {
    await ensureBuilt([SERVER_BUILD, DASHBOARD_BUILD], context.log);
    return withBenchPostgres((postgres) => run(context, postgres));
  },
};

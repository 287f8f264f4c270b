import { Client } from 'pg';
import { processTreeCpuSeconds } from '../ingest/cpu';
import { formatNumber } from '../../lib/format';
import type { BenchmarkContext, BenchmarkResult, Measurement } from '../../lib/types';
import { LiveStreams } from './live-push-clients';
import { pushHeartbeats, type PushLatency } from './live-push-load';
import { residentBytes, startBarePushServer, startBeaconPushServer, type PushServer } from './live-push-servers';

/** Heartbeats a second while streams are open: each of 1,000 vehicles every 20 s. */
const RATE = 50;
/** Probes per run: enough samples for a p99, few enough that parsing stays small beside the server's work. */
const PROBES = 50;
const DATABASE = 'bench_live_push';

function sizes(scale: number) {
  return {
    clients: [1_000, 10_000].map((count) => Math.max(100, Math.round(count * Math.min(1, scale * 10)))),
    // 3 s below scale 0.1 (the full run), as the warm-up: 150 heartbeats seen by 50 probe clients, 7,500 samples for the p99.
    seconds: scale < 0.1 ? 3 : Math.max(5, Math.round(15 * scale)),
  };
}

interface RunResult extends PushLatency {
  connectSeconds: number;
}

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A server using less than this share of a core is done with the clients that left. */
const IDLE_CORES = 0.05;
const IDLE_WINDOW_MS = 500;
const IDLE_WAIT_MAX_MS = 30_000;

/**
 * Waits until `server` has let go of the streams just closed: at least 1 s, then until a half
 * second passes in which it used under a twentieth of a core (30 s at most). The two servers
 * share the machine, and the bare fan-out, which buffers without bound (its p99 at 10,000 streams
 * runs to 20 s), used over a core for 1.5 s after its 10,000 clients left: into the next run.
 */
async function settleUntilIdle(server: PushServer): Promise<void> {
  await settle(1_000);
  const deadline = Date.now() + IDLE_WAIT_MAX_MS;
  while (Date.now() < deadline) {
    const before = processTreeCpuSeconds(server.child.pid);
    await settle(IDLE_WINDOW_MS);
    if ((processTreeCpuSeconds(server.child.pid) - before) / (IDLE_WINDOW_MS / 1000) < IDLE_CORES) return;
  }
}

/** Opens `clients` streams, pushes heartbeats to them, closes them. */
async function measureOnce(server: PushServer, clients: number, seconds: number): Promise<RunResult> {
  const connectStarted = Date.now();
  const streams = await LiveStreams.open(server.streamUrl, server.streamHeaders, clients, Math.max(1, Math.floor(clients / PROBES)));
  const connectSeconds = (Date.now() - connectStarted) / 1000;
  try {
    await settle(1_000);
    const latency = await pushHeartbeats({
      assetIds: server.assetIds,
      rate: RATE,
      seconds,
      send: server.send,
      receipts: streams.receipts,
      probes: streams.probes,
    });
    return { ...latency, connectSeconds };
  } finally {
    streams.close();
    await settleUntilIdle(server);
  }
}

/**
 * Resident memory per open stream, on a server process started for this alone: in a process that
 * has pushed before, the garbage of earlier runs (collected at any moment) would swamp the figure.
 * A few streams first, so lazily compiled code and first-use allocations are not counted as the
 * clients'.
 */
async function bytesPerClient(start: () => Promise<PushServer>, clients: number): Promise<number> {
  const server = await start();
  try {
    const warm = await LiveStreams.open(server.streamUrl, server.streamHeaders, 50, 1_000);
    await settle(2_000);
    const before = residentBytes(server.child.pid);
    const streams = await LiveStreams.open(server.streamUrl, server.streamHeaders, clients, clients + 1);
    await settle(2_000);
    const after = residentBytes(server.child.pid);
    streams.close();
    warm.close();
    return (after - before) / clients;
  } finally {
    await server.child.stop();
  }
}

/** A database of its own on the benchmark's PostgreSQL, for a Beacon server that migrates it itself. */
async function freshDatabase(url: string): Promise<string> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  const own = new URL(url);
  own.pathname = `/${DATABASE}`;
  return own.toString();
}

/**
 * Live push latency — heartbeat sent → `position` message received by a connected client — with
 * 1,000 and 10,000 streams open on one server process, and its memory per stream. The baseline
 * is a bare node:http fan-out that writes each heartbeat to every stream without a database or a
 * log, run with the same clients and load in the same rounds.
 */
export async function livePushLatency(context: BenchmarkContext, postgresUrl: string): Promise<BenchmarkResult> {
  const size = sizes(context.scale);
  const databaseUrl = await freshDatabase(postgresUrl);
  const beacon = await startBeaconPushServer(databaseUrl, context.log);
  const bare = await startBarePushServer().catch(async (error: unknown) => {
    await beacon.child.stop();
    throw error;
  });
  const measurements = new Map<string, Measurement>();
  const record = (scenario: string, unit: string, value: number, baseline: string, target?: Measurement['target']): void => {
    const entry = measurements.get(scenario) ?? { scenario, unit, runs: [], baseline, ...(target ? { target } : {}) };
    entry.runs.push(value);
    measurements.set(scenario, entry);
  };
  try {
    for (let round = 0; round <= context.runs; round++) {
      const label = round === 0 ? 'warm-up' : `run ${round}/${context.runs}`;
      for (const clients of size.clients) {
        for (const server of [bare, beacon]) {
          const result = await measureOnce(server, clients, round === 0 ? 3 : size.seconds);
          context.log(
            `${label.padEnd(9)} live push, ${formatNumber(clients)} clients, ${server.name}: p50 ${result.p50.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms, ` +
              `delivered ${(result.delivered * 100).toFixed(1)} %, ${result.failed} not accepted, connected in ${result.connectSeconds.toFixed(1)} s`,
          );
          if (round === 0) continue;
          const of = (what: string, name = server.name): string => `live push ${what}, ${formatNumber(clients)} clients (${name})`;
          const isBeacon = server === beacon;
          record(of('p50'), 'ms', result.p50, of('p50', bare.name));
          record(of('p99'), 'ms', result.p99, of('p99', bare.name), isBeacon ? { max: 1_000 } : undefined);
          record(of('delivered'), '%', result.delivered * 100, of('delivered', bare.name), isBeacon ? { min: 100 } : undefined);
        }
      }
    }
    // Once, not in every round: bytes held per stream do not drift with the machine's load as
    // times do, and each measurement starts two servers of its own (about 30 s).
    const most = Math.max(...size.clients);
    const memory = `memory per client, ${formatNumber(most)} clients`;
    const bareBytes = await bytesPerClient(startBarePushServer, most);
    const beaconBytes = await bytesPerClient(() => startBeaconPushServer(databaseUrl, context.log, 'registered'), most);
    context.log(`          ${memory}: ${bare.name} ${(bareBytes / 1024).toFixed(1)} KiB, Beacon ${(beaconBytes / 1024).toFixed(1)} KiB`);
    record(`${memory} (${bare.name})`, 'KiB', bareBytes / 1024, `${memory} (${bare.name})`);
    record(`${memory} (Beacon)`, 'KiB', beaconBytes / 1024, `${memory} (${bare.name})`);
  } finally {
    await Promise.all([beacon.child.stop(), bare.child.stop()]);
  }
  return {
    settings: { rate: RATE, secondsPerRun: size.seconds, clients: size.clients, probesPerRun: PROBES, database: DATABASE },
    measurements: [...measurements.values()],
  };
}

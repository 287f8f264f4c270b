import { createTestDatabase, type TestDatabase } from '@beacon/testing';
import { randomBytes } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ServerProcess } from '../testing/server-process';
import { adminHeaders } from '../testing/test-app';
import { registerFleet } from '../testing/fault-load';

/**
 * A distributed flood of made-up API keys (many client addresses, as a botnet behind the trusted
 * proxy would send it) costs at most one database lookup per distinct key, and the keys that are
 * valid keep working at their usual latency meanwhile — even from an address that the flood shares
 * with them (a NAT) and that is refused for presenting too many invalid keys.
 */
const CUSTOMER = 'flood-test';
const ASSETS = Array.from({ length: 20 }, (_, i) => `FLOOD-${i}`);
const UNKNOWN_KEYS = 400;
/** Each key is sent this many times in a row, so copies of a new key are in flight together. */
const COPIES_IN_A_ROW = 8;
const FLOOD_ADDRESSES = 1000;
const FLOOD_CONCURRENCY = 64;
/**
 * Offered as a steady rate, not as fast as 64 connections go: on 2 shared cores an unpaced flood
 * takes all the CPU, and then any request waits behind 64 others whatever its key. What is under
 * test is what unknown keys cost beyond their share of the CPU: lookups, waits on the pool, refusals.
 */
const FLOOD_PER_SECOND = 1000;
/**
 * The flood comes in bursts with quiet spells between, in rounds, and the valid requests of the
 * quiet spells are the baseline: the machine's other work then falls on both alike (the benchmarks'
 * rounds, for the same reason). The rounds take longer than the 10 s after which a valid key is
 * looked up again (api-keys.ts RECHECK_MS), so that lookup comes while the keys' address is refused.
 */
const ROUNDS = 5;
const QUIET_MS = 1_500;
const BURST_MS = 2_500;
/** The valid clients sit behind the same address as every tenth request of the flood. */
const SHARED_ADDRESS = '198.51.100.7';

let database: TestDatabase;
let server: ServerProcess;

beforeAll(async () => {
  database = await createTestDatabase();
  // The proxy in front is the test itself, on loopback: X-Forwarded-For names the client.
  server = await ServerProcess.start(database.url, { BEACON_AUTH: 'on', BEACON_TRUST_PROXY: '127.0.0.1' });
  await registerFleet(server.url, CUSTOMER, ASSETS);
}, 120_000);
afterAll(async () => {
  await server?.kill('SIGKILL');
  await database?.drop();
});

type Phase = 'warm-up' | 'quiet' | 'flood' | 'between';

interface Answer {
  status: number;
  ms: number;
}

/** One request over a kept-alive connection of `agent`, timed from the call to the end of the answer. */
function send(agent: Agent, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const url = new URL(server.url);
  return new Promise((done, fail) => {
    const started = performance.now();
    const request = httpRequest(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers:
          body === undefined
            ? headers
            : { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      },
      (response) => {
        response.resume();
        response.once('end', () => done({ status: response.statusCode ?? 0, ms: performance.now() - started }));
        response.once('error', fail);
      },
    );
    request.once('error', fail);
    request.end(body);
  });
}

async function issueKey(role: 'viewer' | 'device'): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { ...adminHeaders, 'content-type': 'application/json' },
    body: JSON.stringify({ role, customerId: CUSTOMER, name: `flood test ${role}` }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { key: string }).key;
}

async function lookups(): Promise<Record<'valid' | 'invalid', number>> {
  const metrics = await (await fetch(`${server.url}/metrics`, { headers: adminHeaders })).text();
  const count = (result: string): number =>
    Number(new RegExp(`^beacon_api_key_lookups_total\\{result="${result}"\\} (\\d+)`, 'm').exec(metrics)?.[1] ?? NaN);
  return { valid: count('valid'), invalid: count('invalid') };
}

/**
 * The valid traffic: a customer's viewer searching its fleet and its device sending pings, each one
 * request at a time on a connection of its own, from the shared address, while `running()`. Each
 * answer is put down to the phase it was asked and answered in (`between` when they differ).
 */
async function validTraffic(
  viewerKey: string,
  deviceKey: string,
  running: () => boolean,
  phase: () => Phase,
): Promise<Array<Answer & { phase: Phase }>> {
  const client = async (next: (n: number) => Promise<Answer>): Promise<Array<Answer & { phase: Phase }>> => {
    const answers: Array<Answer & { phase: Phase }> = [];
    while (running()) {
      const askedIn = phase();
      const answer = await next(answers.length);
      answers.push({ ...answer, phase: phase() === askedIn ? askedIn : 'between' });
    }
    return answers;
  };
  const viewerAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const deviceAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const from = { 'x-forwarded-for': SHARED_ADDRESS };
  try {
    const answers = await Promise.all([
      client(() => send(viewerAgent, 'GET', '/api/v1/assets?limit=20', { ...from, authorization: `Bearer ${viewerKey}` })),
      client((n) =>
        send(
          deviceAgent,
          'POST',
          `/api/v1/assets/${ASSETS[n % ASSETS.length]}/heartbeats`,
          { ...from, authorization: `Bearer ${deviceKey}` },
          JSON.stringify({ lat: 59.3 + n / 1e5, lon: 18.1 }),
        ),
      ),
    ]);
    return answers.flat();
  } finally {
    viewerAgent.destroy();
    deviceAgent.destroy();
  }
}

/**
 * Made-up keys, each `COPIES_IN_A_ROW` times in a row, then the next; after the last key, the first
 * again. Every request claims the next of `FLOOD_ADDRESSES` addresses, every tenth the shared one.
 */
class Flood {
  readonly statuses = new Map<number, number>();
  /** Requests from the shared address refused with 429: the valid keys' address was refused too. */
  sharedRefused = 0;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: FLOOD_CONCURRENCY });
  private next = 0;

  constructor(private readonly keys: readonly string[]) {}

  get sent(): number {
    return this.next;
  }

  /** `FLOOD_PER_SECOND` requests a second over at most `FLOOD_CONCURRENCY` connections for `ms`; resolves once all are answered. */
  async burst(ms: number): Promise<void> {
    const [first, started] = [this.next, performance.now()];
    const connection = async (): Promise<void> => {
      for (;;) {
        const due = started + ((this.next - first) * 1000) / FLOOD_PER_SECOND;
        if (due >= started + ms) return;
        const n = this.next++;
        if (due > performance.now()) await sleep(due - performance.now());
        const key = this.keys[Math.floor(n / COPIES_IN_A_ROW) % this.keys.length] ?? '';
        const a = n % FLOOD_ADDRESSES;
        const address = n % 10 === 0 ? SHARED_ADDRESS : `10.0.${a >> 8}.${a & 255}`;
        const { status } = await send(this.agent, 'GET', '/api/v1/assets?limit=20', {
          authorization: `Bearer ${key}`,
          'x-forwarded-for': address,
        });
        this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
        if (address === SHARED_ADDRESS && status === 429) this.sharedRefused++;
      }
    };
    await Promise.all(Array.from({ length: FLOOD_CONCURRENCY }, connection));
  }

  close(): void {
    this.agent.destroy();
  }
}

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const summary = (answers: readonly Answer[]) => ({
  p50: percentile(
    answers.map((a) => a.ms),
    50,
  ),
  p95: percentile(
    answers.map((a) => a.ms),
    95,
  ),
});
const unsuccessful = (answers: readonly Answer[]) => answers.filter((a) => a.status < 200 || a.status > 299).map((a) => a.status);

it('looks each unknown key up at most once, and valid keys keep working at their usual latency', async () => {
  const [viewerKey, deviceKey] = [await issueKey('viewer'), await issueKey('device')];
  const madeUp = (count: number) => Array.from({ length: count }, () => `bcn_${randomBytes(24).toString('base64url')}`);
  const flood = new Flood(madeUp(UNKNOWN_KEYS));
  let phase: Phase = 'warm-up';
  let running = true;
  const valid = validTraffic(
    viewerKey,
    deviceKey,
    () => running,
    () => phase,
  );
  // Connections, JIT, the valid keys looked up once, and the server's way with unknown keys run
  // through with keys of its own, so that the first burst measures lookups rather than compiling.
  const warmUp = new Flood(madeUp(50));
  await warmUp.burst(1000);
  warmUp.close();
  await sleep(500);
  const before = await lookups();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      phase = 'quiet';
      await sleep(QUIET_MS);
      phase = 'flood';
      await flood.burst(BURST_MS);
      phase = 'between';
      await sleep(100);
    }
  } finally {
    running = false;
    flood.close();
  }
  const answers = await valid;
  const after = await lookups();

  const [quiet, flooded] = [answers.filter((a) => a.phase === 'quiet'), answers.filter((a) => a.phase === 'flood')];
  const [base, load] = [summary(quiet), summary(flooded)];
  console.log(
    `unknown-key flood: ${flood.sent} requests (${UNKNOWN_KEYS} distinct keys, ${FLOOD_ADDRESSES + 1} addresses, ${FLOOD_PER_SECOND}/s, up to ${FLOOD_CONCURRENCY} at a time, ` +
      `${ROUNDS} bursts of ${BURST_MS / 1000} s): ${JSON.stringify(Object.fromEntries(flood.statuses))}, ${flood.sharedRefused} × 429 from the shared address; ` +
      `lookups: ${after.invalid - before.invalid} invalid, ${after.valid - before.valid} valid. ` +
      `Valid keys (${answers.length} requests, ${unsuccessful(answers).length} unsuccessful): quiet ${quiet.length} requests p50 ${base.p50.toFixed(1)} ms p95 ${base.p95.toFixed(1)} ms; ` +
      `during the flood ${flooded.length} requests p50 ${load.p50.toFixed(1)} ms p95 ${load.p95.toFixed(1)} ms ` +
      `(× ${(load.p50 / base.p50).toFixed(2)} p50, × ${(load.p95 / base.p95).toFixed(2)} p95)`,
  );

  // The flood was refused, and only as an invalid key (401) or an address over its limit (429).
  expect(flood.sent).toBeGreaterThan(UNKNOWN_KEYS * COPIES_IN_A_ROW);
  expect([...flood.statuses.keys()].filter((status) => status !== 401 && status !== 429)).toEqual([]);
  // One lookup per distinct key at most, however many copies at once and from however many addresses.
  expect(after.invalid - before.invalid).toBeGreaterThan(0);
  expect(after.invalid - before.invalid).toBeLessThanOrEqual(UNKNOWN_KEYS);
  // Every valid request succeeded, from the address the flood got refused too, recheck included.
  expect(flood.sharedRefused).toBeGreaterThan(0);
  expect(unsuccessful(answers)).toEqual([]);
  expect(after.valid - before.valid).toBeGreaterThan(0);
  expect(quiet.length).toBeGreaterThan(100);
  expect(flooded.length).toBeGreaterThan(100);
  // Lookups and refusals are asserted exactly above; this is about valid requests waiting behind the
  // flood. Loose, for 2 shared cores where the flood's own requests take CPU from everyone, the tail
  // most: measured × 1.5–2.0 at p50 and × 2.6–3.3 at p95 (28–43 ms) at a load average of 4–9.
  expect(load.p50).toBeLessThanOrEqual(3 * base.p50 + 10);
  expect(load.p95).toBeLessThanOrEqual(3 * base.p95 + 50);
});

import { eventually } from '@beacon/testing';
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../testing/test-app';

const WORKSPACE = resolve(__dirname, '../../../..');
const run = promisify(execFile);

let test: TestApp;
let url: string;
let dir: string;

/** `npm run simulate` as a user runs it, against this server; its summary. */
async function simulate(...args: string[]): Promise<string> {
  const simulator = ['--require', './tools/typescript/register.cjs', 'apps/simulator/src/main.ts'];
  const { stdout } = await run(process.execPath, [...simulator, '--url', url, '--key', TEST_ADMIN_KEY, '--no-progress', ...args], {
    cwd: WORKSPACE,
    timeout: 90_000,
  });
  return stdout;
}

/** A row of the summary's table: sent, accepted, duplicates, rejected. */
function counts(summary: string, kind: 'vehicles' | 'aircraft'): number[] {
  const row = new RegExp(`^${kind}\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)`, 'm').exec(summary);
  if (!row) throw new Error(`no ${kind} in the summary:\n${summary}`);
  return row.slice(1, 5).map(Number);
}

const search = async (query: string) => (await test.request({ method: 'GET', url: `/api/v1/assets?${query}` })).json();
const track = async (id: string) => (await test.request({ method: 'GET', url: `/api/v1/assets/${id}/track` })).json().points as unknown[];

beforeAll(async () => {
  test = await startTestApp();
  await test.app.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(test.app.getHttpServer().address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'beacon-simulator-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await test.close();
});

describe('the fleet simulator against a real server', () => {
  it('registers its vehicles, sends OsmAnd and OpenSky traffic that is stored, and replays its recording faster', async () => {
    const recording = join(dir, 'run.ndjson');
    const live = await simulate(
      ...['--vehicles', '6', '--aircraft', '3', '--interval', '1s', '--duration', '3s', '--silent', '0', '--seed', '7'],
      ...['--format', 'osmand,opensky', '--record', recording],
    );
    // Four ticks (0, 1, 2 and 3 s) of every device, each accepted once.
    expect(counts(live, 'vehicles')).toEqual([24, 24, 0, 0]);
    expect(counts(live, 'aircraft')).toEqual([12, 12, 0, 0]);
    expect(live).toMatch(/latency p50 \d+\.\d ms, p99 \d+\.\d ms/);

    await eventually(async () => {
      const vehicles = await search('kind=vehicle');
      expect(vehicles.total).toBe(6);
      expect(vehicles.counts.online).toBe(6);
      // Feeds register unknown aircraft under the feed's customer.
      const aircraft = await search('kind=aircraft&customerId=sim-airways');
      expect(aircraft.total).toBe(3);
      expect(aircraft.counts.online).toBe(3);
    });
    const [vehicle] = (await search('kind=vehicle&limit=1')).items;
    // Around Södertälje, Stockholm or Uppsala.
    expect(vehicle.position.lat).toBeGreaterThan(59.1);
    expect(vehicle.position.lat).toBeLessThan(59.95);
    expect(vehicle.customerId).toMatch(/^sim-(sodertalje|stockholm|uppsala)$/);
    await eventually(async () => expect(await track(vehicle.id)).toHaveLength(4));

    const lines = readFileSync(recording, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1 + 36);
    const replay = await simulate('--replay', recording, '--speed', '4x', '--format', 'native,readsb');
    // Dated anew when sent again, so none is a duplicate of the live run's.
    expect(counts(replay, 'vehicles')).toEqual([24, 24, 0, 0]);
    expect(counts(replay, 'aircraft')).toEqual([12, 12, 0, 0]);
    await eventually(async () => expect(await track(vehicle.id)).toHaveLength(8));
  });
});

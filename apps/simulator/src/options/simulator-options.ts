import { parseArgs } from 'node:util';
import { DEFAULT_FORMATS, parseFormats, type Formats } from '../formats/format';
import { parseDuration, parseSpeed } from './quantities';

export interface SimulatorOptions {
  url: string;
  key: string;
  formats: Formats;
  /** Requests in flight at once. */
  concurrency: number;
  progress: boolean;
  run: LiveRun | ReplayRun;
}

export interface LiveRun {
  kind: 'live';
  vehicles: number;
  aircraft: number;
  intervalMs: number;
  durationMs: number;
  seed: number;
  silentShare: number;
  record: string | null;
}

export interface ReplayRun {
  kind: 'replay';
  file: string;
  speed: number;
}

export class OptionsError extends Error {}

export const USAGE = `npm run simulate -- [options]
  --url URL             Beacon's address (default http://127.0.0.1:3000)
  --key KEY             an admin API key (default: $BEACON_API_KEY)
  --vehicles N          vehicles around Södertälje, Stockholm and Uppsala (default 100)
  --aircraft N          airliners between Nordic and European airports (default 20)
  --interval DURATION   time between two reports of a device: 500ms, 5s, 1m (default 5s)
  --duration DURATION   how long to run: 30s, 10m, 1h (default 10m)
  --format F[,F]        native or osmand for vehicles, readsb or opensky for aircraft (default native,readsb)
  --seed N              the same seed gives the same traffic (default 42)
  --silent SHARE        share of devices that go silent now and then, 0–1 (default 0.05)
  --record FILE         write every heartbeat sent, with its time offset, as NDJSON
  --replay FILE         send a recording again instead of simulating
  --speed N[x]          how much faster than recorded to replay (default 1x)
  --concurrency N       requests in flight at once (default 16)
  --no-progress         no progress bars, only the summary`;

/** The command line, read once and checked: a bad value stops the simulator naming the option. */
export function parseSimulatorOptions(argv: string[], env: NodeJS.ProcessEnv): SimulatorOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      key: { type: 'string' },
      vehicles: { type: 'string', default: '100' },
      aircraft: { type: 'string', default: '20' },
      interval: { type: 'string', default: '5s' },
      duration: { type: 'string', default: '10m' },
      format: { type: 'string' },
      seed: { type: 'string', default: '42' },
      silent: { type: 'string', default: '0.05' },
      record: { type: 'string' },
      replay: { type: 'string' },
      speed: { type: 'string', default: '1x' },
      concurrency: { type: 'string', default: '16' },
      'no-progress': { type: 'boolean', default: false },
    },
  });
  const key = values.key ?? env['BEACON_API_KEY'];
  if (!key) throw new OptionsError('--key (or BEACON_API_KEY) is required: an admin key registers the simulated fleet');
  if (!/^https?:\/\/[^/]+/.test(values.url)) throw new OptionsError(`--url must be an http(s) address, got "${values.url}"`);
  if (values.replay && values.record) throw new OptionsError('--record and --replay do not go together');
  const formats = values.format === undefined ? DEFAULT_FORMATS : parseFormats(values.format);
  if (!formats) throw new OptionsError(`--format must be native or osmand, and/or readsb or opensky, got "${values.format}"`);
  const common = {
    url: values.url.replace(/\/+$/, ''),
    key,
    formats,
    concurrency: whole(values.concurrency, '--concurrency', 1),
    progress: !values['no-progress'],
  };
  if (values.replay) {
    const speed = parseSpeed(values.speed);
    if (speed === undefined) throw new OptionsError(`--speed must be a factor such as 10x, got "${values.speed}"`);
    return { ...common, run: { kind: 'replay', file: values.replay, speed } };
  }
  const silentShare = Number(values.silent);
  if (!(silentShare >= 0 && silentShare <= 1)) throw new OptionsError(`--silent must be a share between 0 and 1, got "${values.silent}"`);
  return {
    ...common,
    run: {
      kind: 'live',
      vehicles: whole(values.vehicles, '--vehicles', 0),
      aircraft: whole(values.aircraft, '--aircraft', 0),
      intervalMs: duration(values.interval, '--interval'),
      durationMs: duration(values.duration, '--duration'),
      seed: whole(values.seed, '--seed', 0),
      silentShare,
      record: values.record ?? null,
    },
  };
}

function whole(text: string, option: string, min: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min)
    throw new OptionsError(`${option} must be a whole number, ${min} or more, got "${text}"`);
  return value;
}

function duration(text: string, option: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new OptionsError(`${option} must be a duration such as 500ms, 5s, 10m or 1h, got "${text}"`);
  return ms;
}

import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { LoadResult } from './load';

const WRK = '/usr/bin/wrk';
const SCRIPT = join(__dirname, 'ping.lua');
const ENSURE_PACKAGE = join(__dirname, '../../../tools/ensure-debian-package.sh');
/** autocannon's default, so a slow answer fails a run as it did before. */
const TIMEOUT_SECONDS = 10;

export interface WrkPingRun {
  url: string;
  adminKey: string;
  connections: number;
  seconds: number;
}

/** What wrk's `done` in ping.lua writes. */
interface WrkSummary {
  requests: number;
  status_errors: number;
  socket_errors: number;
  timeouts: number;
  duration_us: number;
  p50_us: number;
  p99_us: number;
}

/** Installs Debian's wrk if it is missing (the benchmark's own set-up, like Chromium for the tests). */
export function ensureWrk(): void {
  const result = spawnSync('bash', [ENSURE_PACKAGE, WRK, 'wrk'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`wrk is needed for the single-heartbeat scenarios and could not be installed`);
}

/**
 * The single-heartbeat load: wrk (C, one epoll loop per thread) with ping.lua building each request.
 * At the bare route's rate autocannon's two processes needed 0.9–1 core of the 2, as much as the
 * route itself; wrk needs about half that, so the bare route is limited by its own thread, not by
 * the load. Every run goes on where the one before left each asset's timestamps (ping.lua), and
 * the assets are their own (`firstAsset`…), so no heartbeat repeats one the batches sent either.
 */
export class WrkPings {
  private firstSlot = 0;

  constructor(
    private readonly clockStartMs: number,
    private readonly firstAsset: number,
    private readonly assets: number,
    private readonly threads: number,
  ) {}

  get description(): string {
    return `wrk ${wrkVersion()} with ${this.threads} threads, requests built by ping.lua`;
  }

  async run(options: WrkPingRun): Promise<LoadResult> {
    const { summary, cpuSeconds } = await this.wrk(options);
    // Each asset gets at most one request a connection more than the completed ones spread evenly.
    this.firstSlot += Math.ceil((summary.requests + options.connections) / this.assets) + 1;
    const failures = summary.status_errors + summary.socket_errors + summary.timeouts;
    const ok = summary.requests - summary.status_errors;
    if (failures > 0 || ok === 0) {
      throw new Error(
        `${options.url}: ${ok} requests answered 2xx, ${summary.status_errors} 4xx/5xx, ` +
          `${summary.socket_errors} connection errors, ${summary.timeouts} timeouts`,
      );
    }
    const seconds = summary.duration_us / 1e6;
    return {
      requestsPerSecond: ok / seconds,
      ok,
      // wrk closes its connections at the deadline: at most one request each was still in flight.
      inFlightAtStop: options.connections,
      p50: Math.round(summary.p50_us / 100) / 10,
      p99: Math.round(summary.p99_us / 100) / 10,
      seconds,
      generator: `wrk (${this.threads} threads)`,
      generatorCores: Math.round((cpuSeconds / seconds) * 100) / 100,
    };
  }

  /** One wrk run; its CPU from the shell's `times` (wrk's own user and system seconds) once it exited. */
  private wrk(options: WrkPingRun): Promise<{ summary: WrkSummary; cpuSeconds: number }> {
    const args = [
      `-t${this.threads}`,
      `-c${options.connections}`,
      `-d${options.seconds}s`,
      `--timeout`,
      `${TIMEOUT_SECONDS}s`,
      '-s',
      SCRIPT,
      options.url,
    ];
    const env = {
      ...process.env,
      BENCH_KEY: options.adminKey,
      BENCH_CLOCK_MS: String(this.clockStartMs),
      BENCH_THREADS: String(this.threads),
      BENCH_FIRST_SLOT: String(this.firstSlot),
      BENCH_FIRST_ASSET: String(this.firstAsset),
      BENCH_ASSETS: String(this.assets),
    };
    return new Promise((resolve, reject) => {
      const child = spawn('bash', ['-c', `"$0" "$@"; status=$?; times; exit $status`, WRK, ...args], { env });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) => {
        try {
          if (code !== 0) throw new Error(`wrk exited with ${code}`);
          resolve({ summary: parseSummary(output), cpuSeconds: childCpuSeconds(output) });
        } catch (error) {
          reject(new Error(`${(error as Error).message}; its output:\n${output}`));
        }
      });
    });
  }
}

export function parseSummary(output: string): WrkSummary {
  const line = /^WRK_RESULT (\{.*\})$/m.exec(output);
  if (!line?.[1]) throw new Error('wrk wrote no result line');
  return JSON.parse(line[1]) as WrkSummary;
}

/** The last line of bash's `times`: its children's user and system time, as `1m2.345s 0m0.678s`. */
export function childCpuSeconds(output: string): number {
  const last = output.trim().split('\n').at(-1) ?? '';
  const times = [...last.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (times.length !== 2) throw new Error(`no CPU times after wrk: "${last}"`);
  return (times[0] ?? 0) + (times[1] ?? 0);
}

function wrkVersion(): string {
  const result = spawnSync(WRK, ['--version'], { encoding: 'utf8' });
  return /wrk (\S+)/.exec(`${result.stdout}${result.stderr}`)?.[1] ?? 'unknown';
}

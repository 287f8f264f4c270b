import { SimulatedFleet, type SimulatedDevice } from '@beacon/simulation';
import { BeaconClient } from '../http/beacon-client';
import { registerFleet } from '../http/register-fleet';
import type { SimulatorOptions } from '../options/simulator-options';
import { readRecording, RecordingWriter } from '../recording/recording';
import { Progress } from '../report/progress';
import { summary } from '../report/summary';
import { Tally } from '../report/tally';
import { Limiter } from './limiter';
import { liveTicks } from './live-ticks';
import { replayTicks } from './replay-ticks';
import { sendTicks, type Tick } from './send-ticks';

/** An asset counts as online this many of its report intervals after its last heartbeat, and a minute at least. */
const MISSED_REPORTS_BEFORE_OFFLINE = 3;

interface Plan {
  devices: SimulatedDevice[];
  intervalMs: number;
  ticks: (start: number) => Iterable<Tick>;
  count: number;
  recorder: RecordingWriter | null;
}

/** One run: registers the fleet, sends its traffic (simulated or recorded) on time, and reports what came of it. */
export async function runSimulator(options: SimulatorOptions, print: (text: string) => void, signal: AbortSignal): Promise<Tally> {
  const client = new BeaconClient(options.url, options.key);
  const limiter = new Limiter(options.concurrency);
  const tally = new Tally();
  const plan = await planRun(options);
  const vehicles = plan.devices.filter((device) => device.kind === 'vehicle').length;
  print(
    `${vehicles} vehicles (${options.formats.vehicles}) and ${plan.devices.length - vehicles} aircraft (${options.formats.aircraft}) ` +
      `every ${plan.intervalMs / 1000} s to ${options.url}` +
      (options.run.kind === 'replay' ? `, replaying ${options.run.file} at ${options.run.speed}x` : `, seed ${options.run.seed}`),
  );
  const progress = new Progress(options.progress && process.stdout.isTTY);
  try {
    await registerFleet(client, plan.devices, {
      timeoutSeconds: Math.max(60, Math.ceil((MISSED_REPORTS_BEFORE_OFFLINE * plan.intervalMs) / 1000)),
      limiter,
      onRegistered: progress.registering(vehicles),
    });
    const start = Date.now();
    progress.startRun(plan.count);
    await sendTicks(plan.ticks(start), {
      client,
      limiter,
      formats: options.formats,
      tally,
      signal,
      onTick: async (tick) => {
        progress.tick();
        await plan.recorder?.write(tick.at.getTime() - start, tick.heartbeats);
      },
      onAnswer: () => progress.answered(tally),
    });
    progress.stop();
    print(summary(tally, (Date.now() - start) / 1000));
    return tally;
  } finally {
    progress.stop();
    await plan.recorder?.close();
  }
}

async function planRun(options: SimulatorOptions): Promise<Plan> {
  const run = options.run;
  if (run.kind === 'replay') {
    const { header, ticks } = await readRecording(run.file);
    return {
      devices: header.devices,
      intervalMs: header.intervalMs,
      ticks: (start) => replayTicks(ticks, start, run.speed),
      count: ticks.length,
      recorder: null,
    };
  }
  const fleet = new SimulatedFleet({ vehicles: run.vehicles, aircraft: run.aircraft, seed: run.seed, silentShare: run.silentShare });
  const devices = fleet.devices;
  return {
    devices,
    intervalMs: run.intervalMs,
    ticks: (start) => liveTicks(fleet, start, run.intervalMs, run.durationMs),
    count: Math.floor(run.durationMs / run.intervalMs) + 1,
    recorder: run.record ? new RecordingWriter(run.record, { recording: 'beacon-simulator', intervalMs: run.intervalMs, devices }) : null,
  };
}

import { spawn } from 'node:child_process';
import { childError, supervise, type Child } from '../ingest/child';
import { WORKSPACE } from '../ingest/server-build';
import { parseSimulatorSummary, type SimulatorSummary } from './simulator-summary';

/** `npm run simulate` as package.json runs it: from source, no build step. */
const SIMULATOR = ['--require', './tools/typescript/register.cjs', 'apps/simulator/src/main.ts'];

export interface SimulatorPlan {
  /** Vehicles of the simulator's movement model, each reporting every `intervalSeconds`. */
  vehicles: number;
  intervalSeconds: number;
  durationSeconds: number;
}

export interface RunningSimulator {
  child: Child;
  /** Resolves with its summary once it has sent its last tick and had every answer. */
  finished: Promise<SimulatorSummary>;
}

/**
 * Runs the fleet simulator as a user runs it, in a process of its own (so it neither shares the
 * harness's event loop nor counts as the server's CPU): native batches of vehicles only, none
 * silent, so the traffic offered is exactly `vehicles / intervalSeconds` heartbeats a second.
 */
export function startSimulator(plan: SimulatorPlan, server: { url: string; adminKey: string }): RunningSimulator {
  const args = [...simulatorOptions(plan), '--url', server.url, '--key', server.adminKey];
  const spawned = spawn(process.execPath, [...SIMULATOR, ...args], { cwd: WORKSPACE, stdio: ['ignore', 'pipe', 'pipe'] });
  const child = supervise('fleet simulator', spawned);
  let output = '';
  spawned.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const finished = child.exited.then((code) => {
    if (code !== 0) throw childError(child, `exited with code ${code}`);
    return parseSimulatorSummary(output);
  });
  return { child, finished };
}

/** The simulator's options but the server's address and key, which the report leaves out. */
export function simulatorOptions(plan: SimulatorPlan): string[] {
  return [
    ...['--vehicles', String(plan.vehicles), '--aircraft', '0', '--silent', '0', '--format', 'native'],
    ...['--interval', `${plan.intervalSeconds}s`, '--duration', `${plan.durationSeconds}s`, '--seed', '42', '--no-progress'],
  ];
}

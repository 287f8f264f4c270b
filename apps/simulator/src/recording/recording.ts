import type { SimulatedDevice, SimulatedHeartbeat } from '@beacon/simulation';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/**
 * A recording is NDJSON: a first line naming the fleet (so a replay can register it), then one line
 * per heartbeat with how long after the start of the run it was sent.
 */
export interface RecordingHeader {
  recording: 'beacon-simulator';
  intervalMs: number;
  devices: SimulatedDevice[];
}

export interface RecordedHeartbeat {
  offsetMs: number;
  heartbeat: SimulatedHeartbeat;
}

export class RecordingWriter {
  private readonly out: WriteStream;

  constructor(path: string, header: RecordingHeader) {
    this.out = createWriteStream(path);
    this.out.write(`${JSON.stringify(header)}\n`);
  }

  async write(offsetMs: number, heartbeats: readonly SimulatedHeartbeat[]): Promise<void> {
    const lines = heartbeats.map((heartbeat) => JSON.stringify({ offsetMs, heartbeat } satisfies RecordedHeartbeat)).join('\n');
    if (lines && !this.out.write(`${lines}\n`)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** A whole recording: its header and its heartbeats grouped by offset, in order. */
export async function readRecording(
  path: string,
): Promise<{ header: RecordingHeader; ticks: { offsetMs: number; heartbeats: SimulatedHeartbeat[] }[] }> {
  let header: RecordingHeader | undefined;
  const ticks: { offsetMs: number; heartbeats: SimulatedHeartbeat[] }[] = [];
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const parsed = JSON.parse(line) as Partial<RecordingHeader & RecordedHeartbeat>;
    if (!header) {
      if (parsed.recording !== 'beacon-simulator') throw new Error(`${path} is not a recording of the Beacon simulator (line 1)`);
      header = parsed as RecordingHeader;
      continue;
    }
    if (typeof parsed.offsetMs !== 'number' || !parsed.heartbeat) throw new Error(`${path}:${lineNumber}: not a recorded heartbeat`);
    const last = ticks[ticks.length - 1];
    if (last && last.offsetMs === parsed.offsetMs) last.heartbeats.push(parsed.heartbeat);
    else ticks.push({ offsetMs: parsed.offsetMs, heartbeats: [parsed.heartbeat] });
  }
  if (!header) throw new Error(`${path} is empty`);
  return { header, ticks };
}

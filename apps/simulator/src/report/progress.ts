import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { percentile, type Tally } from './tally';

/**
 * Progress bars on the terminal: registering the fleet, then the run's time and, per kind, the
 * heartbeats sent, accepted and refused with their rate and latency. Off (`--no-progress`, or output
 * that is not a terminal), nothing is drawn and only the summary is printed.
 */
export class Progress {
  private readonly bars: MultiBar | null;
  private time: SingleBar | null = null;
  private kinds: { vehicle: SingleBar; aircraft: SingleBar } | null = null;
  private startedAt = Date.now();

  constructor(enabled: boolean) {
    this.bars = enabled ? new MultiBar({ hideCursor: true, clearOnComplete: false, autopadding: true }, Presets.shades_classic) : null;
  }

  registering(total: number): () => void {
    const bar = this.bars?.create(total, 0, {}, { format: 'registering vehicles {bar} {value}/{total}' });
    return () => bar?.increment();
  }

  startRun(ticks: number): void {
    this.startedAt = Date.now();
    if (!this.bars) return;
    this.time = this.bars.create(ticks, 0, {}, { format: 'ticks    {bar} {value}/{total} | {duration_formatted}' });
    const line = (kind: string) => `${kind} {sent} sent | {accepted} accepted | {rate}/s | {errors} refused | p50 {p50} ms`;
    // A bar keeps the payload object it was made with and merges updates into it: one each.
    const empty = () => ({ sent: 0, accepted: 0, rate: 0, errors: 0, p50: '-' });
    this.kinds = {
      vehicle: this.bars.create(1, 0, empty(), { format: line('vehicles') }),
      aircraft: this.bars.create(1, 0, empty(), { format: line('aircraft') }),
    };
  }

  tick(): void {
    this.time?.increment();
  }

  answered(tally: Tally): void {
    if (!this.kinds) return;
    const seconds = Math.max(1, (Date.now() - this.startedAt) / 1000);
    const p50 = percentile(tally.latencies, 50);
    for (const kind of ['vehicle', 'aircraft'] as const) {
      const counts = tally.byKind[kind];
      this.kinds[kind].update({
        ...counts,
        rate: Math.round(counts.accepted / seconds),
        errors: counts.rejected,
        p50: p50 === undefined ? '-' : p50.toFixed(0),
      });
    }
  }

  stop(): void {
    this.bars?.stop();
  }
}

// Clients that keep sending while the swarm test changes the stack under them.
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Starts `concurrency` loops, each calling `send(worker, n)` again as soon as its answer is in (after
 * `pauseMs`). Every answer is kept with the time it arrived; `stop()` ends the loops and returns them.
 */
export function startLoad({ concurrency, send, pauseMs = 0 }) {
  const answers = [];
  let running = true;
  const loops = Array.from({ length: concurrency }, async (_, worker) => {
    for (let n = 0; running; n++) {
      const answer = await send(worker, n);
      answers.push({ ...answer, at: Date.now() });
      if (pauseMs > 0) await sleep(pauseMs);
    }
  });
  return {
    answers,
    async stop() {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
}

/** Polls `probe` every `intervalMs` until it returns a value other than undefined; fails after `timeoutMs`. */
export async function waitFor(what, probe, { timeoutMs, intervalMs = 250 }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(intervalMs);
  }
}

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

import type { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `attempt` until it succeeds, retrying every `intervalMs` for up to `timeoutMs` while it fails
 * because a service is not there yet: the services of a deployment start in any order. Any other
 * failure (a wrong password, a refused mapping) is thrown at once.
 */
export async function waitUntilAvailable<T>(
  service: string,
  attempt: () => Promise<T>,
  isUnavailable: (error: unknown) => boolean,
  logger: Logger,
  { timeoutMs = 60_000, intervalMs = 1000 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let tries = 1; ; tries++) {
    try {
      const result = await attempt();
      if (tries > 1) logger.log(`${service} answers`);
      return result;
    } catch (error) {
      if (!isUnavailable(error) || Date.now() >= deadline) throw error;
      if (tries === 1) logger.warn(`waiting up to ${timeoutMs / 1000} s for ${service}: ${(error as Error).message}`);
      await sleep(intervalMs);
    }
  }
}

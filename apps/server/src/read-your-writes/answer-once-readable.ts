import type { FastifyReply } from 'fastify';
import type { ReadModelProgress } from './read-model-progress';

/** Set on a command's answer when the read model had not applied it within the wait. */
export const READ_MODEL_HEADER = 'Beacon-Read-Model';

/**
 * Holds a command's answer until the read model has applied the event at `position`, so the
 * client's next read sees its change; after the configured wait it answers anyway and says that
 * the read model lags (the command itself is stored either way).
 */
export async function answerOnceReadable(progress: ReadModelProgress, position: bigint, reply: FastifyReply): Promise<void> {
  if (!(await progress.reached(position))) void reply.header(READ_MODEL_HEADER, 'lagging');
}

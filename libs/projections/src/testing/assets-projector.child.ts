import { EventStore } from '@beacon/event-store';
import { postgresAssetsProjection } from '@beacon/read-models';
import { Pool } from 'pg';
import { Projector } from '../lib/projector';

/**
 * A process that runs the PostgreSQL assets projection under a Projector, for tests that kill it
 * (see projector-process.ts). Arguments: database URL, projector name, batch size. It tells its
 * parent what happens as JSON lines on stdout and logs to stderr.
 */
const [databaseUrl, name = 'assets', batchSize = '50'] = process.argv.slice(2);
const tell = (message: object): void => void process.stdout.write(`${JSON.stringify({ ...message, at: Date.now() })}\n`);
const log = (message: string): void => void process.stderr.write(`${message}\n`);

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  pool.on('error', (error) => log(`idle connection lost: ${error.message}`));
  const projector = new Projector({
    pool,
    store: new EventStore(pool),
    name,
    batchSize: Number(batchSize),
    projection: postgresAssetsProjection,
    logger: { log, warn: log, error: log },
    observer: {
      leadershipChanged: (leader) => tell({ leader }),
      batchProjected: (events) => tell({ projected: events }),
    },
  });
  process.once('SIGTERM', () => {
    void projector
      .stop()
      .then(() => pool.end())
      .then(() => process.exit(0));
  });
  await projector.start();
  tell({ started: true });
}

main().catch((error: unknown) => {
  log(`failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});

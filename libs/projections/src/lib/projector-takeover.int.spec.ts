import { EventStore, eventStoreMigrations, type NewHeartbeat, runMigrations } from '@beacon/event-store';
import { postgresAssetsProjection, postgresReadModelMigrations } from '@beacon/read-models';
import { createTestDatabase, eventually, type TestDatabase } from '@beacon/testing';
import { Pool } from 'pg';
import { ProjectorProcess } from '../testing/projector-process';
import { readLogHead } from './log-head';

/**
 * Two processes run the `assets` projector on one database while heartbeats stream in; the leader
 * is killed with SIGKILL mid-stream. The other must lead within 5 s, and the read model it leaves
 * must equal a rebuild from the whole log.
 */
const NAME = 'assets';
const ASSETS = Array.from({ length: 20 }, (_, i) => `VIN-${String(i).padStart(3, '0')}`);

let database: TestDatabase;
let pool: Pool;
let store: EventStore;
const children: ProjectorProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url, [...eventStoreMigrations, ...postgresReadModelMigrations]);
  pool = new Pool({ connectionString: database.url });
  store = new EventStore(pool);
  await registerFleet();
}, 30_000);

afterAll(async () => {
  // Killed whatever happened above: a stray projector would outlive the run and hold the database.
  await Promise.all(children.map((c) => c.kill('SIGKILL')));
  await pool.end();
  await database.drop();
}, 30_000);

describe('Projector across processes', () => {
  it('hands over within 5 s of the leader being SIGKILLed mid-stream, and the read model equals a rebuild', async () => {
    const first = spawn();
    await first.waitFor((m) => m.leader === true, 30_000, 'leadership');
    const second = spawn();
    await second.waitFor((m) => m.started === true, 30_000, 'start');
    expect(second.leader).toBe(false);

    const pump = startHeartbeats();
    await first.waitFor((m) => (m.projected ?? 0) > 0 && Date.now() - pump.startedAt > 500, 10_000, 'projected heartbeats');
    expect(second.leader).toBe(false); // one leader while both run

    const killedAt = Date.now();
    await first.kill('SIGKILL');
    const elected = await second.waitFor((m) => m.leader === true, 5_000, 'takeover');
    const takeoverMs = elected.receivedAt - killedAt;
    expect(takeoverMs).toBeLessThan(5_000);

    await new Promise((resolve) => setTimeout(resolve, 500)); // the new leader projects a live stream too
    const appended = await pump.stop();
    expect(appended).toBeGreaterThan(100);
    await eventually(async () => expect((await readLogHead(pool, store, NAME)).firstUnprojected).toBeNull(), 10_000);
    await second.kill('SIGTERM');

    const projected = await readModel(pool);
    expect(projected['rm_assets']?.filter((a) => a['last_seen_at'] !== null)).toHaveLength(ASSETS.length);
    expect(projected).toEqual(await rebuiltReadModel());
  }, 90_000);
});

function spawn(): ProjectorProcess {
  const child = ProjectorProcess.spawn(database.url, NAME, 50);
  children.push(child);
  return child;
}

async function registerFleet(): Promise<void> {
  const registeredAt = '2026-01-01T00:00:00Z';
  const customer = { customerId: 'acme', name: 'Acme AB', address: null, registeredAt };
  await store.append('customer-acme', [{ type: 'CustomerRegistered', data: customer }], { expectedVersion: 'no_stream' });
  for (const assetId of ASSETS) {
    const data = { assetId, kind: 'vehicle', customerId: 'acme', registration: `R-${assetId}`, timeoutSeconds: 60, registeredAt };
    const unset = { label: null, callsign: null, icao24: null };
    await store.append(`asset-${assetId}`, [{ type: 'AssetRegistered', data: { ...data, ...unset } }], { expectedVersion: 'no_stream' });
  }
}

/** Appends a batch of heartbeats every 10 ms, in a moving time, until stopped; returns how many. */
function startHeartbeats(): { startedAt: number; stop: () => Promise<number> } {
  let running = true;
  let appended = 0;
  const base = Date.parse('2026-06-01T12:00:00Z');
  const loop = (async () => {
    for (let round = 0; running; round++) {
      const rows = Array.from({ length: 10 }, (_, i) => heartbeat(ASSETS[(round * 10 + i) % ASSETS.length] ?? '', base + round * 1000 + i));
      await store.appendHeartbeats(rows);
      appended += rows.length;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    startedAt: Date.now(),
    stop: async () => {
      running = false;
      await loop;
      return appended;
    },
  };
}

const NO_READINGS = { altitude: null, accuracy: null, battery: null, messageId: null };

function heartbeat(assetId: string, time: number): NewHeartbeat {
  const timestamp = new Date(time).toISOString();
  return {
    dedupeKey: `t:${timestamp}`,
    data: { assetId, timestamp, lat: 59 + (time % 1000) / 1e4, lon: 18, speed: 10, heading: 90, ...NO_READINGS },
    metadata: { correlationId: `takeover-${time}`, receivedAt: timestamp, source: 'test' },
  };
}

/** Every read-model table (`rm_*`), each in a total order. */
type ReadModelRows = Record<string, Record<string, unknown>[]>;

async function readModel(client: Pick<Pool, 'query'>): Promise<ReadModelRows> {
  const rows: ReadModelRows = {};
  for (const table of await readModelTables(client)) {
    rows[table] = (await client.query<Record<string, unknown>>(`SELECT * FROM ${table} t ORDER BY t::text`)).rows;
  }
  return rows;
}

async function readModelTables(client: Pick<Pool, 'query'>): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'rm\\_%' ORDER BY 1`,
  );
  return result.rows.map((r) => r.name);
}

/** The whole log projected again from position 0 into emptied tables, in a transaction rolled back after. */
async function rebuiltReadModel(): Promise<ReadModelRows> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`TRUNCATE ${(await readModelTables(client)).join(', ')}`);
    for (let after = 0n; ; ) {
      const events = await store.readAll(after, 1000, client);
      const last = events.at(-1);
      if (!last) break;
      await postgresAssetsProjection.apply(events, client);
      after = last.globalPosition;
    }
    return await readModel(client);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

import { assetStream, customerStream } from '@beacon/domain';
import { EventStore, eventStoreMigrations, inTransaction, runMigrations, type NewHeartbeat } from '@beacon/event-store';
import { createTestDatabase, type TestDatabase } from '@beacon/testing';
import { Pool } from 'pg';
import { heartbeat } from '../../testing/contract/contract-fleet';
import type { BoundingBox } from '../read-model.port';
import { postgresAssetsProjection } from './assets.projection';
import { postgresReadModelMigrations } from './migrations';
import { PostgresAssetReadModel } from './postgres-asset-read-model';

// The status and area indexes sit on coarse copies of `offline_at` and the position (migration
// AssetUpdatesStayOnTheirPage1764001600000): heartbeats update rows in place, and searches still
// answer from the exact columns. A text search counts by status from its search rows' copy of the
// minute (migration SearchRowsCarryTheStatusMinute1764002000000), exact within it too.

const TRUCK = 'YS2R4X20005399401';
/** In the cell [18.00, 18.05) × [59.30, 59.35), 0.0005° from its east edge. */
const AT_KUNGSHOLMEN = { lat: 59.3312, lon: 18.0495 };

let database: TestDatabase;
let pool: Pool;
let store: EventStore;
let readModel: PostgresAssetReadModel;
let projected = 0n;

/**
 * Projects what the log has in one transaction, and reports what it did to `table`. The backend's
 * counters also hold earlier transactions not yet sent to the statistics, so the report is their
 * change within this transaction.
 */
async function project(table: 'rm_assets' | 'rm_asset_search' = 'rm_assets'): Promise<{ updated: number; inPlace: number }> {
  return inTransaction(pool, async (client) => {
    const counters = async (): Promise<{ updated: number; inPlace: number }> => {
      const { rows } = await client.query<{ updated: string; in_place: string }>(
        `SELECT pg_stat_get_xact_tuples_updated($1::regclass) AS updated,
                pg_stat_get_xact_tuples_hot_updated($1::regclass) AS in_place`,
        [table],
      );
      return { updated: Number(rows[0]?.updated), inPlace: Number(rows[0]?.in_place) };
    };
    const before = await counters();
    const events = await store.readAll(projected, 1000, client);
    await postgresAssetsProjection.apply(events, client);
    projected = events[events.length - 1]?.globalPosition ?? projected;
    const after = await counters();
    return { updated: after.updated - before.updated, inPlace: after.inPlace - before.inPlace };
  });
}

async function send(...heartbeats: NewHeartbeat[]): Promise<{ updated: number; inPlace: number }> {
  await store.appendHeartbeats(heartbeats);
  return project();
}

/** A text search's counts (from the search rows), and the same search's over the whole world (from `rm_assets`). */
const countsBothWays = async (now: Date) =>
  Promise.all(
    [{}, { bbox: { minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 } }].map(
      async (area) => (await readModel.search({ q: 'refrigerated', limit: 10, ...area }, now)).counts,
    ),
  );
const ONLINE = { online: 1, offline: 0, unknown: 0 };
const OFFLINE = { online: 0, offline: 1, unknown: 0 };

const ids = async (criteria: { status?: 'online' | 'offline'; bbox?: BoundingBox }, now: Date): Promise<string[]> =>
  (await readModel.search({ limit: 10, ...criteria }, now)).items.map((item) => item.id);

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url, [...eventStoreMigrations, ...postgresReadModelMigrations]);
  pool = new Pool({ connectionString: database.url, max: 2 });
  store = new EventStore(pool);
  readModel = new PostgresAssetReadModel(pool);
  const metadata = { correlationId: 'asset-row-updates' };
  const at = '2026-03-10T09:00:00.000Z';
  await store.append(
    customerStream('nordic'),
    [{ type: 'CustomerRegistered', data: { customerId: 'nordic', name: 'Nordic Åkeri AB', address: null, registeredAt: at }, metadata }],
    { expectedVersion: 'no_stream' },
  );
  const registered = {
    assetId: TRUCK,
    kind: 'vehicle',
    customerId: 'nordic',
    registration: 'ABC-123',
    label: 'Refrigerated truck',
    callsign: null,
    icao24: null,
    timeoutSeconds: 60,
    registeredAt: at,
  };
  await store.append(assetStream(TRUCK), [{ type: 'AssetRegistered', data: registered, metadata }], { expectedVersion: 'no_stream' });
  await project();
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

it('writes no index entry for a heartbeat that moves an asset within its cell', async () => {
  // The first position fills the cell columns: that update must reach the area index.
  expect(await send(heartbeat(TRUCK, '2026-03-10T12:00:20.000Z', AT_KUNGSHOLMEN))).toEqual({ updated: 1, inPlace: 0 });
  // 5 s and 20 m later, in the same minute and cell: the row's new version stays on its page.
  const moved = { lat: AT_KUNGSHOLMEN.lat + 0.0001, lon: AT_KUNGSHOLMEN.lon + 0.0002, speed: 4 };
  expect(await send(heartbeat(TRUCK, '2026-03-10T12:00:25.000Z', moved))).toEqual({ updated: 1, inPlace: 1 });
  const truck = await readModel.get(TRUCK, new Date('2026-03-10T12:00:30.000Z'));
  expect(truck?.position).toMatchObject({ ...moved, timestamp: '2026-03-10T12:00:25.000Z' });
});

it('decides online and offline on the exact time, within the minute the index holds', async () => {
  // Last seen 12:00:25 with a 60 s timeout: offline from 12:01:25, indexed under the minute 12:01.
  const justBefore = new Date('2026-03-10T12:01:24.999Z');
  const atTimeout = new Date('2026-03-10T12:01:25.000Z');
  expect([await ids({ status: 'online' }, justBefore), await ids({ status: 'offline' }, justBefore)]).toEqual([[TRUCK], []]);
  expect([await ids({ status: 'online' }, atTimeout), await ids({ status: 'offline' }, atTimeout)]).toEqual([[], [TRUCK]]);
});

it('counts a text search by status from its search rows, on the exact time within the minute', async () => {
  // Offline from 12:01:25: the minute before decides on the copy alone, 12:01 on the exact time.
  const at = (time: string) => new Date(`2026-03-10T${time}Z`);
  expect(await countsBothWays(at('12:00:59.999'))).toEqual([ONLINE, ONLINE]);
  expect(await countsBothWays(at('12:01:24.999'))).toEqual([ONLINE, ONLINE]);
  expect(await countsBothWays(at('12:01:25.000'))).toEqual([OFFLINE, OFFLINE]);
  expect(await countsBothWays(at('12:02:00.000'))).toEqual([OFFLINE, OFFLINE]);
  const onlineTotal = async (now: Date) => (await readModel.search({ q: 'refrigerated', status: 'online', limit: 10 }, now)).total;
  expect([await onlineTotal(at('12:01:24.999')), await onlineTotal(at('12:01:25.000'))]).toEqual([1, 0]);
});

it('moves the search row’s minute, in place, with a heartbeat or timeout that moves the asset’s', async () => {
  const later = new Date('2026-03-10T12:05:30.000Z');
  expect(await countsBothWays(later)).toEqual([OFFLINE, OFFLINE]);
  await store.appendHeartbeats([heartbeat(TRUCK, '2026-03-10T12:05:00.000Z')]); // offline from 12:06:00
  expect(await project('rm_asset_search')).toEqual({ updated: 1, inPlace: 1 });
  expect(await countsBothWays(later)).toEqual([ONLINE, ONLINE]);

  const metadata = { correlationId: 'asset-row-updates' };
  const shorter = { assetId: TRUCK, timeoutSeconds: 20, at: '2026-03-10T12:05:10.000Z' }; // offline from 12:05:20
  await store.append(assetStream(TRUCK), [{ type: 'AssetTimeoutChanged', data: shorter, metadata }], { expectedVersion: 'any' });
  await project();
  expect(await countsBothWays(later)).toEqual([OFFLINE, OFFLINE]);
});

it('finds an asset by its exact position, not by its cell', async () => {
  const { lat, lon } = { lat: AT_KUNGSHOLMEN.lat + 0.0001, lon: AT_KUNGSHOLMEN.lon + 0.0002 }; // 18.0497, in cell 18.00
  const now = new Date('2026-03-10T12:00:30.000Z');
  const box = (minLon: number, maxLon: number): BoundingBox => ({ minLon, minLat: lat - 0.01, maxLon, maxLat: lat + 0.01 });
  // Boxes that share the truck's cell but not its position find nothing; edges on it find it.
  expect(await ids({ bbox: box(18.0, lon - 0.0001) }, now)).toEqual([]);
  expect(await ids({ bbox: box(lon + 0.0001, 18.1) }, now)).toEqual([]);
  expect(await ids({ bbox: box(18.0, lon) }, now)).toEqual([TRUCK]);
  expect(await ids({ bbox: box(lon, 18.3) }, now)).toEqual([TRUCK]);
  // A box wholly in the next cell east, whose grown box takes the truck's cell in: still nothing.
  expect(await ids({ bbox: box(18.0501, 18.09) }, now)).toEqual([]);
});

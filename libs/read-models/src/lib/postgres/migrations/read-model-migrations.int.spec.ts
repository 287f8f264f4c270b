import type { AssetDto, SearchAssetsResponse } from '@beacon/contracts';
import { EventStore, eventStoreMigrations, inTransaction, runMigrations } from '@beacon/event-store';
import { createTestDatabase, type TestDatabase } from '@beacon/testing';
import { Pool } from 'pg';
import type { QueryRunner } from 'typeorm';
import { GREEN, NORDIC, loadContractFleet } from '../../../testing/contract/contract-fleet';
import { searchAt } from '../../../testing/contract/contract-search';
import { postgresAssetsProjection } from '../assets.projection';
import { PostgresAssetReadModel } from '../postgres-asset-read-model';
import { AssetViewDocument1764001300000 } from './1764001300000-asset-view-document';
import { SearchRowsInPageOrder1764001800000 } from './1764001800000-search-rows-in-page-order';
import { SearchRowsCarryTheStatusMinute1764002000000 } from './1764002000000-search-rows-carry-the-status-minute';
import { postgresReadModelMigrations } from './index';

let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url, [...eventStoreMigrations, ...postgresReadModelMigrations]);
  pool = new Pool({ connectionString: database.url, max: 2 });
  const store = new EventStore(pool);
  let projected = 0n;
  const catchUp = (): Promise<void> =>
    inTransaction(pool, async (client) => {
      const events = await store.readAll(projected, 10_000, client);
      await postgresAssetsProjection.apply(events, client);
      projected = events[events.length - 1]?.globalPosition ?? projected;
    });
  await loadContractFleet({
    store,
    catchUp,
    readModel: new PostgresAssetReadModel(pool),
    replayAll: catchUp,
    dispose: async () => undefined,
  });
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

/** What the columns held when the migration was written: the fields it fills `view` from. */
const FROM_COLUMNS = [
  'id',
  'kind',
  'customerId',
  'customerName',
  'registration',
  'label',
  'callsign',
  'icao24',
  'status',
  'lastSeenAt',
  'position',
  'timeoutSeconds',
  'version',
];
const fromColumns = (answer: SearchAssetsResponse) =>
  answer.items.map((asset) => Object.fromEntries(FROM_COLUMNS.map((field) => [field, asset[field as keyof AssetDto]])));

/** The migration's SQL run on a pooled connection, as TypeORM would run it. */
const runner = { query: (sql: string) => pool.query(sql) } as unknown as QueryRunner;

describe('migration AssetViewDocument1764001300000', () => {
  it('fills each row’s view from its columns: after going down and up again, every asset reads as before in what they held', async () => {
    const readModel = new PostgresAssetReadModel(pool);
    const before = await searchAt(() => readModel);
    expect(before.items.some((asset) => asset.position?.altitude !== null)).toBe(true); // an aircraft's altitude crosses over

    const migration = new AssetViewDocument1764001300000();
    await migration.down(runner);
    const columns = await pool.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'rm_assets'`,
    );
    expect(columns.rows.map((c) => c.column_name)).toEqual(expect.arrayContaining(['altitude', 'speed', 'heading']));
    expect(columns.rows.map((c) => c.column_name)).not.toContain('view');

    await migration.up(runner);
    expect(fromColumns(await searchAt(() => readModel))).toEqual(fromColumns(before));
  });
});

describe('migration SearchRowsInPageOrder1764001800000', () => {
  /** Text searches whose page comes from the search rows: both orders, a cursor, a customer, a kind. */
  const TEXT_SEARCHES = [
    { q: 'greenfield' },
    { q: 'greenfield', sort: { field: 'registration', direction: 'desc' } },
    { q: 'greenfield', limit: 2 },
    { q: 'truck', customerId: NORDIC },
    { q: 'flatbed', customerId: GREEN },
    { q: '737', kind: 'aircraft' },
  ] as const;

  it('fills the search rows of assets already projected: after going down and up again, text searches answer as before', async () => {
    const readModel = new PostgresAssetReadModel(pool);
    const answers = () => Promise.all(TEXT_SEARCHES.map((criteria) => searchAt(() => readModel, criteria)));
    const before = await answers();
    const secondPage = await searchAt(() => readModel, { q: 'greenfield', limit: 2, cursor: before[2]?.nextCursor ?? '' });
    expect(before.map((answer) => answer.total)).toEqual([5, 5, 5, 2, 1, 2]);

    const migration = new SearchRowsInPageOrder1764001800000();
    await migration.down(runner);
    await migration.up(runner);
    expect(await answers()).toEqual(before);
    expect(await searchAt(() => readModel, { q: 'greenfield', limit: 2, cursor: before[2]?.nextCursor ?? '' })).toEqual(secondPage);
    const unfilled = await pool.query(`SELECT asset_id FROM rm_asset_search WHERE customer_id IS NULL OR kind IS NULL`);
    expect(unfilled.rows).toEqual([]);
  });
});

describe('migration SearchRowsCarryTheStatusMinute1764002000000', () => {
  /** Text searches counted among the search rows: every status, a customer, a kind, a status filter. */
  const COUNTED_SEARCHES = [
    { q: 'truck' },
    { q: 'greenfield', customerId: GREEN },
    { q: '737', kind: 'aircraft' },
    { q: 'truck', status: 'online' },
  ] as const;

  it('fills the minute of assets already projected: after going down and up again, text searches count as before', async () => {
    const readModel = new PostgresAssetReadModel(pool);
    const counts = () =>
      Promise.all(COUNTED_SEARCHES.map(async (criteria) => ({ ...(await searchAt(() => readModel, criteria)), items: [] })));
    const before = await counts();
    // Every status among them, so a minute filled wrongly would move a count.
    expect(before[1]).toMatchObject({ total: 5, counts: { online: 3, offline: 1, unknown: 1 } });
    expect(before.map((answer) => answer.total)).toEqual([3, 5, 2, 2]);

    const migration = new SearchRowsCarryTheStatusMinute1764002000000();
    await migration.down(runner);
    await migration.up(runner);
    expect(await counts()).toEqual(before);
    const behind = await pool.query(
      `SELECT s.asset_id FROM rm_asset_search s JOIN rm_assets a ON a.id = s.asset_id
        WHERE s.offline_minute IS DISTINCT FROM a.offline_minute`,
    );
    expect(behind.rows).toEqual([]);
  });
});

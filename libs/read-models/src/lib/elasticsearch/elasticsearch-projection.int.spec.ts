import { assetStream, customerStream } from '@beacon/domain';
import type { NewHeartbeat } from '@beacon/event-store';
import { createElasticsearchHarness } from '../../testing/elasticsearch.harness';
import { BulkWriteError, ElasticsearchAssetsProjection } from './elasticsearch-projection';
import { ElasticsearchIndices } from './elasticsearch-indices';

function heartbeatFixture(assetId: string, timestamp: string): NewHeartbeat {
  return {
    dedupeKey: `t:${timestamp}`,
    data: {
      assetId,
      timestamp,
      lat: 59.3293,
      lon: 18.0686,
      altitude: null,
      speed: 12.5,
      heading: 90,
      accuracy: null,
      battery: null,
      messageId: null,
    },
    metadata: { correlationId: `test-${assetId}`, receivedAt: timestamp, source: 'test' },
  };
}

type Harness = Awaited<ReturnType<typeof createElasticsearchHarness>>;

async function registerTruck(harness: Harness): Promise<void> {
  await harness.store.append(
    customerStream('acme'),
    [{ type: 'CustomerRegistered', data: { customerId: 'acme', name: 'Acme', address: null, registeredAt: '2026-11-25T00:00:00Z' } }],
    { expectedVersion: 'no_stream' },
  );
  await harness.store.append(
    assetStream('truck-1'),
    [
      {
        type: 'AssetRegistered',
        data: {
          assetId: 'truck-1',
          kind: 'vehicle',
          customerId: 'acme',
          registration: 'ABC-123',
          label: null,
          callsign: null,
          icao24: null,
          timeoutSeconds: 60,
          registeredAt: '2026-11-25T00:00:00Z',
        },
      },
    ],
    { expectedVersion: 'no_stream' },
  );
}

describe('ElasticsearchAssetsProjection', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await createElasticsearchHarness();
    await registerTruck(harness);
  });

  afterEach(() => harness.dispose());

  async function storedTruck(): Promise<{ version: number | undefined; lastSeenAt: unknown }> {
    const target = harness.projection.writeTarget;
    const doc = await harness.elasticsearch.client.get<{ lastSeenAt: unknown }>({ index: target.assets, id: 'truck-1' });
    return { version: doc._version, lastSeenAt: doc._source?.lastSeenAt };
  }

  it('never moves the latest position backwards when heartbeats arrive out of order', async () => {
    await harness.store.appendHeartbeats([heartbeatFixture('truck-1', '2026-11-25T10:00:05.000Z')]);
    await harness.catchUp();
    await harness.store.appendHeartbeats([heartbeatFixture('truck-1', '2026-11-25T10:00:01.000Z')]);
    await harness.catchUp();
    const truck = await harness.readModel.get('truck-1', new Date('2026-11-25T10:00:30Z'));
    expect(truck?.lastSeenAt).toBe('2026-11-25T10:00:05.000Z');
    expect(truck?.position?.timestamp).toBe('2026-11-25T10:00:05.000Z');
    const track = await harness.readModel.track({
      assetId: 'truck-1',
      from: new Date('2026-11-25T00:00:00Z'),
      to: new Date('2026-11-26T00:00:00Z'),
      limit: 10,
    });
    expect(track.points.map((p) => p.timestamp)).toEqual(['2026-11-25T10:00:01.000Z', '2026-11-25T10:00:05.000Z']);
  });

  it('changes nothing when the whole log is projected again (external versions refuse the replay)', async () => {
    await harness.store.appendHeartbeats([heartbeatFixture('truck-1', '2026-11-25T10:00:05.000Z')]);
    await harness.catchUp();
    const before = await storedTruck();
    await harness.replayAll();
    expect(await storedTruck()).toEqual(before);
    const positions = await harness.elasticsearch.client.count({ index: `${harness.elasticsearch.prefix}-positions-*` });
    expect(positions.count).toBe(1);
  });

  it('refuses a late write from a deposed leader that read an older document', async () => {
    await harness.store.appendHeartbeats([heartbeatFixture('truck-1', '2026-11-25T10:00:05.000Z')]);
    const events = await harness.store.readAll(0n, 100);
    // The new leader projects everything; the old one, late, writes only the registration batch.
    await harness.projection.apply(events);
    await harness.projection.apply(events.slice(0, 2));
    await harness.elasticsearch.client.indices.refresh({ index: `${harness.elasticsearch.prefix}-*` });
    expect((await storedTruck()).lastSeenAt).toBe('2026-11-25T10:00:05.000Z');
  });

  it('names the document Elasticsearch refused, whichever of the two bulk requests carried it', async () => {
    const timestamps = ['2026-11-25T10:00:01.000Z', '2026-11-25T10:00:02.000Z', '2026-11-25T10:00:03.000Z', '2026-11-25T10:00:04.000Z'];
    await harness.store.appendHeartbeats(timestamps.map((t) => heartbeatFixture('truck-1', t)));
    const events = await harness.store.readAll(0n, 100);
    // The last heartbeat, in the second bulk request, carries a latitude no double field takes.
    const last = events[events.length - 1];
    if (!last) throw new Error('no events');
    const broken = { ...last, data: { ...last.data, lat: 'north' } };
    const written = harness.projection.apply([...events.slice(0, -1), broken]);
    await expect(written).rejects.toThrow(BulkWriteError);
    await expect(written).rejects.toThrow(new RegExp(`positions-[^/]+/${last.globalPosition}: document_parsing_exception`));
    await harness.elasticsearch.client.indices.refresh({ index: `${harness.elasticsearch.prefix}-*` });
    const positions = await harness.elasticsearch.client.count({ index: `${harness.elasticsearch.prefix}-positions-*` });
    expect(positions.count).toBe(3);
  });

  it('sends a large batch as bulk requests of bounded size, two at a time, and stores every write', async () => {
    const timestamps = Array.from({ length: 250 }, (_, n) => new Date(Date.UTC(2026, 10, 25, 10, 0, n)).toISOString());
    await harness.store.appendHeartbeats(timestamps.map((t) => heartbeatFixture('truck-1', t)));
    const events = await harness.store.readAll(0n, 1000);
    const client = harness.elasticsearch.client;
    const bulk = client.bulk.bind(client);
    const requests: number[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const spy = jest.spyOn(client, 'bulk').mockImplementation(async (request: Parameters<typeof bulk>[0]) => {
      requests.push(((request as { operations?: unknown[] }).operations?.length ?? 0) / 2);
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        return await bulk(request);
      } finally {
        inFlight--;
      }
    });
    try {
      const indices = new ElasticsearchIndices(harness.elasticsearch.prefix);
      const projection = new ElasticsearchAssetsProjection(client, indices, harness.projection.writeTarget, { maxWritesPerBulk: 40 });
      await projection.apply(events, undefined, 0n);
    } finally {
      spy.mockRestore();
    }
    // 250 positions, the truck and its customer: 252 writes in 7 requests of at most 40.
    expect(requests.reduce((sum, writes) => sum + writes, 0)).toBe(252);
    expect(Math.max(...requests)).toBeLessThanOrEqual(40);
    expect(requests).toHaveLength(7);
    expect(mostInFlight).toBe(2);
    await client.indices.refresh({ index: `${harness.elasticsearch.prefix}-*` });
    expect((await client.count({ index: `${harness.elasticsearch.prefix}-positions-*` })).count).toBe(250);
  });

  it('re-reads what another process projected in between instead of trusting what it remembers', async () => {
    await harness.store.appendHeartbeats([heartbeatFixture('truck-1', '2026-11-25T10:00:05.000Z')]);
    const firstBatch = await harness.store.readAll(0n, 100);
    const endOfFirst = firstBatch[firstBatch.length - 1]?.globalPosition ?? 0n;
    const indices = new ElasticsearchIndices(harness.elasticsearch.prefix);
    const one = new ElasticsearchAssetsProjection(harness.elasticsearch.client, indices, harness.projection.writeTarget);
    const other = new ElasticsearchAssetsProjection(harness.elasticsearch.client, indices, harness.projection.writeTarget);
    await one.apply(firstBatch, undefined, 0n);

    // Meanwhile another process projects a label change…
    await harness.store.append('asset-truck-1', [{ type: 'AssetLabelChanged', data: { assetId: 'truck-1', label: 'Reefer', at: '' } }], {
      expectedVersion: 1,
    });
    const secondBatch = await harness.store.readAll(endOfFirst, 100);
    await other.apply(secondBatch, undefined, endOfFirst);

    // …and the first one carries on after it: its remembered document lacks the label.
    await harness.store.appendHeartbeats([heartbeatFixture('truck-1', '2026-11-25T10:00:09.000Z')]);
    const endOfSecond = secondBatch[secondBatch.length - 1]?.globalPosition ?? 0n;
    await one.apply(await harness.store.readAll(endOfSecond, 100), undefined, endOfSecond);

    await harness.elasticsearch.client.indices.refresh({ index: `${harness.elasticsearch.prefix}-*` });
    const truck = await harness.readModel.get('truck-1', new Date('2026-11-25T10:00:30Z'));
    expect(truck).toMatchObject({ label: 'Reefer', lastSeenAt: '2026-11-25T10:00:09.000Z', version: 2 });
  });
});

import type { RecordedEvent } from '@beacon/event-store';
import { DocumentChanges } from './apply-to-documents';

let position = 0n;
function recorded(type: string, data: Record<string, unknown>, streamPosition: number | null = null): RecordedEvent {
  position += 1n;
  return { globalPosition: position, streamId: 's', streamPosition, type, data, metadata: {}, recordedAt: new Date() };
}

const heartbeat = (timestamp: string, lat: number | null = 59.3): RecordedEvent =>
  recorded('HeartbeatRecorded', {
    assetId: 'truck-1',
    timestamp,
    lat,
    lon: lat === null ? null : 18.1,
    altitude: null,
    speed: 3,
    heading: 90,
    accuracy: null,
    battery: null,
    messageId: null,
  });

function fleet(): RecordedEvent[] {
  position = 0n;
  return [
    recorded('CustomerRegistered', { customerId: 'acme', name: 'Acme Logistics', address: null, registeredAt: '2026-11-25T00:00:00Z' }, 1),
    recorded('CustomerRegistered', { customerId: 'globex', name: 'Globex', address: null, registeredAt: '2026-11-25T00:00:00Z' }, 1),
    recorded(
      'AssetRegistered',
      {
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
      1,
    ),
  ];
}

function applyAll(events: RecordedEvent[], changes = new DocumentChanges(new Map(), new Map())): DocumentChanges {
  for (const event of events) changes.apply(event);
  return changes;
}

describe('DocumentChanges', () => {
  it('keeps the newest heartbeat when they arrive out of order', () => {
    const changes = applyAll([
      ...fleet(),
      heartbeat('2026-11-25T10:00:05Z'),
      heartbeat('2026-11-25T10:00:01Z'),
      heartbeat('2026-11-25T10:00:03Z', null),
    ]);
    const asset = changes.assets.get('truck-1')?.doc;
    expect(asset?.lastSeenAt).toBe('2026-11-25T10:00:05Z');
    expect(asset?.offlineAt).toBe('2026-11-25T10:01:05.000Z');
    expect(asset?.position?.timestamp).toBe('2026-11-25T10:00:05Z');
    expect(changes.positions.map((p) => p.heartbeat.timestamp)).toEqual(['2026-11-25T10:00:05Z', '2026-11-25T10:00:01Z']);
  });

  it('changes nothing when a batch is applied again on top of its own result', () => {
    const events = [...fleet(), heartbeat('2026-11-25T10:00:05Z')];
    const first = applyAll(events);
    const stored = new Map([...first.assets].map(([id, v]) => [id, { ...v, dirty: false }]));
    const again = applyAll(
      events,
      new DocumentChanges(stored, new Map([...first.customers].map(([id, v]) => [id, { ...v, dirty: false }]))),
    );
    expect([...again.assets.values()].some((v) => v.dirty)).toBe(false);
    expect([...again.customers.values()].some((v) => v.dirty)).toBe(false);
  });

  it('copies the new customer name on reassignment and keeps the stream version', () => {
    const changes = applyAll([
      ...fleet(),
      recorded('AssetReassigned', { assetId: 'truck-1', fromCustomerId: 'acme', toCustomerId: 'globex', at: '' }, 2),
    ]);
    const asset = changes.assets.get('truck-1');
    expect(asset?.doc).toMatchObject({ customerId: 'globex', customerName: 'Globex', version: 2 });
    expect(asset?.version).toBe(4n);
  });

  it('recomputes offlineAt when the timeout changes, and keeps a decommissioned asset as a tombstone', () => {
    const changes = applyAll([
      ...fleet(),
      heartbeat('2026-11-25T10:00:00Z'),
      recorded('AssetTimeoutChanged', { assetId: 'truck-1', timeoutSeconds: 5, at: '' }, 2),
      recorded('AssetDecommissioned', { assetId: 'truck-1', at: '' }, 3),
    ]);
    expect(changes.assets.get('truck-1')?.doc).toMatchObject({ offlineAt: '2026-11-25T10:00:05.000Z', decommissioned: true, version: 3 });
  });
});

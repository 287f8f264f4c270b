import type { LiveChange, PositionChange } from './live-change';
import { LiveHub, replayFor, type LiveConnection } from './live-hub';
import { LiveJournal } from './live-journal';
import { PositionThrottle } from './position-throttle';

const position = (assetId: string, lat: number, customerId = 'acme', from: PositionChange['from'] = null): PositionChange => ({
  kind: 'position',
  assetId,
  customerId,
  lat,
  lon: 18,
  position: { lat, lon: 18, altitude: null, speed: null, heading: null, timestamp: '2026-11-25T12:00:00.000Z' },
  from,
});
const offline = (assetId: string, customerId = 'acme'): LiveChange => ({
  kind: 'status',
  assetId,
  customerId,
  lat: null,
  lon: null,
  status: 'offline',
  at: 'x',
});

class FakeConnection implements LiveConnection {
  chunks: string[] = [];
  backlogBytes = 0;
  closed = false;
  ended = false;
  write(chunk: string): void {
    this.chunks.push(chunk);
  }
  close(): void {
    this.closed = true;
  }
  end(): void {
    this.ended = true;
  }
}

describe('PositionThrottle', () => {
  it('lets one position per asset per second through and keeps the newest of the rest', () => {
    const throttle = new PositionThrottle(1_000);
    expect(throttle.admit([position('A', 1), position('B', 1)], 0)).toHaveLength(2);
    expect(throttle.admit([position('A', 2), position('A', 3), offline('A')], 100)).toEqual([offline('A')]);
    expect(throttle.due(999)).toEqual([]);
    expect(throttle.due(1_000)).toEqual([position('A', 3, 'acme', { lat: 1, lon: 18 })]);
    expect(throttle.due(5_000)).toEqual([]);
  });

  it('gives each position it sends the one it sent before for that asset, not one it held back', () => {
    const throttle = new PositionThrottle(1_000);
    expect(throttle.admit([position('A', 1)], 0)).toEqual([position('A', 1)]);
    throttle.admit([position('A', 2)], 100); // held back, then replaced: never sent
    throttle.admit([position('A', 3)], 200);
    expect(throttle.due(1_000)).toEqual([position('A', 3, 'acme', { lat: 1, lon: 18 })]);
    expect(throttle.admit([position('A', 4)], 2_000)).toEqual([position('A', 4, 'acme', { lat: 3, lon: 18 })]);
    expect(throttle.admit([position('B', 5)], 2_000)).toEqual([position('B', 5)]);
  });
});

describe('LiveJournal', () => {
  it('replays what came after an id of its own epoch', () => {
    const journal = new LiveJournal(10);
    const [first] = journal.append([position('A', 1)]);
    journal.append([position('B', 1), offline('A')]);
    const missed = journal.since(`${journal.epoch}-${first?.seq ?? 0}`);
    expect(missed?.map((e) => e.change)).toEqual([position('B', 1), offline('A')]);
    expect(journal.since(`${journal.epoch}-3`)).toEqual([]);
  });

  it('cannot tell what came after an id of another epoch, a malformed one, or one it no longer keeps', () => {
    const journal = new LiveJournal(3);
    for (let i = 0; i < 5; i++) journal.append([position('A', i)]);
    expect(journal.since('ffffffff-1')).toBeNull();
    expect(journal.since('nonsense')).toBeNull();
    expect(journal.since(`${journal.epoch}-1`)).toBeNull();
    expect(journal.since(`${journal.epoch}-2`)?.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(journal.since(`${journal.epoch}-9`)).toBeNull();
  });

  it('frames each change as an SSE message with its id', () => {
    const journal = new LiveJournal(3);
    const [entry] = journal.append([offline('A')]);
    expect(entry?.frame).toBe(`id: ${journal.epoch}-1\nevent: status\ndata: {"id":"A","status":"offline","at":"x"}\n\n`);
  });
});

describe('LiveHub', () => {
  it('sends every client the changes its filter lets through, built once per filter', () => {
    const hub = new LiveHub();
    const journal = new LiveJournal();
    const all = [new FakeConnection(), new FakeConnection()];
    const globex = new FakeConnection();
    const box = new FakeConnection();
    for (const c of all) hub.add(c, { customerId: null, bbox: null });
    hub.add(globex, { customerId: 'globex', bbox: null });
    hub.add(box, { customerId: null, bbox: { minLon: 17, minLat: 59, maxLon: 19, maxLat: 60 } });

    const sent = hub.publish(journal.append([position('A', 59.5), position('B', 10, 'globex'), offline('C')]));

    const [first, second] = all;
    expect(first?.chunks).toEqual(second?.chunks);
    expect(first?.chunks.join('')).toContain('"id":"C"');
    expect(globex.chunks.join('')).toContain('"id":"B"');
    expect(globex.chunks.join('')).not.toContain('"id":"A"');
    expect(box.chunks.join('')).toContain('"id":"A"');
    expect(box.chunks.join('')).not.toMatch(/"id":"[BC]"/);
    expect(sent).toBe(3 * 2 + 1 + 1);
  });

  it('sends a bbox client the first position outside its area of an asset leaving it, and none after', () => {
    const hub = new LiveHub();
    const journal = new LiveJournal();
    const box = new FakeConnection();
    hub.add(box, { customerId: null, bbox: { minLon: 17, minLat: 59, maxLon: 19, maxLat: 60 } });
    const inside = { lat: 59.5, lon: 18 };
    const outside = { lat: 61, lon: 18 };

    hub.publish(journal.append([position('A', 61, 'acme', inside)])); // leaving
    hub.publish(journal.append([position('A', 62, 'acme', outside)])); // gone
    hub.publish(journal.append([position('B', 59.2, 'acme', outside)])); // arriving

    expect(box.chunks.join('')).toContain('"lat":61,');
    expect(box.chunks.join('')).not.toContain('"lat":62,');
    expect(box.chunks.join('')).toContain('"lat":59.2,');
    expect(box.chunks.join('')).not.toContain('from');
  });

  it('drops a client that falls more than 1 MiB behind instead of buffering without end', () => {
    const hub = new LiveHub();
    const slow = new FakeConnection();
    slow.backlogBytes = 2 << 20;
    hub.add(slow, { customerId: null, bbox: null });
    hub.publish(new LiveJournal().append([offline('A')]));
    expect(slow.closed).toBe(true);
    expect(slow.chunks).toEqual([]);
  });

  it('sends every client a comment to keep idle streams open through proxies', () => {
    const hub = new LiveHub();
    const [quiet, other] = [new FakeConnection(), new FakeConnection()];
    hub.add(quiet, { customerId: null, bbox: null });
    hub.add(other, { customerId: 'acme', bbox: null });
    hub.keepAlive();
    expect(quiet.chunks).toEqual([': keep-alive\n\n']);
    expect(other.chunks).toEqual([': keep-alive\n\n']);
  });

  it('forgets clients that left', () => {
    const hub = new LiveHub();
    const client = new FakeConnection();
    hub.add(client, { customerId: 'acme', bbox: null });
    hub.remove(client, { customerId: 'acme', bbox: null });
    hub.publish(new LiveJournal().append([offline('A')]));
    expect(client.chunks).toEqual([]);
    expect(hub.connections).toBe(0);
  });
});

describe('replayFor', () => {
  it("replays the filter's changes with only the newest position of each asset", () => {
    const journal = new LiveJournal();
    const missed = journal.append([position('A', 1), offline('B'), position('A', 2), position('C', 3, 'globex')]);
    const replay = replayFor({ customerId: 'acme', bbox: null }, missed);
    expect(replay).toBe(
      missed
        .slice(1, 3)
        .map((entry) => entry.frame)
        .join(''),
    );
  });

  it("replays a position from before its asset's current ownership to unscoped clients only", () => {
    const journal = new LiveJournal();
    const missed = journal.append([{ ...position('A', 1), customerId: null }]);
    expect(replayFor({ customerId: 'acme', bbox: null }, missed)).toBe('');
    expect(replayFor({ customerId: null, bbox: null }, missed)).toBe(missed[0]?.frame);
  });
});

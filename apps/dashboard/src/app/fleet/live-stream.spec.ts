import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Subscription } from 'rxjs';
import { FakeEventSources } from '../../testing/fake-event-source';
import type { LiveEvent, LiveParams } from './live-stream';
import { Session } from '../session/session';
import { LiveStream, liveUrl } from './live-stream';

describe('LiveStream', () => {
  let sources: FakeEventSources;
  let live: LiveStream;
  let events: LiveEvent[];
  let subscription: Subscription | undefined;

  const position = {
    lat: 59.33,
    lon: 18.06,
    altitude: null,
    speed: 12.5,
    heading: 90,
    timestamp: '2026-11-25T12:00:01.000Z',
  };

  function listen(params?: LiveParams): void {
    subscription = live.connect(params).subscribe((e) => events.push(e));
  }

  beforeEach(() => {
    jasmine.clock().install();
    sources = new FakeEventSources();
    TestBed.configureTestingModule({ providers: [sources.provider(), provideHttpClient(), provideHttpClientTesting()] });
    live = TestBed.inject(LiveStream);
    events = [];
  });

  afterEach(() => {
    subscription?.unsubscribe();
    TestBed.resetTestingModule();
    jasmine.clock().uninstall();
  });

  it('opens each connection with a ticket of its own when signed in with a key, never with the key', async () => {
    const http = TestBed.inject(HttpTestingController);
    const signedIn = TestBed.inject(Session).signIn('bcn_secret', false);
    http.expectOne('/api/v1/me').flush({ role: 'viewer', customerId: null, customerName: null, keyName: 'wall' });
    await signedIn;

    listen({ customerId: 'acme' });
    const first = http.expectOne('/api/v1/live/tickets');
    expect(first.request.method).toBe('POST');
    first.flush({ ticket: 'ticket-1', expiresAt: '2026-11-25T12:01:00.000Z' });
    expect(sources.latest.url).toBe('/api/v1/live?customerId=acme&ticket=ticket-1');

    sources.latest.fail();
    jasmine.clock().tick(60_000);
    http.expectOne('/api/v1/live/tickets').flush({ ticket: 'ticket-2', expiresAt: '2026-11-25T12:02:00.000Z' });
    expect(sources.latest.url).toContain('ticket=ticket-2');
    expect(sources.all.map((s) => s.url).join(' ')).not.toContain('bcn_secret');
    http.verify();
  });

  it('builds the URL from the filters it is given, leaving unset ones out', () => {
    expect(liveUrl({})).toBe('/api/v1/live');
    expect(liveUrl({ customerId: '' })).toBe('/api/v1/live');
    expect(liveUrl({ customerId: 'acme & co', bbox: '17,59,18,60' })).toBe('/api/v1/live?customerId=acme+%26+co&bbox=17%2C59%2C18%2C60');
  });

  it('opens one EventSource per subscription and reports when it is connected', () => {
    expect(live.state()).toBe('idle');
    listen({ customerId: 'acme' });

    expect(sources.all.length).toBe(1);
    expect(sources.latest.url).toBe('/api/v1/live?customerId=acme');
    expect(live.state()).toBe('connecting');
    sources.latest.open();
    expect(live.state()).toBe('connected');
  });

  it('emits status, position and resync messages as typed events', () => {
    listen();
    sources.latest.open();
    sources.latest.emit('status', {
      id: 'a',
      status: 'online',
      at: '2026-11-25T12:00:00.000Z',
    });
    sources.latest.emit('position', { id: 'a', position });
    sources.latest.emit('resync', { reason: 'too far behind' });

    expect(events).toEqual([
      {
        type: 'status',
        data: { id: 'a', status: 'online', at: '2026-11-25T12:00:00.000Z' },
      },
      { type: 'position', data: { id: 'a', position } },
      { type: 'resync', data: { reason: 'too far behind' } },
    ]);
  });

  it('skips messages it cannot parse and keeps listening', () => {
    listen();
    sources.latest.open();
    sources.latest.emitRaw('status', '{not json');
    sources.latest.emit('resync', { reason: 'x' });

    expect(events.map((e) => e.type)).toEqual(['resync']);
  });

  it('closes the EventSource and goes idle when unsubscribed', () => {
    listen();
    sources.latest.open();
    subscription?.unsubscribe();

    expect(sources.latest.closed).toBeTrue();
    expect(live.state()).toBe('idle');
  });

  it('leaves retrying to the browser while the EventSource is still connecting', () => {
    listen();
    sources.latest.open();
    sources.latest.drop();
    expect(live.state()).toBe('reconnecting');

    jasmine.clock().tick(60_000);
    expect(sources.all.length).withContext('no second EventSource').toBe(1);
    sources.latest.open();
    expect(live.state()).toBe('connected');
    expect(events).withContext('the browser sent Last-Event-ID: the server replays').toEqual([]);
  });

  it('reopens a closed EventSource with growing pauses, reset by a good connection', () => {
    listen({ customerId: 'acme' });
    const first = sources.latest;
    first.fail();
    expect(first.closed).toBeTrue();
    expect(live.state()).toBe('reconnecting');

    jasmine.clock().tick(999);
    expect(sources.all.length).toBe(1);
    jasmine.clock().tick(1);
    expect(sources.all.length).toBe(2);
    expect(sources.latest.url).toBe('/api/v1/live?customerId=acme');

    sources.latest.fail();
    jasmine.clock().tick(1_999);
    expect(sources.all.length).toBe(2);
    jasmine.clock().tick(1);
    expect(sources.all.length).toBe(3);

    sources.latest.open();
    sources.latest.emit('resync', { reason: 'x' });
    expect(live.state()).toBe('connected');
    expect(events)
      .withContext('a resync for what was missed, then events flow again')
      .toEqual([
        { type: 'resync', data: { reason: 'reopened' } },
        { type: 'resync', data: { reason: 'x' } },
      ]);

    sources.latest.fail();
    jasmine.clock().tick(1_000);
    expect(sources.all.length).withContext('back to the first pause after a good connection').toBe(4);
    expect(sources.open.length).toBe(1);
  });

  it('reopens a closed EventSource after the last message it had, and lets the server replay', () => {
    listen({ customerId: 'acme' });
    sources.latest.open();
    sources.latest.emit('status', { id: 'A', status: 'online', at: 't' }, 'e1-7');
    sources.latest.fail();
    jasmine.clock().tick(1_000);

    expect(sources.latest.url).toBe('/api/v1/live?customerId=acme&lastEventId=e1-7');
    sources.latest.open();
    expect(events.map((event) => event.type))
      .withContext('no resync of its own: the server replays or says resync')
      .toEqual(['status']);
  });

  it('does not let a replaced stream change the state of the one that replaced it', () => {
    listen();
    const old = subscription;
    const oldSource = sources.latest;
    listen({ customerId: 'sky' });
    sources.latest.open();
    old?.unsubscribe();

    expect(oldSource.closed).toBeTrue();
    expect(live.state()).toBe('connected');
  });
});

import { TestBed } from '@angular/core/testing';
import { DefaultUrlSerializer, Router, provideRouter } from '@angular/router';
import { EMPTY_QUERY } from '../fleet-query';
import type { FleetView } from './fleet-view';
import { addressOfView, isTyping, sameView, viewOfUrl } from './fleet-view';
import { APP_ROUTES } from '../../app.routes';

const parse = (url: string) => viewOfUrl(new DefaultUrlSerializer().parse(url));
const FLEET: FleetView = { assetId: null, query: EMPTY_QUERY, camera: null };

describe('fleet view ⇄ address', () => {
  it('reads the fleet, the open asset and the filters from an address', () => {
    expect(parse('/')).toEqual(FLEET);
    expect(parse('/assets/VIN-1')).toEqual({ ...FLEET, assetId: 'VIN-1' });
    expect(parse('/assets/VIN%201?q=def%204&customerId=acme&status=online&kind=aircraft')).toEqual({
      assetId: 'VIN 1',
      query: { q: 'def 4', customerId: 'acme', status: 'online', kind: 'aircraft', sort: '', bbox: '' },
      camera: null,
    });
    expect(parse('/?status=offline')).toEqual({ ...FLEET, query: { ...EMPTY_QUERY, status: 'offline' } });
  });

  it('leaves unset what an address cannot mean', () => {
    expect(parse('/?status=sleeping&kind=boat')).toEqual(FLEET);
    expect(parse('/?q=a&q=b')).withContext('a repeated name').toEqual(FLEET);
    expect(parse('/assets')).toEqual(FLEET);
    expect(parse('/assets/VIN-1/track')).toEqual(FLEET);
    expect(parse('/elsewhere')).toEqual(FLEET);
    expect(parse('/?sort=label:asc')).withContext('a column the search cannot sort').toEqual(FLEET);
    expect(parse('/?sort=registration:asc')).withContext('the default order').toEqual(FLEET);
    expect(parse('/?bbox=17.6,59.2,17.5,59.3')).withContext('a box whose west is east of its east').toEqual(FLEET);
    expect(parse('/?bbox=170,0,190,10')).withContext('past the antimeridian').toEqual(FLEET);
    expect(parse('/?bbox=1,2,3')).toEqual(FLEET);
    expect(parse('/?map=59.2,17.6')).toEqual(FLEET);
    expect(parse('/?map=91,17.6,9')).toEqual(FLEET);
    expect(parse('/?map=59.2,17.6,23')).withContext('closer than the map zooms').toEqual(FLEET);
  });

  it('reads the searched area and where the map looks', () => {
    expect(parse('/?bbox=17.5,59.1,17.8,59.3&map=59.2,17.63,9.5')).toEqual({
      assetId: null,
      query: { ...EMPTY_QUERY, bbox: '17.5,59.1,17.8,59.3' },
      camera: { lat: 59.2, lon: 17.63, zoom: 9.5 },
    });
  });

  it('reads the order of the rows, as the search names it', () => {
    expect(parse('/?sort=lastSeenAt:desc').query.sort).toBe('lastSeenAt:desc');
    expect(parse('/?sort=id').query.sort).toBe('id:asc');
    expect(parse('/?sort=registration:desc').query.sort).toBe('registration:desc');
  });

  it('writes a view back as the address it was read from, without unset filters', () => {
    const router = TestBed.configureTestingModule({ providers: [provideRouter(APP_ROUTES)] }).inject(Router);
    const write = (view: FleetView) => {
      const { commands, queryParams } = addressOfView(view);
      return router.serializeUrl(router.createUrlTree(commands, { queryParams }));
    };
    expect(write(FLEET)).toBe('/');
    expect(write({ ...FLEET, assetId: 'VIN 1/2', query: { ...EMPTY_QUERY, status: 'online' } })).toBe('/assets/VIN%201%2F2?status=online');
    expect(write({ ...FLEET, camera: { lat: 59.19551234, lon: 17.62534567, zoom: 10.5049 } })).toBe('/?map=59.1955,17.6253,10.5');
    for (const url of [
      '/',
      '/assets/VIN-1?q=def%204&customerId=acme&status=online&kind=vehicle',
      '/?kind=aircraft',
      '/?status=offline&sort=lastSeenAt:desc',
      '/assets/VIN-1?status=online&bbox=17.5,59.1,17.8,59.3&map=59.2,17.63,9.5',
      '/?bbox=-180,-85.0511,180,85.0511&map=0,-170.25,0.5',
    ]) {
      expect(write(parse(url))).toBe(url);
    }
    expect(parse(write({ ...FLEET, assetId: 'VIN 1/2' })).assetId).toBe('VIN 1/2');
    TestBed.resetTestingModule();
  });

  it('tells typing in the search box from other changes', () => {
    const typed = { ...FLEET, query: { ...EMPTY_QUERY, q: 'de' } };
    expect(isTyping(FLEET, typed)).toBeTrue();
    expect(isTyping(typed, FLEET)).toBeTrue();
    expect(isTyping(FLEET, { ...typed, assetId: 'VIN-1' })).toBeFalse();
    expect(isTyping(FLEET, { ...FLEET, query: { ...EMPTY_QUERY, q: 'de', status: 'online' } })).toBeFalse();
    expect(isTyping(FLEET, FLEET)).toBeFalse();
    expect(sameView(parse('/?status=online'), { ...FLEET, query: { ...EMPTY_QUERY, status: 'online' } })).toBeTrue();
    expect(sameView(FLEET, { ...FLEET, assetId: 'VIN-1' })).toBeFalse();
    expect(sameView(FLEET, { ...FLEET, query: { ...EMPTY_QUERY, bbox: '17.5,59.1,17.8,59.3' } })).toBeFalse();
    expect(sameView(FLEET, { ...FLEET, camera: { lat: 59.2, lon: 17.63, zoom: 9 } }))
      .withContext('a move of the map is not a view of its own')
      .toBeTrue();
  });
});

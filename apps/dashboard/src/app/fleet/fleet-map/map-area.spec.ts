import { areaOfBounds, readArea } from './map-area';

describe('the map’s area as the search’s bbox', () => {
  it('is what the map shows, rounded outwards to four decimals', () => {
    expect(areaOfBounds({ west: 17.51234, south: 59.14561, east: 17.75559, north: 59.24449 })).toBe('17.5123,59.1456,17.7556,59.2445');
  });

  it('keeps a bound that is already on a step, whatever the float’s last bits', () => {
    expect(areaOfBounds({ west: 18, south: 59.28, east: 18.14, north: 59.32 })).toBe('18,59.28,18.14,59.32');
  });

  it('is inside the API’s range however far the map has wrapped', () => {
    expect(areaOfBounds({ west: 377.5, south: 59.1, east: 377.8, north: 59.3 })).toBe('17.5,59.1,17.8,59.3');
    expect(areaOfBounds({ west: -342.5, south: 59.1, east: -342.2, north: 59.3 })).toBe('17.5,59.1,17.8,59.3');
  });

  it('takes every longitude for a view across the antimeridian or wider than the world, keeping its latitudes', () => {
    expect(areaOfBounds({ west: 170, south: -20, east: 190, north: -10 })).toBe('-180,-20,180,-10');
    expect(areaOfBounds({ west: -190, south: -20, east: -170, north: -10 })).toBe('-180,-20,180,-10');
    expect(areaOfBounds({ west: -300, south: -85.0511287, east: 420, north: 85.0511287 })).toBe('-180,-85.0512,180,85.0512');
  });

  it('reads from an address only a box the API accepts', () => {
    expect(readArea('17.5,59.1,17.8,59.3')).toBe('17.5,59.1,17.8,59.3');
    expect(readArea('-180,-90,180,90')).toBe('-180,-90,180,90');
    for (const text of ['17.8,59.1,17.5,59.3', '17.5,59.3,17.8,59.1', '170,0,190,10', '0,-91,1,0', '1,2,3', '1,,2,3', 'a,b,c,d', ''])
      expect(readArea(text)).withContext(text).toBe('');
  });
});

import { aircraftAssetIds } from './aircraft-asset-ids';

describe('aircraftAssetIds', () => {
  it('tries the ICAO address first, then the address qualified by the customer', () => {
    expect(aircraftAssetIds('4ca7b3', 'flygbolaget')).toEqual(['4ca7b3', '4ca7b3.flygbolaget']);
    expect(aircraftAssetIds('~2a01f0', 'flyg-bolaget.se')).toEqual(['~2a01f0', '~2a01f0.flyg-bolaget.se']);
  });

  it('qualifies by a digest of the customer when its id would not make a valid asset id', () => {
    const [, tilde] = aircraftAssetIds('4ca7b3', 'flyg~bolaget');
    const [, long] = aircraftAssetIds('4ca7b3', 'f'.repeat(64));
    expect(tilde).toMatch(/^4ca7b3\.[0-9a-f]{12}$/);
    expect(long).toMatch(/^4ca7b3\.[0-9a-f]{12}$/);
    expect(tilde).not.toBe(long);
    // The same customer always gets the same id.
    expect(aircraftAssetIds('4ca7b3', 'flyg~bolaget')[1]).toBe(tilde);
  });
});

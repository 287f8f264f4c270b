import { UrlSerializerWithoutKey } from './url-serializer-without-key';

describe('UrlSerializerWithoutKey', () => {
  const serializer = new UrlSerializerWithoutKey();
  const roundTrip = (url: string) => serializer.serialize(serializer.parse(url));

  it('drops the key of a sign-in link and keeps the rest of the address', () => {
    expect(roundTrip('/#key=abc')).toBe('/');
    expect(roundTrip('/assets/VIN-1?status=online#key=abc%2Bdef')).toBe('/assets/VIN-1?status=online');
    expect(roundTrip('/assets/VIN-1#key=abc&other=1')).toBe('/assets/VIN-1#other=1');
  });

  it('leaves addresses without a key as they are', () => {
    expect(roundTrip('/assets/VIN-1?q=a%20b')).toBe('/assets/VIN-1?q=a%20b');
    expect(roundTrip('/#section')).toBe('/#section');
  });
});

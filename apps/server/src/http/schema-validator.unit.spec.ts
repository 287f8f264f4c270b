import { heartbeatSchema, registerAssetSchema } from '@beacon/contracts';
import { ApiError } from './api-error';
import { compileSchema } from './schema-validator';

const parseHeartbeat = compileSchema<object>(heartbeatSchema);
const parseAsset = compileSchema<object>(registerAssetSchema);

function detailsOf(parse: (body: unknown) => object, body: unknown): { field: string; reason: string }[] {
  try {
    parse(body);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return (error as ApiError).details ?? [];
  }
  throw new Error('expected a validation error');
}

describe('compileSchema', () => {
  it('returns a valid body unchanged', () => {
    const body = { lat: 59.3, lon: 18.1, timestamp: '2026-11-25T12:00:00Z', heading: 359.9 };
    expect(parseHeartbeat(body)).toBe(body);
  });

  it('names every field at fault, with a reason', () => {
    expect(detailsOf(parseHeartbeat, { lat: 200, lon: 'east' })).toEqual([
      { field: 'lat', reason: 'must be <= 90' },
      { field: 'lon', reason: 'must be number' },
    ]);
  });

  it('names missing and unknown fields by their own names', () => {
    expect(detailsOf(parseAsset, { kind: 'vehicle', customerId: 'c', colour: 'red' })).toEqual(
      expect.arrayContaining([
        { field: 'id', reason: "must have required property 'id'" },
        { field: 'colour', reason: 'is not a known field' },
      ]),
    );
  });

  it('calls a body that is not an object "(body)"', () => {
    expect(detailsOf(parseHeartbeat, [1, 2])).toEqual([{ field: '(body)', reason: 'must be object' }]);
  });
});

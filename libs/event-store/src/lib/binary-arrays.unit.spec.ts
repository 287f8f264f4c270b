import { BinaryArrays, epochMillis } from './binary-arrays';

const int32s = (buffer: Buffer, count: number, from = 0): number[] =>
  Array.from({ length: count }, (_, i) => buffer.readInt32BE(from + i * 4));

describe('BinaryArrays', () => {
  it('writes array_send layout: one dimension, the null flag, the element type, then each element or -1', () => {
    const array = new BinaryArrays(0).float8([1.5, null, -2], (x) => x);
    expect(int32s(array, 5)).toEqual([1, 1, 701, 3, 1]);
    expect(array.readInt32BE(20)).toBe(8);
    expect(array.readDoubleBE(24)).toBe(1.5);
    expect(array.readInt32BE(32)).toBe(-1);
    expect(array.readInt32BE(36)).toBe(8);
    expect(array.readDoubleBE(40)).toBe(-2);
    expect(array.length).toBe(48);
  });

  it('clears the null flag when nothing is null, and writes an empty array as a header alone', () => {
    const arrays = new BinaryArrays(0);
    expect(
      int32s(
        arrays.bool([true, false], (x) => x),
        5,
      ),
    ).toEqual([1, 0, 16, 2, 1]);
    expect(
      int32s(
        arrays.text([], (x: string) => x),
        5,
      ),
    ).toEqual([1, 0, 25, 0, 1]);
  });

  it('writes text as UTF-8 with its byte length, keeping earlier columns intact as the buffer grows', () => {
    const arrays = new BinaryArrays(0);
    const first = arrays.text(['a'], (x) => x);
    const long = 'Ålesund ✈ '.repeat(500);
    const second = arrays.text([long], (x) => x);
    expect(second.readInt32BE(20)).toBe(Buffer.byteLength(long));
    expect(second.subarray(24).toString('utf8')).toBe(long);
    expect(first.subarray(24).toString('utf8')).toBe('a');
  });

  it('writes times as microseconds since 2000-01-01 UTC, before and after it', () => {
    const times = new BinaryArrays(0).timestamptz(['2000-01-01T00:00:01.500Z', '1999-12-31T23:59:59.999Z'], (x) => x);
    expect(times.readBigInt64BE(24)).toBe(1_500_000n);
    expect(times.readBigInt64BE(36)).toBe(-1_000n);
  });
});

describe('epochMillis', () => {
  it('reads what toISOString writes exactly as Date.parse does, from year 100 to 9999', () => {
    const earliest = Date.UTC(100, 0, 1);
    const latest = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    for (let i = 0; i < 2_000; i++) {
      const iso = new Date(earliest + Math.floor(Math.random() * (latest - earliest))).toISOString();
      expect(epochMillis(iso)).toBe(Date.parse(iso));
    }
  });

  it('leaves other ISO-8601 forms to Date.parse, years before 100 included', () => {
    expect(epochMillis('2026-11-25T12:00:00Z')).toBe(Date.UTC(2026, 10, 25, 12));
    expect(epochMillis('2026-11-25T13:00:00.000+01:00')).toBe(Date.UTC(2026, 10, 25, 12));
    expect(epochMillis('0050-06-01T00:00:00.000Z')).toBe(Date.parse('0050-06-01T00:00:00.000Z'));
  });

  it('refuses what is not a time', () => {
    expect(() => epochMillis('not a time')).toThrow('not an ISO-8601 time: "not a time"');
    expect(() => epochMillis('2026-1x-25T12:00:00.000Z')).toThrow('not an ISO-8601 time');
  });
});

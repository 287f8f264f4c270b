import { CopyFormatError, CopyTuples } from './copy-tuples';

/** A field as PostgreSQL's binary COPY sends it: its bytes, or null for NULL. */
type Field = Buffer | null;

const int8 = (value: bigint): Buffer => {
  const buffer = Buffer.alloc(8);
  buffer.writeBigInt64BE(value);
  return buffer;
};
const float8 = (value: number): Buffer => {
  const buffer = Buffer.alloc(8);
  buffer.writeDoubleBE(value);
  return buffer;
};
const timestamptz = (iso: string): Buffer => int8(BigInt(Date.parse(iso) - Date.UTC(2000, 0, 1)) * 1000n);
const text = (value: string): Buffer => Buffer.from(value, 'utf8');
const jsonb = (value: unknown): Buffer => Buffer.concat([Buffer.from([1]), text(JSON.stringify(value))]);

function copyData(tuples: Field[][], extension = Buffer.alloc(0)): Buffer {
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(4), Buffer.alloc(4)];
  parts[2]?.writeInt32BE(extension.length);
  parts.push(extension);
  for (const fields of tuples) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(fields.length);
    parts.push(count);
    for (const field of fields) {
      const length = Buffer.alloc(4);
      length.writeInt32BE(field ? field.length : -1);
      parts.push(length);
      if (field) parts.push(field);
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

interface Row {
  position: bigint;
  name: string;
  speed: number | null;
  onGround: boolean | null;
  at: number;
  data: unknown;
}

const ROWS: Field[][] = [
  [int8(1n), text('Ålesund ✈ 1'), float8(12.3), Buffer.from([1]), timestamptz('2026-12-07T10:00:00.123Z'), jsonb({ label: 'Kiruna ✈' })],
  [int8(2n), text(''), null, null, timestamptz('1999-12-31T23:59:59.999Z'), jsonb([])],
  [int8(9_007_199_254_740_993n), text('x'.repeat(300)), float8(-0.1), Buffer.from([0]), timestamptz('2026-01-01T00:00:00Z'), jsonb(null)],
];

function decode(chunks: Buffer[]): Row[] {
  const rows: Row[] = [];
  const tuples = new CopyTuples(6, (t) =>
    rows.push({
      position: t.int8(0),
      name: t.text(1),
      speed: t.float8OrNull(2),
      onGround: t.boolOrNull(3),
      at: t.timestampMs(4),
      data: t.jsonb(5),
    }),
  );
  for (const chunk of chunks) tuples.push(chunk);
  tuples.end();
  return rows;
}

describe('CopyTuples', () => {
  const whole = copyData(ROWS);
  const expected: Row[] = [
    {
      position: 1n,
      name: 'Ålesund ✈ 1',
      speed: 12.3,
      onGround: true,
      at: Date.parse('2026-12-07T10:00:00.123Z'),
      data: { label: 'Kiruna ✈' },
    },
    { position: 2n, name: '', speed: null, onGround: null, at: Date.parse('1999-12-31T23:59:59.999Z'), data: [] },
    {
      position: 9_007_199_254_740_993n,
      name: 'x'.repeat(300),
      speed: -0.1,
      onGround: false,
      at: Date.parse('2026-01-01T00:00:00Z'),
      data: null,
    },
  ];

  it('reads every field type of the log read: int8 beyond 2^53, UTF-8 text, float8, bool, NULLs, times before 2000, jsonb', () => {
    expect(decode([whole])).toEqual(expected);
  });

  it('gives the same tuples wherever the stream is cut, inside the header, a length or a multi-byte character', () => {
    for (let cut = 1; cut < whole.length; cut++) {
      expect(decode([whole.subarray(0, cut), whole.subarray(cut)])).toEqual(expected);
    }
    expect(decode(Array.from(whole, (byte) => Buffer.from([byte])))).toEqual(expected);
  });

  it('skips a header extension area', () => {
    expect(decode([copyData(ROWS, Buffer.from('future flags'))])).toEqual(expected);
  });

  it('rounds microseconds to the nearest millisecond', () => {
    const micros = (value: bigint): Field[] => [int8(value)];
    const times: number[] = [];
    const tuples = new CopyTuples(1, (t) => times.push(t.timestampMs(0)));
    tuples.push(copyData([micros(1_499n), micros(1_500n), micros(-1_501n)]));
    tuples.end();
    const epoch = Date.UTC(2000, 0, 1);
    expect(times).toEqual([epoch + 1, epoch + 2, epoch - 2]);
  });

  it('refuses data that is not what the read asked for', () => {
    expect(() => decode([Buffer.from('id,name\n1,a\n'.padEnd(40, ' '))])).toThrow(CopyFormatError);
    expect(() => decode([copyData([[int8(1n)]])])).toThrow('a tuple of 1 fields, 6 expected');
    expect(() => decode([whole.subarray(0, whole.length - 2)])).toThrow('the data ended inside a tuple');
    expect(() => decode([whole, Buffer.from([0])])).toThrow('bytes after the trailer');
  });
});

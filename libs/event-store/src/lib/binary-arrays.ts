/**
 * One-dimensional arrays in PostgreSQL's binary format (what `array_send` writes and `array_recv`
 * reads), for statement parameters: node-postgres sends a Buffer parameter as binary. PostgreSQL
 * then copies each element instead of scanning a text literal character by character and parsing
 * every number and time, which was a quarter of its work per stored heartbeat (decision 017).
 *
 * Every column of a batch is written into one growing buffer; each parameter is a view on it.
 */
export class BinaryArrays {
  private buffer: Buffer;
  private offset = 0;

  /** `expectedBytes`: a good guess saves copying the buffer as it grows. */
  constructor(expectedBytes: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(256, expectedBytes));
  }

  /** `text[]`: each element's UTF-8 bytes. */
  text<T>(items: readonly T[], pick: (item: T) => string | null | undefined): Buffer {
    return this.array(items, TEXT_OID, pick, (value) => {
      // At most 3 bytes per UTF-16 unit; the length prefix is written once the size is known.
      this.ensure(4 + value.length * 3);
      const bytes = this.buffer.write(value, this.offset + 4, 'utf8');
      this.buffer.writeInt32BE(bytes, this.offset);
      this.offset += 4 + bytes;
    });
  }

  /** `float8[]`: IEEE 754 doubles. */
  float8<T>(items: readonly T[], pick: (item: T) => number | null | undefined): Buffer {
    return this.array(items, FLOAT8_OID, pick, (value) => {
      this.ensure(12);
      this.buffer.writeInt32BE(8, this.offset);
      this.buffer.writeDoubleBE(value, this.offset + 4);
      this.offset += 12;
    });
  }

  /** `boolean[]`. */
  bool<T>(items: readonly T[], pick: (item: T) => boolean | null | undefined): Buffer {
    return this.array(items, BOOL_OID, pick, (value) => {
      this.ensure(5);
      this.buffer.writeInt32BE(1, this.offset);
      this.buffer[this.offset + 4] = value ? 1 : 0;
      this.offset += 5;
    });
  }

  /** `timestamptz[]` from ISO-8601 times: microseconds since 2000-01-01 UTC, as PostgreSQL keeps them. */
  timestamptz<T>(items: readonly T[], pick: (item: T) => string | null | undefined): Buffer {
    return this.array(items, TIMESTAMPTZ_OID, pick, (value) => {
      const micros = (epochMillis(value) - POSTGRES_EPOCH_MS) * 1000;
      // An int64 from a double: exact, since microseconds of any date this side of year 250,000 fit in 53 bits.
      const high = Math.floor(micros / 2 ** 32);
      this.ensure(12);
      this.buffer.writeInt32BE(8, this.offset);
      this.buffer.writeInt32BE(high, this.offset + 4);
      this.buffer.writeUInt32BE(micros - high * 2 ** 32, this.offset + 8);
      this.offset += 12;
    });
  }

  /** Header (dimensions, null flag, element type, length, lower bound 1), then each element or -1 for NULL. */
  private array<T, V>(
    items: readonly T[],
    elementOid: number,
    pick: (item: T) => V | null | undefined,
    writeElement: (value: V) => void,
  ): Buffer {
    this.ensure(HEADER_BYTES);
    const start = this.offset;
    this.buffer.writeInt32BE(1, start);
    this.buffer.writeInt32BE(elementOid, start + 8);
    this.buffer.writeInt32BE(items.length, start + 12);
    this.buffer.writeInt32BE(1, start + 16);
    this.offset += HEADER_BYTES;
    let hasNull = 0;
    for (const item of items) {
      const value = pick(item);
      if (value === null || value === undefined) {
        this.ensure(4);
        this.buffer.writeInt32BE(-1, this.offset);
        this.offset += 4;
        hasNull = 1;
      } else {
        writeElement(value);
      }
    }
    // Written last, into the buffer the header is in now (`ensure` may have moved it).
    this.buffer.writeInt32BE(hasNull, start + 4);
    return this.buffer.subarray(start, this.offset);
  }

  /** Room for `bytes` more; a new, larger buffer keeps what is written (earlier views keep the old one). */
  private ensure(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + bytes));
    this.buffer.copy(larger, 0, 0, this.offset);
    this.buffer = larger;
  }
}

const HEADER_BYTES = 20;
const BOOL_OID = 16;
const TEXT_OID = 25;
const FLOAT8_OID = 701;
const TIMESTAMPTZ_OID = 1184;
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);

/**
 * Milliseconds since 1970 of an ISO-8601 time. The domain stores what `toISOString` writes
 * (`2026-12-03T08:15:30.250Z`), which is read here digit by digit: two times per heartbeat made
 * Date's own parser show in profiles. Any other form goes to `Date.parse`.
 */
export function epochMillis(iso: string): number {
  const millis = isCanonical(iso)
    ? Date.UTC(digits(iso, 0, 4), digits(iso, 5, 2) - 1, digits(iso, 8, 2), digits(iso, 11, 2), digits(iso, 14, 2), digits(iso, 17, 2), digits(iso, 20, 3))
    : Date.parse(iso);
  if (Number.isNaN(millis)) throw new Error(`not an ISO-8601 time: ${JSON.stringify(iso)}`);
  return millis;
}

/** `YYYY-MM-DDTHH:mm:ss.sssZ` with a year Date.UTC takes as is (it reads 0–99 as 1900–1999). */
function isCanonical(iso: string): boolean {
  if (iso.length !== 24 || iso[4] !== '-' || iso[7] !== '-' || iso[10] !== 'T' || iso[13] !== ':' || iso[16] !== ':' || iso[19] !== '.' || iso[23] !== 'Z') {
    return false;
  }
  for (const at of DIGIT_POSITIONS) {
    const code = iso.charCodeAt(at);
    if (code < 48 || code > 57) return false;
  }
  return digits(iso, 0, 4) >= 100;
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

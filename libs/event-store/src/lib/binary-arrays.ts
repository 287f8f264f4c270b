import { HeartbeatDataError } from './errors';

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
  /** The same bytes as `buffer`: DataView's big-endian writes compile to a few instructions. */
  private view: DataView;
  private offset = 0;

  /** `expectedBytes`: a good guess saves copying the buffer as it grows. */
  constructor(expectedBytes: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(256, expectedBytes));
    this.view = viewOf(this.buffer);
  }

  /** `text[]`: each element's UTF-8 bytes. */
  text<T>(items: readonly T[], pick: (item: T) => string | null | undefined): Buffer {
    return this.array(items, TEXT_OID, pick, (value) => this.writeText(value));
  }

  /** `float8[]`: IEEE 754 doubles. */
  float8<T>(items: readonly T[], pick: (item: T) => number | null | undefined): Buffer {
    return this.array(items, FLOAT8_OID, pick, (value) => {
      this.ensure(12);
      this.view.setInt32(this.offset, 8);
      this.view.setFloat64(this.offset + 4, value);
      this.offset += 12;
    });
  }

  /** `boolean[]`. */
  bool<T>(items: readonly T[], pick: (item: T) => boolean | null | undefined): Buffer {
    return this.array(items, BOOL_OID, pick, (value) => {
      this.ensure(5);
      this.view.setInt32(this.offset, 1);
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
      this.view.setInt32(this.offset, 8);
      this.view.setInt32(this.offset + 4, high);
      this.view.setUint32(this.offset + 8, micros - high * 2 ** 32);
      this.offset += 12;
    });
  }

  /** The header, then each element, or -1 for NULL; the null flag is set once all are written. */
  private array<T, V>(
    items: readonly T[],
    elementOid: number,
    pick: (item: T) => V | null | undefined,
    writeElement: (value: V) => void,
  ): Buffer {
    const start = this.header(elementOid, items.length);
    let hasNull = false;
    for (const item of items) {
      const value = pick(item);
      if (value === null || value === undefined) hasNull = this.writeNull();
      else writeElement(value);
    }
    return this.finish(start, hasNull);
  }

  /** One dimension, the null flag (set by `finish`), the element type, the length, lower bound 1. */
  private header(elementOid: number, length: number): number {
    this.ensure(HEADER_BYTES);
    const start = this.offset;
    this.view.setInt32(start, 1);
    this.view.setInt32(start + 8, elementOid);
    this.view.setInt32(start + 12, length);
    this.view.setInt32(start + 16, 1);
    this.offset += HEADER_BYTES;
    return start;
  }

  /** Sets the null flag, in the buffer the header is in now (`ensure` may have moved it), and returns the array. */
  private finish(start: number, hasNull: boolean): Buffer {
    this.view.setInt32(start + 4, hasNull ? 1 : 0);
    return this.buffer.subarray(start, this.offset);
  }

  private writeNull(): true {
    this.ensure(4);
    this.view.setInt32(this.offset, -1);
    this.offset += 4;
    return true;
  }

  /**
   * Ids, keys and times are short ASCII: copied a character at a time, which costs less than a
   * call into Buffer's UTF-8 encoder per string. Anything else goes through that encoder.
   */
  private writeText(value: string): void {
    // At most 3 bytes per UTF-16 unit; the length prefix is written once the size is known.
    this.ensure(4 + value.length * 3);
    const at = this.offset + 4;
    let ascii = 0;
    while (ascii < value.length) {
      const code = value.charCodeAt(ascii);
      if (code >= 0x80) break;
      this.buffer[at + ascii++] = code;
    }
    const bytes = ascii === value.length ? ascii : this.buffer.write(value, at, 'utf8');
    this.view.setInt32(this.offset, bytes);
    this.offset = at + bytes;
  }

  /** Room for `bytes` more; a new, larger buffer keeps what is written (earlier views keep the old one). */
  private ensure(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + bytes));
    this.buffer.copy(larger, 0, 0, this.offset);
    this.buffer = larger;
    this.view = viewOf(larger);
  }
}

const viewOf = (buffer: Buffer): DataView => new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);

const HEADER_BYTES = 20;
const BOOL_OID = 16;
const TEXT_OID = 25;
const FLOAT8_OID = 701;
const TIMESTAMPTZ_OID = 1184;
/** PostgreSQL's binary timestamps count microseconds from here (written here, read in copy-tuples.ts). */
export const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);

/**
 * Milliseconds since 1970 of an ISO-8601 time. The domain stores what `toISOString` writes
 * (`2026-12-03T08:15:30.250Z`), which is read here digit by digit: two times per heartbeat made
 * Date's own parser show in profiles. Any other form goes to `Date.parse`.
 */
export function epochMillis(iso: string): number {
  const millis = isCanonical(iso)
    ? Date.UTC(
        digits(iso, 0, 4),
        digits(iso, 5, 2) - 1,
        digits(iso, 8, 2),
        digits(iso, 11, 2),
        digits(iso, 14, 2),
        digits(iso, 17, 2),
        digits(iso, 20, 3),
      )
    : Date.parse(iso);
  if (Number.isNaN(millis)) throw new HeartbeatDataError(`not an ISO-8601 time: ${JSON.stringify(iso)}`);
  return millis;
}

/** `YYYY-MM-DDTHH:mm:ss.sssZ` with a year Date.UTC takes as is (it reads 0–99 as 1900–1999). */
function isCanonical(iso: string): boolean {
  if (
    iso.length !== 24 ||
    iso[4] !== '-' ||
    iso[7] !== '-' ||
    iso[10] !== 'T' ||
    iso[13] !== ':' ||
    iso[16] !== ':' ||
    iso[19] !== '.' ||
    iso[23] !== 'Z'
  ) {
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

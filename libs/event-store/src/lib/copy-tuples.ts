import { POSTGRES_EPOCH_MS } from './binary-arrays';

/**
 * PostgreSQL's binary COPY format (`COPY … TO STDOUT (FORMAT binary)`), cut into tuples as its
 * bytes arrive: a header (11-byte signature, flags, extension), then per tuple a field count and,
 * per field, its length (-1 for NULL) and bytes; a count of -1 ends it. A chunk of the stream may
 * end anywhere, inside a field included: what is left of an unfinished tuple waits for the next.
 */
export class CopyTuples {
  /** Where each field of the current tuple starts in `buffer`, and its length (-1: NULL). */
  readonly starts: Int32Array;
  readonly lengths: Int32Array;
  /** The bytes the current tuple is in; valid only during the `onTuple` call. */
  buffer: Buffer = EMPTY;
  private pending: Buffer | null = null;
  private headerRead = false;
  private trailerRead = false;

  constructor(
    private readonly fieldCount: number,
    private readonly onTuple: (tuples: CopyTuples) => void,
  ) {
    this.starts = new Int32Array(fieldCount);
    this.lengths = new Int32Array(fieldCount);
  }

  push(chunk: Buffer): void {
    // A remainder is one unfinished tuple (a few hundred bytes), so joining it is cheap.
    const buffer = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    let offset = this.headerRead ? 0 : this.readHeader(buffer);
    if (offset < 0) {
      this.pending = buffer;
      return;
    }
    this.buffer = buffer;
    while (offset + 2 <= buffer.length && !this.trailerRead) {
      const end = this.frame(buffer, offset);
      if (end < 0) break;
      offset = end;
    }
    if (offset < buffer.length) {
      if (this.trailerRead) throw new CopyFormatError('bytes after the trailer');
      this.pending = buffer.subarray(offset);
    }
  }

  /** The stream has ended: it must have ended with the trailer, nothing unfinished. */
  end(): void {
    if (!this.trailerRead || this.pending) throw new CopyFormatError('the data ended inside a tuple');
  }

  /** Frames the tuple at `offset` and hands it on: the offset after it, or -1 if it is not all here. */
  private frame(buffer: Buffer, offset: number): number {
    const count = buffer.readInt16BE(offset);
    if (count === -1) {
      this.trailerRead = true;
      return offset + 2;
    }
    if (count !== this.fieldCount) throw new CopyFormatError(`a tuple of ${count} fields, ${this.fieldCount} expected`);
    let at = offset + 2;
    for (let field = 0; field < count; field++) {
      if (at + 4 > buffer.length) return -1;
      const length = buffer.readInt32BE(at);
      at += 4;
      this.starts[field] = at;
      this.lengths[field] = length;
      if (length > 0) at += length;
    }
    if (at > buffer.length) return -1;
    this.onTuple(this);
    return at;
  }

  /** The offset after the header, or -1 if it has not all arrived. */
  private readHeader(buffer: Buffer): number {
    if (buffer.length < HEADER_BYTES) return -1;
    if (!buffer.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new CopyFormatError('no binary COPY signature');
    const end = HEADER_BYTES + buffer.readInt32BE(HEADER_BYTES - 4);
    if (buffer.length < end) return -1;
    this.headerRead = true;
    return end;
  }

  isNull(field: number): boolean {
    return this.lengthOf(field) === -1;
  }

  int8(field: number): bigint {
    return this.buffer.readBigInt64BE(this.startOf(field));
  }

  int4(field: number): number {
    return this.buffer.readInt32BE(this.startOf(field));
  }

  float8OrNull(field: number): number | null {
    return this.isNull(field) ? null : this.buffer.readDoubleBE(this.startOf(field));
  }

  boolOrNull(field: number): boolean | null {
    return this.isNull(field) ? null : this.buffer[this.startOf(field)] === 1;
  }

  text(field: number): string {
    const start = this.startOf(field);
    return this.buffer.toString('utf8', start, start + this.lengthOf(field));
  }

  textOrNull(field: number): string | null {
    return this.isNull(field) ? null : this.text(field);
  }

  /** A jsonb field, parsed: its binary form is a version byte (1) and the JSON text. */
  jsonb(field: number): unknown {
    const start = this.startOf(field);
    const version = this.buffer[start];
    if (version !== JSONB_VERSION) throw new CopyFormatError(`jsonb version ${version}`);
    return JSON.parse(this.buffer.toString('utf8', start + 1, start + this.lengthOf(field)));
  }

  /**
   * A timestamptz as epoch milliseconds: PostgreSQL sends microseconds since 2000-01-01 as an int8,
   * read as two halves (exact below 2^53 µs, about 285 years) and rounded to the millisecond.
   */
  timestampMs(field: number): number {
    const start = this.startOf(field);
    const micros = this.buffer.readInt32BE(start) * 2 ** 32 + this.buffer.readUInt32BE(start + 4);
    return POSTGRES_EPOCH_MS + Math.round(micros / 1000);
  }

  private startOf(field: number): number {
    return this.starts[field] ?? 0;
  }

  /** -1 for NULL, and for a field the tuple does not have. */
  private lengthOf(field: number): number {
    return this.lengths[field] ?? -1;
  }
}

export class CopyFormatError extends Error {
  constructor(detail: string) {
    super(`unreadable binary COPY data: ${detail}`);
    this.name = 'CopyFormatError';
  }
}

const EMPTY = Buffer.alloc(0);
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Signature, flags (int32), header extension length (int32). */
const HEADER_BYTES = SIGNATURE.length + 8;
const JSONB_VERSION = 1;

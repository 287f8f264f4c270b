import type { Readable } from 'node:stream';

/**
 * Keeps the last lines a child wrote (for error messages) and forwards every
 * line to the caller's logger. Output arrives in arbitrary chunks, so a
 * partial last line is held back until its newline arrives.
 */
export class LogTail {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(
    private readonly prefix: string,
    private readonly sink: (line: string) => void,
    private readonly keep = 30,
  ) {}

  attach(...streams: (Readable | null)[]): this {
    for (const stream of streams) stream?.on('data', (chunk: Buffer) => this.push(chunk.toString('utf8')));
    return this;
  }

  private push(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) this.add(line);
  }

  private add(line: string): void {
    if (!line.trim()) return;
    this.lines.push(line);
    if (this.lines.length > this.keep) this.lines.shift();
    this.sink(`${this.prefix} ${line}`);
  }

  /** The remembered lines, indented, for inclusion in an Error message. */
  text(): string {
    if (this.partial) {
      this.add(this.partial);
      this.partial = '';
    }
    return this.lines.length ? `\n  ${this.lines.join('\n  ')}` : ' (no output)';
  }
}

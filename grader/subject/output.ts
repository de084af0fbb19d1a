// A server's output is always drained (a full pipe would block it) but only the tail is kept.
const KEEP_BYTES = 8 * 1024;

export class OutputTail {
  private kept = Buffer.alloc(0);
  total = 0;

  push(chunk: Buffer): void {
    this.total += chunk.length;
    this.kept = Buffer.concat([this.kept, chunk]);
    if (this.kept.length > 2 * KEEP_BYTES) this.kept = this.kept.subarray(this.kept.length - KEEP_BYTES);
  }

  /** The last `count` non-empty lines, each cut to a readable width. */
  lines(count = 8, width = 160): string[] {
    const text = this.kept.subarray(Math.max(0, this.kept.length - KEEP_BYTES)).toString('utf8');
    return text
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .slice(-count)
      .map((line) => (line.length > width ? `${line.slice(0, width)}…` : line));
  }
}

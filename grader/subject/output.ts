// A server's output is always drained (a full pipe would block it), but only its beginning and its
// end are kept: a crash says what went wrong near the top, and where it was at the bottom.
import { shown } from './shown.ts';

const KEEP_BYTES = 8 * 1024;

/** A line the server printed, labelled with its stream, and when: ms since it was started, as the wire counts. */
export interface Printed {
  at: number;
  line: string;
}

export class OutputCapture {
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  total = 0;
  private readonly followers = new Set<(chunk: Buffer) => void>();

  /** Also hand every chunk to `follower` as it comes (the hands-on client shows it live); returns an unfollow. */
  follow(follower: (chunk: Buffer) => void): () => void {
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }

  push(chunk: Buffer): void {
    for (const follower of this.followers) follower(chunk);
    this.total += chunk.length;
    if (this.head.length < KEEP_BYTES) {
      const room = KEEP_BYTES - this.head.length;
      this.head = Buffer.concat([this.head, chunk.subarray(0, room)]);
      chunk = chunk.subarray(room);
    }
    if (chunk.length === 0) return;
    this.tail = Buffer.concat([this.tail, chunk]);
    if (this.tail.length > 2 * KEEP_BYTES) this.tail = this.tail.subarray(this.tail.length - KEEP_BYTES);
  }

  /** At most `count` non-empty lines: all of a short output; the first and last lines of a long one. */
  lines(count = 10, width = 160): string[] {
    const split = (b: Buffer) =>
      b
        .toString('utf8')
        .split(/\r?\n/)
        .filter((l) => l.trim() !== '');
    const cut = (raw: string) => {
      const l = shown(raw);
      return l.length > width ? `${l.slice(0, width)}…` : l;
    };
    const dropped = this.total > this.head.length + Math.min(this.tail.length, KEEP_BYTES);
    const head = split(this.head);
    const tail = split(this.tail.subarray(Math.max(0, this.tail.length - KEEP_BYTES)));
    // A line cut at the seam between head and tail would show twice or broken: the tail starts after it.
    const all = dropped ? [...head, '…', ...tail.slice(1)] : [...head, ...tail];
    if (all.length <= count) return all.map(cut);
    const first = Math.ceil(count / 2);
    return [...all.slice(0, first), '…', ...all.slice(all.length - (count - first - 1))].map(cut);
  }
}

// The slow reader: a client that sends a large payload and reads nothing until told to, then checks
// every byte of the reply as it streams in (it never holds the payload or the reply whole).
import type { Socket } from 'node:net';
import { upperAscii } from '../report/bytes.ts';
import { WatchedSocket } from './watched-socket.ts';
import type { Wire } from './wire.ts';

// Large writes: each takes a turn of the grader's event loop, which is busy with a crowd of clients
// beside. A write the kernel has taken only part of counts as not handed over yet: the server is
// judged to hold less, never more, than it does.
export const CHUNK = 1024 * 1024;
const SHOWN = 24;

export interface Mismatch {
  /** Offset in the reply of the first byte that differs (or that should not be there at all). */
  at: number;
  expected: Buffer;
  actual: Buffer;
}

export class BulkClient extends WatchedSocket {
  /** Bytes whose writes completed: the kernel has them, sent or queued to send. */
  handed = 0;
  /** Reply bytes read so far, each checked as it came. */
  received = 0;
  mismatch: Mismatch | null = null;
  private readonly expected: Buffer;
  private reading = false;

  constructor(
    name: string,
    socket: Socket,
    wire: Wire,
    /** The payload is this block, repeated up to `total` bytes. */
    private readonly block: Buffer,
    readonly total: number,
  ) {
    // No 'data' listener until startReading(): the socket reads a little into its own buffer, then
    // leaves the rest in the kernel, as a program that never calls recv() would.
    super(name, socket, wire);
    this.expected = upperAscii(block);
  }

  /** Reply bytes that left the kernel but sit in this socket's own buffer, unread. */
  get buffered(): number {
    return this.socket.readableLength;
  }

  /** Write the whole payload, a chunk at a time and only as fast as the kernel takes it; then FIN. */
  startSending(): void {
    void (async () => {
      for (let offset = 0; offset < this.total && !this.socket.destroyed; ) {
        const start = offset % this.block.length;
        const length = Math.min(CHUNK, this.block.length - start, this.total - offset);
        offset += length;
        const more = this.socket.write(this.block.subarray(start, start + length), (err) => {
          if (err) return;
          this.handed += length;
          this.changed();
        });
        if (!more) await drained(this.socket);
      }
      if (!this.socket.destroyed && !this.socket.writableEnded) {
        this.wire.add(this.name, 'fin-out');
        this.socket.end();
      }
    })();
  }

  /** Start reading, checking each byte against the payload's upper case. */
  startReading(): void {
    if (this.reading) return;
    this.reading = true;
    this.socket.on('data', (chunk: Buffer) => {
      this.check(chunk);
      this.received += chunk.length;
      this.changed();
    });
  }

  private check(chunk: Buffer): void {
    if (this.mismatch) return;
    for (let i = 0; i < chunk.length; ) {
      const at = this.received + i;
      if (at >= this.total) {
        this.mismatch = { at, expected: Buffer.alloc(0), actual: chunk.subarray(i, i + SHOWN) };
        return;
      }
      const start = at % this.expected.length;
      const length = Math.min(chunk.length - i, this.expected.length - start, this.total - at);
      const got = chunk.subarray(i, i + length);
      const want = this.expected.subarray(start, start + length);
      if (!got.equals(want)) {
        let k = 0;
        while (got[k] === want[k]) k++;
        const from = Math.max(0, k - 8);
        this.mismatch = {
          at: at + k,
          expected: want.subarray(from, from + SHOWN),
          actual: got.subarray(from, from + SHOWN),
        };
        return;
      }
      i += length;
    }
  }
}

/** Until the socket can take more, or is closed (by either end). */
function drained(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

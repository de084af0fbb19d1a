// One scripted client: a socket whose every event is kept as state and written to the wire story, and
// whose waits end on the event they wait for, on the server closing or resetting, or on a deadline.
import { connect as netConnect, type Socket } from 'node:net';
import { deadline, TIMED_OUT, within } from '../wait.ts';
import type { Wire } from './wire.ts';

export type ConnectResult = { ok: true; client: ScriptedClient } | { ok: false; code: string };

export type CloseSeen = 'fin' | 'rst' | 'timeout';

const STARVED_SLACK_MS = 5;
export const STARVED_CAP = 3;

export class ScriptedClient {
  received = Buffer.alloc(0);
  finReceived = false;
  resetReceived = false;
  private waiters = new Set<() => void>();

  private constructor(
    readonly name: string,
    readonly socket: Socket,
    private readonly wire: Wire,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      wire.add(name, 'recv', { bytes: chunk });
      this.changed();
    });
    socket.on('end', () => {
      this.finReceived = true;
      wire.add(name, 'fin-in');
      this.changed();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // A reset from the server shows as ECONNRESET on a read, or EPIPE on our next write.
      if (!this.resetReceived && !this.finReceived) wire.add(name, 'rst-in', { detail: err.code ?? err.message });
      this.resetReceived = true;
      this.changed();
    });
    socket.on('close', () => this.changed());
  }

  /** One connection attempt, bounded by `ms`. */
  static attempt(name: string, port: number, host: string, wire: Wire, ms: number, log = true): Promise<ConnectResult> {
    return new Promise((resolve) => {
      const socket = netConnect({ port, host, allowHalfOpen: true, noDelay: true });
      // Not a plain timer: one that fires while a completed connect waits unread would throw away a
      // connection the server has already accepted (and a one-shot server would take it as its client).
      const cancel = deadline(ms, () => {
        socket.destroy();
        resolve({ ok: false, code: 'ETIMEDOUT' });
      });
      socket.once('connect', () => {
        cancel();
        socket.removeAllListeners('error');
        if (log) wire.add(name, 'connect', { detail: { en: `${host} port ${socket.localPort}`, zh: `${host} 端口 ${socket.localPort}` } });
        resolve({ ok: true, client: new ScriptedClient(name, socket, wire) });
      });
      socket.once('error', (err: NodeJS.ErrnoException) => {
        cancel();
        socket.destroy();
        resolve({ ok: false, code: err.code ?? err.message });
      });
    });
  }

  get localPort(): number {
    return this.socket.localPort ?? 0;
  }

  /** The server can no longer send us anything. */
  get serverDone(): boolean {
    return this.finReceived || this.resetReceived || this.socket.destroyed;
  }

  send(bytes: Buffer): void {
    if (this.socket.destroyed || this.socket.writableEnded) return;
    this.wire.add(this.name, 'send', { bytes });
    this.socket.write(bytes);
  }

  /**
   * How long the server has waited for a CPU so far, in ms (see starvedMs): set by the harness where
   * the scheduler tells it. Deadlines judge the server, so they count only time it could have acted.
   */
  starved: () => number = () => 0;

  /**
   * Resolve true once `predicate` holds (checked on every socket event), or false once `ms` of the
   * server's time have passed: wall time less what the server spent waiting for a CPU, so that a
   * loaded machine can't fail a correct server. Bounded all the same, by three times `ms` of wall time.
   */
  async until(predicate: () => boolean, ms: number): Promise<boolean> {
    if (predicate()) return true;
    let wake!: () => void;
    const reached = new Promise<true>((resolve) => {
      wake = () => {
        if (predicate()) resolve(true);
      };
      this.waiters.add(wake);
    });
    try {
      const started = performance.now();
      const starvedAtStart = this.starved();
      let budget = ms;
      for (;;) {
        if ((await within(reached, budget)) !== TIMED_OUT) return true;
        const wall = performance.now() - started;
        const serverTime = wall - (this.starved() - starvedAtStart);
        // Less than a scheduler tick short: it had its chance.
        if (serverTime >= ms - STARVED_SLACK_MS || wall >= STARVED_CAP * ms) return predicate();
        budget = ms - serverTime;
      }
    } finally {
      this.waiters.delete(wake);
    }
  }

  /**
   * Collect a reply of `length` bytes starting at `from`: wait until they have all come (or the server
   * is done, or `ms` passed), then a quiet window for bytes that should not be there.
   */
  async reply(from: number, length: number, ms: number, quietMs: number): Promise<Buffer> {
    await this.until(() => this.received.length >= from + length || this.serverDone, ms);
    if (quietMs > 0 && this.received.length >= from + length && !this.serverDone) {
      await this.until(() => this.received.length > from + length || this.serverDone, quietMs);
    }
    return this.received.subarray(from);
  }

  /** Wait for any reply at all: at least one byte after `from`. */
  async anyReply(from: number, ms: number): Promise<Buffer> {
    await this.until(() => this.received.length > from || this.serverDone, ms);
    return this.received.subarray(from);
  }

  /** Send FIN: we will send nothing more, but still read. */
  halfClose(): void {
    if (this.socket.destroyed || this.socket.writableEnded) return;
    this.wire.add(this.name, 'fin-out');
    this.socket.end();
  }

  /** Wait for the server to close its side: a FIN, or a reset. */
  async serverClose(ms: number): Promise<CloseSeen> {
    await this.until(() => this.finReceived || this.resetReceived, ms);
    return this.finReceived ? 'fin' : this.resetReceived ? 'rst' : 'timeout';
  }

  /** Abort the connection: RST instead of FIN. */
  reset(): void {
    if (this.socket.destroyed) return;
    this.wire.add(this.name, 'rst-out');
    this.socket.resetAndDestroy();
  }

  /** Leave politely, as a client's close() does: FIN if not sent yet, then let go of the socket. */
  leave(): void {
    if (this.socket.destroyed) return;
    if (!this.socket.writableEnded) this.wire.add(this.name, 'fin-out');
    this.wire.add(this.name, 'close');
    this.socket.destroy(); // close(): the kernel sends FIN, as a Python client's s.close() would

  }

  private changed(): void {
    for (const wake of this.waiters) wake();
  }
}

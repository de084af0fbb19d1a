// One scripted client: a socket whose every event is kept as state and written to the wire story, and
// whose waits end on the event they wait for, on the server closing or resetting, or on a deadline.
import { connect as netConnect, type Socket } from 'node:net';
import { deadline } from '../engine/wait.ts';
import { t } from '../i18n/t.ts';
import { networkOf, type Opened } from '../subject/networks.ts';
import { WatchedSocket } from './watched-socket.ts';
import type { Wire } from './wire.ts';

export type ConnectResult = { ok: true; client: ScriptedClient } | { ok: false; code: string };

/** One TCP connect, bounded by `ms`: the socket (half-open allowed, no Nagle delay), or the error's code. */
export function openSocket(port: number, host: string, ms: number): Promise<Opened> {
  // A sandboxed server's loopback is its own: a helper in there connects (networks.ts).
  const network = networkOf(port);
  if (network) return network.dial(port, host, ms);
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
      resolve({ ok: true, socket });
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      cancel();
      socket.destroy();
      resolve({ ok: false, code: err.code ?? err.message });
    });
  });
}

export type CloseSeen = 'fin' | 'rst' | 'timeout';

export class ScriptedClient extends WatchedSocket {
  received = Buffer.alloc(0);

  private constructor(name: string, socket: Socket, wire: Wire) {
    super(name, socket, wire);
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      wire.add(name, 'recv', { bytes: chunk });
      this.changed();
    });
  }

  /** One connection attempt, bounded by `ms`. */
  static async attempt(
    name: string,
    port: number,
    host: string,
    wire: Wire,
    ms: number,
    log = true,
  ): Promise<ConnectResult> {
    const opened = await openSocket(port, host, ms);
    if (!opened.ok) return opened;
    const { socket } = opened;
    if (log)
      wire.add(name, 'connect', {
        detail: t('wire.connected-from', { host, localPort: String(socket.localPort) }),
      });
    return { ok: true, client: new ScriptedClient(name, socket, wire) };
  }

  send(bytes: Buffer): void {
    if (this.socket.destroyed || this.socket.writableEnded) return;
    this.wire.add(this.name, 'send', { bytes });
    this.socket.write(bytes);
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
}

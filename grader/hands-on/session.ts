// One TCP connection of the hands-on client. Everything that comes from the server is appended to an
// event log with its time, so the client can say what arrived during a command and, separately, what
// arrived while the learner was typing. Every wait ends on an event or a deadline.
import type { Socket } from 'node:net';
import { openSocket } from '../client/scripted-client.ts';
import { TIMED_OUT, within } from '../engine/wait.ts';

export type ConnEvent =
  | { kind: 'data'; bytes: Buffer; at: number }
  /** The server's FIN: it will send nothing more. */
  | { kind: 'fin'; at: number }
  /** The connection broke: a reset from the server (ECONNRESET on a read, EPIPE on a write), or worse. */
  | { kind: 'reset'; code: string; at: number };

export type Opened = { ok: true; connection: Connection } | { ok: false; code: string };

/** The measurement windows of a reply, scaled like the grader's deadlines (SOCKET_LAB_TIMEOUT_SCALE). */
export interface Windows {
  /** A reply is over once no byte has come for this long: TCP is a stream and never says "done". */
  quietMs: number;
  /** The longest a reply, or the server's FIN after ours, is waited for. */
  replyMs: number;
  /** One connection attempt. */
  connectMs: number;
  /** After a refused connection, how long the server's exit may take to be seen (it is often dying). */
  exitGraceMs: number;
}

export function windows(scale: number): Windows {
  const ms = (base: number) => Math.round(base * scale);
  return { quietMs: ms(150), replyMs: ms(2000), connectMs: ms(2000), exitGraceMs: ms(500) };
}

export class Connection {
  readonly events: ConnEvent[] = [];
  finSent = false;
  resetSent = false;
  /** Called after every event, for what arrives while no command is waiting for it. */
  onEvent: (() => void) | null = null;
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly socket: Socket,
    readonly host: string,
    readonly port: number,
  ) {
    socket.on('data', (bytes: Buffer) => this.add({ kind: 'data', bytes, at: performance.now() }));
    socket.on('end', () => this.add({ kind: 'fin', at: performance.now() }));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (!this.broken) this.add({ kind: 'reset', code: err.code ?? err.message, at: performance.now() });
    });
    socket.on('close', () => this.wake());
  }

  /** One connection attempt, bounded by `ms`, as the grader's clients make it (see openSocket). */
  static async open(host: string, port: number, ms: number): Promise<Opened> {
    const opened = await openSocket(port, host, ms);
    return opened.ok ? { ok: true, connection: new Connection(opened.socket, host, port) } : opened;
  }

  get localPort(): number {
    return this.socket.localPort ?? 0;
  }

  get finReceived(): boolean {
    return this.events.some((e) => e.kind === 'fin');
  }

  /** The connection is gone: reset by either side, or closed by us. */
  get broken(): boolean {
    return this.resetSent || this.events.some((e) => e.kind === 'reset');
  }

  /** Why nothing can be sent now, or null when a send can go out. */
  get cannotSend(): 'fin-sent' | 'closed' | null {
    if (this.broken) return 'closed';
    if (this.finSent) return 'fin-sent';
    if (this.socket.destroyed || this.socket.writableEnded) return 'closed';
    return null;
  }

  /** Write the bytes; returns when they were handed to the kernel (the start of every timing). */
  send(bytes: Buffer): number {
    const at = performance.now();
    this.socket.write(bytes);
    return at;
  }

  /** FIN: we will send nothing more, and keep reading. */
  halfClose(): void {
    this.finSent = true;
    this.socket.end();
  }

  /** RST instead of FIN: the connection is dropped at once, both ways. */
  reset(): void {
    this.resetSent = true;
    this.socket.resetAndDestroy();
  }

  /** Let go, as a client's close() does: the kernel sends FIN if we have not yet. */
  close(): void {
    this.onEvent = null;
    if (!this.socket.destroyed) this.socket.destroy();
  }

  /**
   * What arrives after event `from`: bytes until none has come for `quietMs` (or `untilClosed`: until
   * the server's FIN), ending early on a FIN or a reset, and at the latest after `maxMs`. (After an
   * earlier FIN only a reset can still come: that is worth the wait.)
   */
  async collect(from: number, w: { quietMs: number; maxMs: number; untilClosed?: boolean }): Promise<ConnEvent[]> {
    const deadline = performance.now() + w.maxMs;
    for (;;) {
      if (this.broken || this.socket.destroyed || this.events.slice(from).some((e) => e.kind === 'fin')) break;
      const lastData = this.events.slice(from).findLast((e) => e.kind === 'data');
      const end = lastData && !w.untilClosed ? Math.min(deadline, lastData.at + w.quietMs) : deadline;
      const left = end - performance.now();
      if (left <= 0) break;
      const seen = this.events.length;
      await this.until(() => this.events.length > seen || this.socket.destroyed, left);
    }
    return this.events.slice(from);
  }

  private async until(predicate: () => boolean, ms: number): Promise<void> {
    if (predicate()) return;
    let wake!: () => void;
    const reached = new Promise<void>((resolve) => {
      wake = () => {
        if (predicate()) resolve();
      };
      this.waiters.add(wake);
    });
    try {
      if ((await within(reached, ms)) === TIMED_OUT) return;
    } finally {
      this.waiters.delete(wake);
    }
  }

  private add(event: ConnEvent): void {
    this.events.push(event);
    this.wake();
    this.onEvent?.();
  }

  private wake(): void {
    for (const waiter of this.waiters) waiter();
  }
}

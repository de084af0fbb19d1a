// A client's socket as the grader watches it: the server's FIN or reset is kept as state, told on the
// wire, and wakes every wait.
import type { Socket } from 'node:net';
import { EventWaits } from './waits.ts';
import type { Wire } from './wire.ts';

export class WatchedSocket extends EventWaits {
  finReceived = false;
  resetReceived = false;

  constructor(
    readonly name: string,
    readonly socket: Socket,
    protected readonly wire: Wire,
  ) {
    super();
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

  get localPort(): number {
    return this.socket.localPort ?? 0;
  }

  /** The server can no longer send us anything. */
  get serverDone(): boolean {
    return this.finReceived || this.resetReceived || this.socket.destroyed;
  }
}

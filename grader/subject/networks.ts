// Where a server's port is reached. Most servers share the machine's loopback. A sandboxed server is in
// its grade's network (sandbox.ts), which the grader can't enter: a helper inside it (dial-helper.mjs)
// connects for the grader and hands the connected socket over. That socket stays in the sandbox's
// network, so the server sees an ordinary loopback client, and the kernel's TCP tables that show it are
// that network's (/proc/<pid of a process inside>/net). Ports are unique among a grader's servers, so
// the port names the network.
import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { deadline, TIMED_OUT, within } from '../engine/wait.ts';

export type Opened = { ok: true; socket: Socket } | { ok: false; code: string };

export interface Network {
  /** Where its TCP tables are: /proc/<pid>/net/tcp, of a process inside it. */
  readonly procRoot: string;
  dial(port: number, host: string, ms: number): Promise<Opened>;
}

const byPort = new Map<number, Network>();

/** The network a server on `port` is in, when it is not the machine's. */
export const networkOf = (port: number): Network | undefined => byPort.get(port);

/** The /proc folder whose net/ shows the TCP tables a server on `port` is in. */
export const procRootOf = (port: number): string => byPort.get(port)?.procRoot ?? '/proc';

/** The server on `port` is reached in `network`, until the returned function is called. */
export function joinNetwork(port: number, network: Network): () => void {
  byPort.set(port, network);
  return () => {
    if (byPort.get(port) === network) byPort.delete(port);
  };
}

type Reply = { id: number; ok: boolean; code?: string } | { ready: true };

/**
 * Connections opened by the helper on `child`'s IPC channel (see dial-helper.mjs for the messages). The
 * sandbox is open before its helper is up (servers may start meanwhile): a dial waits for it.
 */
export class HelperDialer {
  private readonly waiting = new Map<number, (opened: Opened) => void>();
  private next = 1;
  private readonly up: Promise<boolean>;
  private isUp: (up: boolean) => void = () => {};

  constructor(private readonly child: ChildProcess) {
    this.up = new Promise((resolve) => {
      this.isUp = resolve;
    });
    child.on('message', (reply: Reply, handle?: Socket) => {
      if ('ready' in reply) {
        this.isUp(true);
        return;
      }
      const done = this.waiting.get(reply.id);
      if (!done) {
        handle?.destroy();
        return;
      }
      this.waiting.delete(reply.id);
      if (reply.ok && handle) {
        // As a socket of our own connect would be (see openSocket): half-open allowed, no Nagle delay.
        handle.allowHalfOpen = true;
        handle.setNoDelay(true);
        done({ ok: true, socket: handle });
      } else done({ ok: false, code: reply.code ?? 'ECONNREFUSED' });
    });
    // The helper ends with the sandbox: no one is listening in there any more. A message Node sends it
    // on its own (the acknowledgement of a socket received) then fails on the closed channel, harmlessly.
    child.once('disconnect', () => this.close());
    child.once('exit', () => this.close());
    child.on('error', () => {});
    child.channel?.unref();
  }

  /** Bounded by `ms` while the helper starts, then by `ms` again for the connection itself. */
  async dial(port: number, host: string, ms: number): Promise<Opened> {
    const up = await within(this.up, ms);
    if (up === TIMED_OUT) return { ok: false, code: 'ETIMEDOUT' };
    if (!up) return { ok: false, code: 'ECONNREFUSED' };
    return new Promise((resolve) => {
      const id = this.next++;
      // The helper answers every id once: with the socket when its connect won the race with our
      // deadline (a connection the server may already have accepted is never thrown away), else with
      // ETIMEDOUT.
      const cancel = deadline(ms, () => this.send({ cancel: id }));
      this.waiting.set(id, (opened) => {
        cancel();
        resolve(opened);
      });
      this.send({ id, port, host });
    });
  }

  /** Every connection still waiting is refused, and every one asked for from now on: the sandbox is gone. */
  close(): void {
    this.isUp(false);
    for (const done of this.waiting.values()) done({ ok: false, code: 'ECONNREFUSED' });
    this.waiting.clear();
  }

  private send(message: object): void {
    if (!this.child.connected) {
      this.close();
      return;
    }
    this.child.send(message, (err) => err && this.close());
  }
}

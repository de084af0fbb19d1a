// One property's world: a fresh server, the clients the property scripts, and the wire story of both.
// A check calls these helpers and throws a Failure the moment the server does something wrong.
import type { Socket } from 'node:net';
import { BulkClient } from '../client/bulk-client.ts';
import { type CloseSeen, openSocket, ScriptedClient } from '../client/scripted-client.ts';
import type { WatchedSocket } from '../client/watched-socket.ts';
import { Wire } from '../client/wire.ts';
import { type Protocol, STREAM } from '../course/protocol.ts';
import type { Traffic } from '../course/traffic.ts';
import type { Hint } from '../i18n/hint.ts';
import { say } from '../i18n/messages.ts';
import { t } from '../i18n/t.ts';
import type { Text } from '../i18n/text.ts';
import { explainStartupError } from '../subject/friendly-errors.ts';
import { type ListenBacklog, listenBacklog } from '../subject/listen-backlog.ts';
import { residentBytes } from '../subject/memory.ts';
import { HOSTS, probeListening } from '../subject/probe.ts';
import type { ExitInfo, SubjectProcess } from '../subject/process.ts';
import {
  anyWorking,
  backlogWaiting,
  groupMembers,
  groupUsage,
  HAS_PROC,
  inFlight,
  ranMs,
  serverEnd,
  socketInodes,
  starvationLedger,
} from '../subject/procfs.ts';
import type { Limits } from './limits.ts';
import { serverClock, serverDeadline } from './server-clock.ts';
import { pause, TIMED_OUT, within } from './wait.ts';

export interface FailureDetails {
  expected?: Buffer;
  actual?: Buffer;
  /** The server never got as far as accepting a client: every property fails the same way. */
  notListening?: boolean;
  /** A first hint for this very situation, in place of the property's own first hint. */
  hint?: Hint;
  /** It failed because the server is no longer there (it exited): the runner may say so as the hint. */
  serverGone?: boolean;
  /** The server closed or reset this client's connection instead of answering: its words say so. */
  serverClosed?: boolean;
}

export class Failure extends Error {
  constructor(
    readonly text: Text,
    readonly details: FailureDetails = {},
  ) {
    super(text.en);
  }
}

/** A property that can't be measured on this platform. */
export class Skip extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

const PROC_POLL_MS = 5;
const MEMBERS_FRESH_MS = 50;
/**
 * A SYN that a full listen backlog dropped is sent again 1 s later, then 3 s after the first (Linux). A
 * client of a crowd waits through both retries: whether a backlog is big enough for a crowd is judged
 * from the backlog itself (many-clients), never by which side of a second a retry lands (that still
 * decides where the backlog can't be read: off Linux, or without `ss`).
 */
const SYN_RETRIES_MS = 3000;
const STARVED_FRESH_MS = 5;
const EXIT_POLL_MS = 50;
/** How long a silent server's CPU use is watched, and the share of it on a CPU that means it spins. */
const SPIN_WINDOW_MS = 100;
const SPIN_SHARE = 0.5;

/** The grader's own threads, read once for every server's clock that asks within STARVED_FRESH_MS. */
const graderStarvation = starvationLedger();
let graderStarved = { at: Number.NEGATIVE_INFINITY, ms: 0 };

function graderStarvedMs(now: number): number {
  if (now - graderStarved.at > STARVED_FRESH_MS) graderStarved = { at: now, ms: graderStarvation.read([process.pid]) };
  return graderStarved.ms;
}

export class Harness {
  readonly wire: Wire;
  private readonly sockets: Socket[] = [];
  private readonly clients: WatchedSocket[] = [];

  constructor(
    readonly subject: SubjectProcess,
    readonly limits: Limits,
    /** What the clients send, drawn from the grade's seed. */
    readonly traffic: Traffic,
    /** How a message goes on the wire at this stage: as it is, or framed. */
    readonly protocol: Protocol = STREAM,
    /** Where the server listens, when an earlier check on it found that out: the first client is no probe. */
    private host: string | null = null,
  ) {
    this.wire = new Wire(subject.startedAt, protocol.framed);
    void subject.exited.then((info) => this.wire.add('server', 'exit', { detail: say.exitStatus(info) }));
  }

  get port(): number {
    return this.subject.port;
  }

  /** Connect a client. The first one is the probe: it retries until the server listens. */
  async connect(name: string): Promise<ScriptedClient> {
    if (this.host === null) return this.probe(name);
    return this.connectOn(name, this.wire);
  }

  /**
   * Connect one client of a crowd, its events told on a wire of its own: a story of 200 clients would
   * drown the one worth telling (`Wire.merge` adds a client's events to the story when they matter).
   */
  async connectQuietly(name: string, wire: Wire): Promise<ScriptedClient> {
    if (this.host === null) throw new Error('connect a first client before a crowd: it finds the server');
    return this.connectOn(name, wire, this.limits.replyMs + SYN_RETRIES_MS);
  }

  private async connectOn(name: string, wire: Wire, ms = this.limits.replyMs): Promise<ScriptedClient> {
    const result = await ScriptedClient.attempt(name, this.port, this.host ?? HOSTS[0], wire, ms);
    if (!result.ok) throw await this.connectFailure(name, result.code, wire);
    return this.adopt(result.client);
  }

  /** A client that sends `total` bytes of `block`, repeated, and reads only when told to. */
  async connectBulk(name: string, block: Buffer, total: number): Promise<BulkClient> {
    if (this.host === null) throw new Error('connect a first client before a bulk one: it finds the server');
    const opened = await openSocket(this.port, this.host, this.limits.replyMs);
    if (!opened.ok) throw await this.connectFailure(name, opened.code, this.wire);
    const { socket } = opened;
    this.wire.add(name, 'connect', {
      detail: t('wire.connected-from', { host: this.host, localPort: String(socket.localPort) }),
    });
    return this.adopt(new BulkClient(name, socket, this.wire, block, total));
  }

  private async connectFailure(name: string, code: string, wire: Wire): Promise<Failure> {
    wire.add(name, 'refused', { detail: code });
    // A refusal often means the server is dying: give its exit a moment to arrive, so we can say so.
    if (!this.subject.exitInfo) await within(this.subject.exited, this.limits.closeMs / 4);
    const exit = this.subject.exitInfo;
    // A server that is gone gets its hint from the runner (some properties tell that story themselves).
    // A handshake that never completes with the server still there: its listen backlog is full.
    const hint = exit
      ? undefined
      : code === 'ECONNREFUSED'
        ? say.stoppedListeningHint()
        : code === 'ETIMEDOUT'
          ? say.backlogFullHint()
          : undefined;
    return new Failure(say.connectFailed(name, code, exit, this.port), {
      ...(hint ? { hint } : {}),
      serverGone: Boolean(exit),
    });
  }

  /** Keep track of a client, and give it the server's clock for its deadlines. */
  private adopt<C extends WatchedSocket>(client: C): C {
    if (HAS_PROC) client.starved = (fresh) => this.starvedMs(fresh);
    this.sockets.push(client.socket);
    this.clients.push(client);
    return client;
  }

  /**
   * How long the server's threads, and the grader's own, have waited for a CPU, in ms (Linux; 0
   * elsewhere). The grader's counts too: a starved grader is late with its other clients' moves (a
   * half-close a queued client waits behind), and the server then sits idle through no fault of its own.
   * Overlaps count twice, which only errs toward patience; the cap on extensions bounds it.
   */
  starvedMs(fresh = true): number {
    if (!HAS_PROC) return 0;
    // A server of 200 threads is 200 reads: 200 clients starting their waits at once share one count,
    // and a wait only starting takes the last count there is (see Starved in server-clock.ts).
    const now = performance.now();
    if (!this.cachedStarved || (fresh && now - this.cachedStarved.at > STARVED_FRESH_MS)) {
      this.cachedStarved = { at: now, ms: this.starvation.read(this.members()) + graderStarvedMs(now) };
    }
    return this.cachedStarved.ms;
  }

  private cachedStarved: { at: number; ms: number } | null = null;
  private readonly starvation = starvationLedger();

  /** Called once the probe gets through: the server listens, `ms` after it was spawned. */
  onListening: (ms: number) => void = () => {};

  private async probe(name: string): Promise<ScriptedClient> {
    const end = await probeListening(
      this.subject,
      this.limits,
      async (host) => {
        const result = await ScriptedClient.attempt(name, this.port, host, this.wire, this.limits.replyMs);
        return result.ok ? result.client : null;
      },
      { elsewhere: true },
    );
    switch (end.kind) {
      case 'connected':
        this.host = end.host;
        this.onListening(Math.round(performance.now() - this.subject.startedAt));
        return this.adopt(end.connection);
      case 'exited': {
        const taken = takenPort(this.subject.stderr.lines(20).join('\n'));
        if (taken !== null && taken !== this.port) {
          throw new Failure(say.triedOtherPort(taken, this.port, this.subject.runtime), {
            notListening: true,
            hint: say.otherPortHint(),
          });
        }
        const exited = say.exitedBeforeListening(end.exit);
        const why = explainStartupError(this.subject.stderr.lines(40).join('\n'));
        throw new Failure(why ? t('say.exited-and-why', { exited, why }) : exited, {
          notListening: true,
        });
      }
      case 'elsewhere':
        throw new Failure(say.wrongPort(end.listeners, this.port, this.subject.runtime), {
          notListening: true,
          hint: say.otherPortHint(),
        });
      case 'never': {
        const { verdict } = end;
        throw new Failure(
          verdict.kind === 'busy'
            ? say.neverListened(this.limits.startMs, verdict.ms, verdict.cpuMs, this.port)
            : say.asleepNotListening(verdict.ms, this.port),
          { notListening: true },
        );
      }
    }
  }

  /**
   * Send `message` and collect the reply of the expected length, then wait a quiet window for bytes
   * that should not be there (unless `quiet` is false: the caller looks for them itself).
   */
  async exchange(client: ScriptedClient, message: Buffer, expectedLength: number, quiet = true): Promise<Buffer> {
    const from = client.received.length;
    client.send(message);
    return client.reply(from, expectedLength, this.limits.replyMs, quiet ? this.limits.quietMs : 0);
  }

  /** Say `message` in the stage's protocol: its bytes as they are, or framed. */
  send(client: ScriptedClient, message: Buffer): void {
    client.send(this.protocol.request(message));
  }

  /** Send `message` and require some reply, any reply: a content bug is not this property's business. */
  async answered(client: ScriptedClient, message: Buffer, waitMs = this.limits.replyMs): Promise<Buffer> {
    return this.answeredInTurn(client, message, { progress: () => 0, over: () => true }, waitMs);
  }

  /**
   * As `answered`, for a client among many: while `progress` (what the others have done) moves, the
   * server is busy with them, not stuck, so the wait goes on, window after window, until `over` says
   * the turn has ended (see `serverDeadline`). A server that serves one client at a time gets to every
   * client in the end; one that serves none fails in one window.
   */
  async answeredInTurn(
    client: ScriptedClient,
    message: Buffer,
    turn: { progress: () => number; over: () => boolean },
    waitMs = this.limits.replyMs,
  ): Promise<Buffer> {
    const from = client.received.length;
    this.send(client, message);
    let seen = turn.progress();
    let reply = await client.anyReply(from, waitMs);
    while (reply.length === 0 && !client.serverDone && turn.progress() !== seen && !turn.over()) {
      seen = turn.progress();
      reply = await client.anyReply(from, waitMs);
    }
    if (reply.length === 0) {
      const exit = this.subject.exitInfo;
      const closed = !exit && client.serverDone;
      // It hung up on the message: the protocol may know why (a length read in the wrong byte order).
      const hungUp = closed
        ? this.protocol.hangUpHint?.(this.protocol.request(message), this.subject.runtime === 'python')
        : undefined;
      // Nothing at all came back: from a server running flat out, a loop that never waits is the cause.
      const silent = !exit && client.received.length === 0;
      const hint = hungUp ?? (silent ? ((await this.spinning()) ? say.spinningHint() : say.noReplyHint()) : undefined);
      throw new Failure(say.noReply(client, waitMs, exit), {
        ...(hint ? { hint } : {}),
        serverGone: Boolean(exit),
        serverClosed: closed,
      });
    }
    return reply;
  }

  /**
   * Is the server running flat out (Linux): on a CPU for most of a short window of its own clock, as a
   * loop that never waits is (one spinning on a read that returns nothing)? An idle server sleeps.
   */
  async spinning(): Promise<boolean> {
    if (!HAS_PROC) return false;
    const ran = ranMs(this.members());
    const clock = serverClock((fresh) => this.starvedMs(fresh));
    await pause(SPIN_WINDOW_MS);
    const ms = clock();
    return ms > 0 && ranMs(this.members()) - ran >= SPIN_SHARE * ms;
  }

  /** Leave as a polite client does: FIN, wait (bounded) for the server's FIN, then close. */
  async leavePolitely(client: ScriptedClient): Promise<CloseSeen> {
    client.halfClose();
    const seen = await client.serverClose(this.limits.closeMs);
    if (seen === 'timeout') this.note(say.noFinYet(client.name, this.limits.closeMs));
    client.leave();
    return seen;
  }

  /** Leave politely, then wait (Linux) until the server has closed its socket for this client. */
  async leavePoliteAndSettle(client: ScriptedClient): Promise<void> {
    const inode = await this.serverEndOf(client);
    // No FIN came: the server is not done with this client, and waiting longer won't make it so.
    if ((await this.leavePolitely(client)) !== 'timeout' && inode !== null) await this.released(inode);
  }

  /**
   * Reset the connection, then wait until the server has let go of its end (Linux: /proc), so that the
   * next client meets a server that has finished with this one: the order of events is then the same on
   * every run, however the server's event loop happens to batch them.
   */
  async resetAndSettle(client: ScriptedClient, { waitForAccept = true } = {}): Promise<void> {
    const inode = await this.serverEndOf(client, waitForAccept ? this.limits.closeMs : 0);
    client.reset();
    if (inode !== null) await this.released(inode);
  }

  /**
   * Reset a client that waits in line behind another, once the server's side has accepted it (Node
   * accepts at once; a blocking server's kernel queues it) and the server has come back to rest, so
   * the reset meets a socket the server is already watching. Node starts watching a new socket only when
   * its event loop turns after the accept: reset any sooner and, on a starved machine, the reset lands
   * in the same turn as what the grader does next, and is read after it.
   */
  async resetWaiting(client: ScriptedClient): Promise<void> {
    if ((await this.serverEndOf(client)) !== null) await this.atRest();
    client.reset();
  }

  /**
   * Wait (bounded, on the server's clock) until the server has read all this client has sent: none of
   * it left in either end's kernel queue (Linux). So the next bytes reach it in a read of their own.
   * Elsewhere a short pause, and null: there is no telling.
   */
  async readAll(client: WatchedSocket, ms = this.limits.closeMs): Promise<boolean | null> {
    if (!HAS_PROC) {
      await pause(PROC_POLL_MS);
      return null;
    }
    return this.pollUntil(async () => {
      const flight = await this.inFlight(client);
      return flight === null || flight.toServer === 0;
    }, ms);
  }

  /**
   * Wait (bounded) until the server has accepted this client: its socket is held by a file of the
   * server's (Linux). True once it is, false if it never was in time, null where /proc can't tell.
   */
  async accepted(client: ScriptedClient): Promise<boolean | null> {
    return HAS_PROC ? (await this.serverEndOf(client)) !== null : null;
  }

  /**
   * Wait (bounded, on the server's clock) until the server has taken every waiting connection from its
   * listen backlog. Returns how many still wait (0 once all are taken), or null where /proc can't tell.
   */
  async backlogTaken(): Promise<number | null> {
    let waiting = await backlogWaiting(this.port);
    if (waiting === null) return null;
    await this.pollUntil(async () => {
      waiting = (await backlogWaiting(this.port)) ?? 0;
      return waiting === 0;
    }, this.limits.closeMs);
    return waiting;
  }

  /** How many connections the server's listening socket queues for accept() (Linux), or null. */
  listenBacklog(): Promise<ListenBacklog | null> {
    return listenBacklog(this.port);
  }

  /** Bytes the kernel holds in flight for a client's connection, both ways (Linux), or null. */
  inFlight(client: WatchedSocket): ReturnType<typeof inFlight> {
    return inFlight(this.port, client.localPort);
  }

  /**
   * Resident memory of the server's whole process group, in bytes (Linux), or null. `maxAgeMs`: a reading
   * that old will do (a crowd's clients, ending in the same few ms, share one walk of the server's tree).
   */
  resident(maxAgeMs = 0): number | null {
    const now = performance.now();
    if (this.lastResident && now - this.lastResident.at <= maxAgeMs) return this.lastResident.bytes;
    const bytes = residentBytes(this.subject.pid);
    this.lastResident = { at: now, bytes };
    return bytes;
  }

  private lastResident: { at: number; bytes: number | null } | null = null;

  /**
   * The inode of the server's socket for this client, once the server has accepted it. A connection
   * still in the backlog has none yet: wait for the accept (bounded), or a reset would race it.
   */
  private async serverEndOf(client: ScriptedClient, acceptWaitMs = this.limits.closeMs): Promise<number | null> {
    if (!HAS_PROC) return null;
    const deadline = performance.now() + acceptWaitMs;
    for (;;) {
      const end = await serverEnd(this.port, client.localPort);
      if (end.state === 'accepted') return end.inode;
      // Gone, or never accepted in time: the server is stuck elsewhere, and the backlog keeps the order.
      if (end.state === 'gone' || performance.now() >= deadline) return null;
      await pause(PROC_POLL_MS);
    }
  }

  /**
   * Wait (bounded, on the server's clock) until the server is at rest (Linux): no thread runnable or on
   * the disk, and none ran between two looks. A server at rest has finished what it was given so far.
   */
  private atRest(): Promise<boolean> {
    let ran: number | undefined;
    return this.pollUntil(() => {
      const members = this.members();
      const now = ranMs(members);
      const still = now === ran && anyWorking(members) === false;
      ran = now;
      return still;
    }, this.limits.closeMs);
  }

  private released(inode: number): Promise<boolean> {
    return this.pollUntil(() => !socketInodes(this.members()).has(inode), this.limits.closeMs);
  }

  /**
   * Wait for the server's process to exit by itself. The deadline runs from its last sign of life: a
   * server still flushing megabytes of output into our pipe, or still working on a loaded machine, is
   * busy, not hung. Bounded all the same, by ten deadlines.
   */
  async exit(): Promise<ExitInfo | typeof TIMED_OUT> {
    // Idle is judged on the server's clock: a starved grader drains a flooding server's output late,
    // and the server, blocked on its full pipe meanwhile, is waiting for us, not idle.
    const clock = serverClock((fresh) => this.starvedMs(fresh));
    let looked = clock();
    let idle = 0;
    let printed = this.subject.stdout.total + this.subject.stderr.total;
    let cpu = HAS_PROC ? groupUsage(this.subject.pid).cpuMs : 0;
    for (;;) {
      const exit = await within(this.subject.exited, EXIT_POLL_MS);
      if (exit !== TIMED_OUT) return exit;
      const usage = HAS_PROC ? groupUsage(this.subject.pid) : null;
      if (usage?.members.length === 0) {
        // Every process of the group has exited: not idle, only not reaped yet (the grader's event loop
        // was busy when it ended). Its exit status is on its way.
        const reaped = await within(this.subject.exited, this.limits.exitMs);
        if (reaped !== TIMED_OUT) return reaped;
      }
      const now = clock();
      // Idle is counted only as far as the grader was there to see it: a look that comes late (its
      // event loop tied up by another check, as when a grade beside this one moves 64 MiB) counts at
      // most two polls. What the server did between two looks far apart was not seen.
      const seen = Math.min(now - looked, 2 * EXIT_POLL_MS);
      looked = now;
      const total = this.subject.stdout.total + this.subject.stderr.total;
      // Work between two looks counts too (its CPU time grew), not only a thread caught running.
      const worked =
        total !== printed || (usage !== null && usage.cpuMs > cpu) || (HAS_PROC && anyWorking(this.members()) === true);
      idle = worked ? 0 : idle + seen;
      printed = total;
      cpu = usage?.cpuMs ?? 0;
      if (idle >= this.limits.exitMs || now >= 10 * this.limits.exitMs) return TIMED_OUT;
    }
  }

  /** Sockets the server's processes hold (Linux), or null where that can't be seen. */
  socketCount(): number | null {
    return HAS_PROC ? socketInodes(this.members()).size : null;
  }

  /**
   * The server's live processes. Finding them takes a pass over all of /proc, which the polls of every
   * server of the grade share for a few milliseconds: a server's processes hardly change that fast, and
   * the grader's own event loop (serving every other check's sockets) stays free.
   */
  members(): number[] {
    return groupMembers(this.subject.pid, MEMBERS_FRESH_MS);
  }

  /**
   * Poll /proc until `predicate` holds, or `ms` of the server's time have passed: like a client's wait,
   * wall time less what the server (and the grader) spent waiting for a CPU, at most STARVED_CAP × `ms`
   * of wall time. A server closing 50 sockets on a starved machine has had no chance to do it yet.
   */
  async pollUntil(predicate: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
    const passed = this.serverDeadline(ms);
    // Most of what is polled for comes within a millisecond or two (a server reading the byte just
    // sent): look again soon, then every PROC_POLL_MS. split-header waits so for every byte.
    let every = 1;
    while (!(await predicate())) {
      if (passed()) return predicate();
      await pause(every);
      every = Math.min(PROC_POLL_MS, every * 2);
    }
    return true;
  }

  /**
   * A deadline `ms` away on the server's clock, as every wait has: it has passed once `ms` of time the
   * server could have used have gone by (wall time less what it and the grader spent waiting for a CPU),
   * or STARVED_CAP × `ms` of wall time.
   */
  serverDeadline(ms: number): () => boolean {
    return serverDeadline(ms, (fresh) => this.starvedMs(fresh));
  }

  note(text: Text): void {
    this.wire.add('grader', 'note', { detail: text });
  }

  /** Let go of every client socket; the server itself is stopped by the runner. */
  closeClients(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  /** Where the server was found listening (null before the first client got through). */
  get listeningHost(): string | null {
    return this.host;
  }

  /**
   * After a check that passed, before its server serves the next one: every client still connected
   * leaves politely (a FIN, nothing told on the wire: the story ended at the verdict), and the server
   * must close each one within a close window of its clock. True when it did and still runs: it is back
   * to waiting for clients, as a fresh server is.
   */
  async leaveIdle(): Promise<boolean> {
    const open = this.clients.filter((client) => !client.serverDone);
    for (const client of open) client.socket.end();
    const closed = await Promise.all(open.map((client) => client.until(() => client.serverDone, this.limits.closeMs)));
    this.closeClients();
    return closed.every(Boolean) && this.subject.exitInfo === null;
  }
}

/** The port of an "address in use" error, when the message names one (Node's does: ":::8888"). */
export function takenPort(stderr: string): number | null {
  const match = /EADDRINUSE[^\n]*?:(\d+)\b/.exec(stderr);
  return match ? Number(match[1]) : null;
}

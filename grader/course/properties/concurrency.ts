// Stage 4's promises: every client at once, none held up by another, each served at the pace it reads.

import type { ScriptedClient } from '../../client/scripted-client.ts';
import { Wire } from '../../client/wire.ts';
import { Failure, Skip } from '../../engine/harness.ts';
import { mapPool } from '../../engine/pool.ts';
import { type Hint, hint } from '../../i18n/hint.ts';
import { say } from '../../i18n/messages.ts';
import { joined, t } from '../../i18n/t.ts';
import type { Text } from '../../i18n/text.ts';
import { upperAscii } from '../../report/bytes.ts';
import { HAS_PROC } from '../../subject/procfs.ts';
import { hello } from './connection-loop.ts';
import type { Property } from './property.ts';

const MIB = 1024 * 1024;
const mib = (bytes: number) => (bytes / MIB).toFixed(1);

/** Rethrow a client's failure in the property's own words (and hint), unless the server is gone: the runner says so. */
function reword(err: unknown, text: Text, lead?: Hint): never {
  // A server that hung up on the client, or is gone, is told as it happened, not reworded as a silence.
  if (!(err instanceof Failure) || err.details.serverGone || err.details.serverClosed) throw err;
  throw new Failure(text, lead ? { hint: lead } : {});
}

const IDLE_FORGOTTEN_HINT = hint('idle-forgotten');

export const idleClientNoBlock: Property = {
  id: 'idle-client-no-block',
  title: t('idle-client-no-block.title'),
  hints: [hint('idle-client-no-block.1'), hint('idle-client-no-block.2')],
  async check(h) {
    const a = await h.connect('A');
    // A must be the server's client before B comes: a server serving one at a time then sits in A's read.
    await h.accepted(a);
    h.note(t('idle-client-no-block.note'));
    const b = await h.connect('B');
    try {
      await h.answered(b, hello('B'));
    } catch (err) {
      reword(err, t('idle-client-no-block.check.1', { replyMs: h.limits.replyMs }));
    }
    // A was only quiet, not gone: it is served too.
    try {
      await h.answered(a, hello('A'));
    } catch (err) {
      reword(err, t('idle-client-no-block.check.2', { replyMs: h.limits.replyMs }), IDLE_FORGOTTEN_HINT);
    }
  },
};

const CROWD = 200;
const ROUNDS = 5;
/** Clients connect this many at a time, each wave taken from the backlog before the next: Python's default backlog is 128. */
const WAVE = 50;

const CROSSED_HINT = hint('crossed');

/** The "#n, round r" of every crowd message a reply answers, lower-cased. */
function namesIn(reply: Buffer): string[] {
  return [...reply.toString('latin1').matchAll(/#(\d+), round (\d+)/gi)].map((m) => `#${m[1]}, round ${m[2]}`);
}

/** "#2, #3, #4, …, #200" (in Chinese with 、): the first few and the last. */
function names(clients: readonly { name: string }[]): Text {
  const shown = clients.slice(0, 3).map((c) => c.name);
  if (clients.length > 4) shown.push('…');
  if (clients.length > 3) shown.push(clients[clients.length - 1]?.name ?? '');
  return joined(shown, 'sep.list');
}

export const manyClients: Property = {
  id: 'many-clients',
  ownServer: true,
  title: t('many-clients.title', { crowd: CROWD, rounds: ROUNDS }),
  weight: 450,
  hints: [hint('many-clients.1', { crowd: CROWD }), hint('many-clients.2')],
  async check(h) {
    const wires = new Map<ScriptedClient, Wire>();
    const clients: ScriptedClient[] = [await h.connect('#1')];
    // A wave fits the kernel's queue however slowly the server accepts, or overflows it depending on
    // how fast it does: judged from the backlog itself, the verdict is the same on every machine.
    const room = await h.listenBacklog();
    if (room !== null && room.backlog + 1 < WAVE && room.backlog < room.cap) {
      throw new Failure(t('many-clients.fail.backlog', { backlog: room.backlog, wave: WAVE }), {
        hint: say.backlogFullHint(),
      });
    }
    for (let n = 2; n <= CROWD; n += WAVE) {
      const wave = Array.from({ length: Math.min(WAVE, CROWD + 1 - n) }, (_, i) => `#${n + i}`);
      const joined = await Promise.all(
        wave.map(async (name) => {
          const wire = new Wire(h.subject.startedAt);
          const client = await h.connectQuietly(name, wire).catch((err: unknown) => {
            if (err instanceof Failure) h.wire.merge(wire);
            throw err;
          });
          wires.set(client, wire);
          return client;
        }),
      );
      clients.push(...joined);
      // A server that doesn't accept() leaves them in its backlog, where no reply can come from.
      const waiting = await h.backlogTaken();
      if (waiting) {
        throw new Failure(t('many-clients.fail.1', { connected: clients.length, waiting, closeMs: h.limits.closeMs }));
      }
    }
    h.note(t('many-clients.note.1', { crowd: CROWD, rounds: ROUNDS }));

    for (let round = 1; round <= ROUNDS; round++) {
      const started = performance.now();
      const turns = clients.map((client, i) => {
        const message = h.traffic.crowdMessage(i + 1, round);
        const from = client.received.length;
        client.send(message);
        return { client, from, expected: upperAscii(message), own: `#${i + 1}, round ${round}` };
      });
      await Promise.all(turns.map((t) => t.client.reply(t.from, t.expected.length, h.limits.replyMs, 0)));
      const replyOf = (t: (typeof turns)[number]) => t.client.received.subarray(t.from);
      const silent = turns.filter((t) => replyOf(t).length === 0).map((t) => t.client);
      // Each message names its client and round: a reply naming another went to the wrong client (or is
      // stale). How exactly a reply is uppercased is the business of uppercases, not judged twice here.
      const wrong = turns.find((t) => namesIn(replyOf(t)).some((named) => named !== t.own));
      const told = wrong?.client ?? silent[0];
      if (told) {
        const wire = wires.get(told);
        if (wire) h.wire.merge(wire);
      }
      const gone = h.subject.exitInfo;
      // Crossed replies come first: they explain why the others heard nothing.
      if (wrong) {
        const others = namesIn(replyOf(wrong)).filter((named) => named !== wrong.own);
        throw new Failure(
          t('many-clients.fail.2', {
            round,
            rounds: ROUNDS,
            name: wrong.client.name,
            others: joined(others.slice(0, 3), 'sep.clause'),
            more: others.length > 3 ? t('sep.clause-more') : '',
          }),
          { expected: wrong.expected, actual: replyOf(wrong), hint: CROSSED_HINT },
        );
      }
      if (silent.length > 0) {
        const answered = CROWD - silent.length;
        throw new Failure(
          t('many-clients.silent', {
            round,
            rounds: ROUNDS,
            silent: silent.length,
            crowd: CROWD,
            replyMs: h.limits.replyMs,
            names: names(silent),
            andExited: say.andExited(gone),
            count: answered,
          }),
          { serverGone: Boolean(gone) },
        );
      }
      const ms = Math.round(performance.now() - started);
      h.note(t('many-clients.note.2', { round, crowd: CROWD, ms }));
    }
  },
};

const PAYLOAD = 64 * MIB;
/** What a server may hold of one client's stream beyond the kernel's buffers: a few reads' worth. */
export const HELD_LIMIT = 8 * MIB;
/** How much its memory may grow meanwhile, besides the garbage of what it sent back. */
export const GROWTH_LIMIT = 32 * MIB;
/**
 * Garbage a byte sent back may leave until the collector runs: the chunk read, its upper-case copy and
 * the like (Node's own reference solution leaves about four). Garbage is not buffering; this keeps a
 * machine whose kernel buffers more from failing a correct server.
 */
export const GARBAGE_PER_BYTE = 6;

export interface Holding {
  /** Bytes of the client's stream the client's writes handed to its kernel. */
  handed: number;
  /** Of those, what the kernel (or the client's own buffer, unread) still holds: never more than `handed`. */
  inKernel: number;
  /** Bytes of the client's stream the server has read and not yet handed back to the kernel. */
  held: number;
  grown: number;
  growthAllowed: number;
  ok: boolean;
}

/**
 * The slow reader's verdict on memory. On the wire: what the client handed to its kernel, less what the
 * kernel still holds both ways, is what the server's process holds. And by its resident memory: growth
 * beyond a margin and the garbage of what it sent back.
 *
 * The queues can add up to more than was handed: a write the kernel has taken only part of is not
 * counted as handed yet (bulk-client.ts), and a byte on its way sits in both ends' queues until it is
 * acknowledged. Then the kernel holds all that was handed and the server nothing: the figures printed
 * keep inKernel + held = handed, and the verdict is the same as without the clamp.
 */
export function holding(m: { handed: number; inKernel: number; sentBack: number; grown: number }): Holding {
  const inKernel = Math.min(m.inKernel, m.handed);
  const held = m.handed - inKernel;
  const grown = Math.max(0, m.grown);
  const growthAllowed = GROWTH_LIMIT + GARBAGE_PER_BYTE * m.sentBack;
  return { handed: m.handed, inKernel, held, grown, growthAllowed, ok: held <= HELD_LIMIT && grown <= growthAllowed };
}

/** First hints for the ways slow-reader fails other than holding the stream (its own first hint). */
const SLOW_READER_HINTS: Record<'dropped' | 'holdsUp' | 'stopped' | 'garbled', Hint> = {
  dropped: hint('slow-reader.dropped'),
  holdsUp: hint('slow-reader.holds-up'),
  stopped: hint('slow-reader.stopped'),
  garbled: hint('slow-reader.garbled'),
};

export const slowReader: Property = {
  id: 'slow-reader',
  ownServer: true,
  title: t('slow-reader.title'),
  weight: 1000,
  hints: [hint('slow-reader.1', { payload: PAYLOAD / MIB }), hint('slow-reader.2')],
  async check(h) {
    // Memory before: once the server has served a client, so its start-up is not counted as growth.
    const w = await h.connect('W');
    await h.answered(w, hello('W'));
    await h.leavePolitely(w);
    const before = h.resident();

    const a = await h.connectBulk('A', h.traffic.bulkBlock(), PAYLOAD);
    h.note(t('slow-reader.note.1', { payload: PAYLOAD / MIB }));
    a.startSending();
    const cap = 20 * h.limits.replyMs;
    // Until the flow stops: the server stopped taking A's bytes, or took all of them.
    await a.whileMoving(
      () => a.handed,
      () => a.handed >= PAYLOAD || a.serverDone,
      h.limits.stallMs,
      cap,
    );
    if (a.serverDone) {
      throw new Failure(t('slow-reader.fail.1', { andExited: say.andExited(h.subject.exitInfo) }), {
        serverGone: Boolean(h.subject.exitInfo),
        hint: SLOW_READER_HINTS.dropped,
      });
    }
    const flight = await h.inFlight(a);
    const now = h.resident();
    if (flight && now !== null && before !== null) {
      const judged = holding({
        handed: a.handed,
        inKernel: flight.toServer + flight.toClient + a.buffered,
        sentBack: flight.toClient + a.buffered,
        grown: now - before,
      });
      // Every figure printed comes from the one record, so they agree with each other.
      h.note(
        t('slow-reader.note.2', {
          handedMib: mib(judged.handed),
          inKernelMib: mib(judged.inKernel),
          heldMib: mib(judged.held),
          grownMib: mib(judged.grown),
        }),
      );
      if (!judged.ok) {
        throw new Failure(
          t('slow-reader.fail.2', {
            heldMib: mib(judged.held),
            grownMib: mib(judged.grown),
            heldLimit: HELD_LIMIT / MIB,
            growthAllowedMib: mib(judged.growthAllowed),
          }),
        );
      }
    } else {
      h.note(t('slow-reader.note.3', { handedMib: mib(a.handed) }));
    }

    const b = await h.connect('B');
    try {
      await h.answered(b, hello('B'));
    } catch (err) {
      reword(err, t('slow-reader.check', { replyMs: h.limits.replyMs }), SLOW_READER_HINTS.holdsUp);
    }
    await h.leavePolitely(b);

    h.note(t('slow-reader.note.4'));
    const started = performance.now();
    a.startReading();
    const outcome = await a.whileMoving(
      () => a.received + a.handed,
      () => a.received >= PAYLOAD || a.mismatch !== null || a.serverDone,
      h.limits.replyMs,
      cap,
    );
    if (a.mismatch) {
      const { at, expected, actual } = a.mismatch;
      throw new Failure(t('slow-reader.fail.3', { payload: PAYLOAD / MIB, at }), {
        expected,
        actual,
        hint: SLOW_READER_HINTS.garbled,
      });
    }
    if (a.received < PAYLOAD) {
      const gone = h.subject.exitInfo;
      const why =
        outcome === 'capped'
          ? t('slow-reader.why.1', { cap })
          : a.serverDone
            ? t('slow-reader.why.2')
            : t('slow-reader.why.3', { replyMs: h.limits.replyMs });
      throw new Failure(
        t('slow-reader.fail.4', {
          receivedMib: mib(a.received),
          payload: PAYLOAD / MIB,
          why,
          andExited: say.andExited(gone),
        }),
        { serverGone: Boolean(gone), hint: SLOW_READER_HINTS.stopped },
      );
    }
    const ms = Math.round(performance.now() - started);
    h.note(t('slow-reader.note.5', { payload: PAYLOAD / MIB, ms }));
  },
};

const BURST = 200;
const BURST_AT_ONCE = 50;
/** How old a reading of the server's memory may be for the burst's peak (see Harness.resident). */
const PEAK_FRESH_MS = 10;
/** The whole burst, in reply windows: far more than a server serving one client at a time needs. */
const BURST_WINDOWS = 20;
/**
 * How far above its memory before the burst a server may stay. The burst's messages are small (a few
 * KiB in all per client), so the garbage they leave is small too: growth beyond this is something kept.
 */
const SETTLED_LIMIT = 32 * MIB;

const BURST_UNFINISHED_HINT = hint('burst-unfinished');

export const staysSmall: Property = {
  id: 'stays-small',
  ownServer: true,
  needsProc: true,
  title: t('stays-small.title', { burst: BURST }),
  weight: 450,
  hints: [hint('stays-small.1', { burst: BURST }), hint('stays-small.2')],
  async check(h) {
    if (!HAS_PROC) throw new Skip(say.needsProc());
    const w = await h.connect('W');
    await h.answered(w, hello('W'));
    await h.leavePolitely(w);
    const before = h.resident() ?? 0;
    // Never more at once than the server's listen backlog holds: whether it holds a crowd is many-clients'
    // business, and a backlog that overflows drops handshakes, which would make a memory check a race.
    const room = await h.listenBacklog();
    const atOnce = Math.max(1, Math.min(BURST_AT_ONCE, room?.backlog ?? BURST_AT_ONCE));
    h.note(t('stays-small.note.1', { beforeMib: mib(before), burst: BURST, burstAtOnce: atOnce }));
    let peak = before;
    // Exchanges and goodbyes done so far, by any client: a server busy with others is not stuck.
    let moved = 0;
    // However slowly the server moves, the burst ends: one that serves one client at a time needs
    // a fraction of a second here.
    const burstMs = BURST_WINDOWS * h.limits.replyMs;
    const turn = { progress: () => moved, over: h.serverDeadline(burstMs) };
    let served = 0;
    await mapPool(
      Array.from({ length: BURST }, (_, i) => i + 1),
      atOnce,
      async (n) => {
        if (turn.over()) {
          throw new Failure(
            t('stays-small.fail.1', { burstMs, served, burst: BURST, burstAtOnce: atOnce, rounds: ROUNDS }),
            { hint: BURST_UNFINISHED_HINT },
          );
        }
        const wire = new Wire(h.subject.startedAt);
        try {
          const client = await h.connectQuietly(`#${n}`, wire);
          for (let round = 1; round <= ROUNDS; round++) {
            await h.answeredInTurn(client, h.traffic.crowdMessage(n, round), turn);
            moved++;
          }
          await h.leavePolitely(client);
          moved++;
          served++;
          // The peak is only told, never judged: a reading a few ms old will do.
          peak = Math.max(peak, h.resident(PEAK_FRESH_MS) ?? 0);
        } catch (err) {
          if (!(err instanceof Failure)) throw err;
          h.wire.merge(wire);
          throw new Failure(t('stays-small.fail.2', { n, burst: BURST, text: err.text }), {
            hint: err.details.hint ?? BURST_UNFINISHED_HINT,
            serverGone: Boolean(err.details.serverGone),
          });
        }
      },
    );
    const left = performance.now();
    let after = h.resident() ?? 0;
    const settled = await h.pollUntil(() => {
      after = h.resident() ?? 0;
      return after <= before + SETTLED_LIMIT;
    }, h.limits.settleMs);
    h.note(t('stays-small.note.2', { burst: BURST, peakMib: mib(peak), afterMib: mib(after) }));
    if (!settled) {
      const waited = Math.round(performance.now() - left);
      throw new Failure(
        t('stays-small.fail.3', {
          beforeMib: mib(before),
          waited,
          burst: BURST,
          afterMib: mib(after),
          perClientKiB: Math.round((after - before) / BURST / 1024),
          settledLimit: SETTLED_LIMIT / MIB,
        }),
      );
    }
  },
};

/** The first hints for particular failures, beside each property's own ladder: every one in both languages. */
export const SITUATION_HINTS: readonly Hint[] = [
  IDLE_FORGOTTEN_HINT,
  CROSSED_HINT,
  ...Object.values(SLOW_READER_HINTS),
  BURST_UNFINISHED_HINT,
];

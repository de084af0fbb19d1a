// Stage 3's promises: after one client, the next; whatever the last one did on its way out.
import type { ScriptedClient } from '../../client/scripted-client.ts';
import { Failure, type Harness, Skip } from '../../engine/harness.ts';
import { mapPool } from '../../engine/pool.ts';
import { hint } from '../../i18n/hint.ts';
import { say } from '../../i18n/messages.ts';
import { joined, t } from '../../i18n/t.ts';
import { HAS_PROC, listenerInode } from '../../subject/procfs.ts';
import type { Property } from './property.ts';

/** A short greeting that names its client, so each reply is told apart in the story. */
export const hello = (name: string) => Buffer.from(`hello from ${name}`);

/** A first conversation whose reply we wait for but don't judge. */
async function chat(h: Harness, client: ScriptedClient): Promise<void> {
  client.send(hello(client.name));
  await client.anyReply(0, h.limits.replyMs);
}

export const nextClient: Property = {
  id: 'next-client',
  aboutServerLeaving: true,
  title: t('next-client.title'),
  hints: [hint('next-client.1'), hint('next-client.2')],
  async check(h) {
    const a = await h.connect('A');
    await chat(h, a);
    await h.leavePolitely(a);
    const b = await h.connect('B');
    await h.answered(b, hello('B'));
  },
};

export const survivesReset: Property = {
  id: 'survives-reset',
  aboutServerLeaving: true,
  aboutCrashing: true,
  title: t('survives-reset.title'),
  hints: [hint('survives-reset.1'), hint('survives-reset.2')],
  async check(h) {
    const a = await h.connect('A');
    await chat(h, a);
    const listener = await listenerInode(h.port);
    // Mid-conversation, while the server waits for A's next message: the reset reaches it as ECONNRESET
    // on that read. (A reset right behind a message would make it a race between the read and the write.)
    await h.resetAndSettle(a);
    const b = await h.connect('B');
    await h.answered(b, hello('B'));
    const now = await listenerInode(h.port);
    if (h.subject.exitInfo || (listener !== null && now !== null && now !== listener)) {
      throw new Failure(t('survives-reset.fail'));
    }
  },
};

export const emptySession: Property = {
  id: 'empty-session',
  title: t('empty-session.title'),
  hints: [hint('empty-session.1'), hint('empty-session.2')],
  async check(h) {
    const a = await h.connect('A');
    const closedA = (await h.leavePolitely(a)) !== 'timeout';
    const b = await h.connect('B');
    // A server still stuck with A won't accept B soon; waiting for that would only delay the verdict.
    await h.resetAndSettle(b, { waitForAccept: closedA });
    const c = await h.connect('C');
    await h.answered(c, hello('C'));
  },
};

export const queuedClients: Property = {
  id: 'queued-clients',
  title: t('queued-clients.title'),
  hints: [hint('queued-clients.1'), hint('queued-clients.2')],
  async check(h) {
    const first = await h.connect('A');
    const clients = [first, ...(await Promise.all([h.connect('B'), h.connect('C')]))];
    // One may wait while the others are served first: healthy servers take a millisecond each, and a
    // slow-but-correct one (300 ms a reply, 900 ms for the third client) still fits.
    const patience = h.limits.replyMs + h.limits.closeMs;
    const outcomes = await Promise.allSettled(
      clients.map(async (client) => {
        await h.answered(client, hello(client.name), patience);
        await h.leavePolitely(client);
      }),
    );
    const failures = outcomes.flatMap((o) =>
      o.status === 'rejected' && o.reason instanceof Failure ? [o.reason] : [],
    );
    const bug = outcomes.find((o) => o.status === 'rejected' && !(o.reason instanceof Failure));
    if (bug?.status === 'rejected') throw bug.reason;
    if (failures.length > 0) {
      const hint = failures.find((f) => f.details.hint)?.details.hint;
      throw new Failure(
        t('queued-clients.fail', {
          failed: failures.length,
          clients: clients.length,
          reasons: joined(
            failures.map((f) => f.text),
            'sep.sentence',
          ),
        }),
        { ...(hint ? { hint } : {}), serverGone: failures.some((f) => f.details.serverGone) },
      );
    }
  },
};

export const queuedReset: Property = {
  id: 'queued-reset',
  aboutServerLeaving: true,
  aboutCrashing: true,
  title: t('queued-reset.title'),
  hints: [hint('queued-reset.1'), hint('queued-reset.2')],
  async check(h) {
    const a = await h.connect('A');
    await chat(h, a);
    // B arrives while A is still being served, and resets while it waits.
    const b = await h.connect('B');
    await h.resetWaiting(b);
    await h.leavePolitely(a);
    const c = await h.connect('C');
    await h.answered(c, hello('C'));
  },
};

const SESSIONS = 50;
const AT_ONCE = 2;
const SPARE_SOCKETS = 2;

export const noFdLeak: Property = {
  id: 'no-fd-leak',
  ownServer: true,
  title: t('no-fd-leak.title', { sessions: SESSIONS }),
  weight: 200,
  needsProc: true,
  hints: [hint('no-fd-leak.1'), hint('no-fd-leak.2')],
  async check(h) {
    if (!HAS_PROC) throw new Skip(say.needsProc());
    const first = await h.connect('A');
    await chat(h, first);
    await h.leavePoliteAndSettle(first);
    const before = h.socketCount() ?? 0;
    h.note(t('no-fd-leak.note.1', { before, sessions: SESSIONS, atOnce: AT_ONCE }));

    const sessions = Array.from({ length: SESSIONS }, (_, i) => i + 1);
    await mapPool(sessions, AT_ONCE, async (n) => {
      const name = `#${n}`;
      try {
        const client = await h.connect(name);
        // At most one other session ahead of it: one reply window covers both (a 300 ms server needs 600).
        await h.answered(client, h.traffic.greeting, h.limits.replyMs);
        if (n % 2 === 0) client.reset();
        else await h.leavePolitely(client);
      } catch (err) {
        if (!(err instanceof Failure)) throw err;
        throw new Failure(t('no-fd-leak.fail.1', { n, sessions: SESSIONS, text: err.text }), {
          ...(err.details.hint ? { hint: err.details.hint } : {}),
          serverGone: Boolean(err.details.serverGone),
        });
      }
    });

    let after = h.socketCount() ?? 0;
    await h.pollUntil(() => {
      after = h.socketCount() ?? 0;
      return after <= before + SPARE_SOCKETS;
    }, h.limits.closeMs);
    h.note(t('no-fd-leak.note.2', { sessions: SESSIONS, after }));
    if (after > before + SPARE_SOCKETS) {
      throw new Failure(t('no-fd-leak.fail.2', { before, sessions: SESSIONS, after }));
    }
  },
};

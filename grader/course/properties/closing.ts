// What a server does when its client has gone: close its side, and rest.
import { Failure, Skip } from '../../engine/harness.ts';
import { serverClock } from '../../engine/server-clock.ts';
import { pause } from '../../engine/wait.ts';
import { hint } from '../../i18n/hint.ts';
import { say } from '../../i18n/messages.ts';
import { t } from '../../i18n/t.ts';
import { grouped } from '../../report/bytes.ts';
import { anyRunnable, HAS_PROC, runnableLedger, WrittenLedger } from '../../subject/procfs.ts';
import type { Property } from './property.ts';

export const closesOnEof: Property = {
  id: 'closes-on-eof',
  title: t('closes-on-eof.title'),
  hints: [hint('closes-on-eof.1'), hint('closes-on-eof.2')],
  async check(h) {
    const a = await h.connect('A');
    h.send(a, h.traffic.greeting);
    await a.anyReply(0, h.limits.replyMs); // a reply is not this property's business: wait, don't judge
    a.halfClose();
    if ((await a.serverClose(h.limits.closeMs)) === 'timeout') {
      throw new Failure(t('closes-on-eof.fail', { closeMs: h.limits.closeMs }));
    }
  },
};

interface Sample {
  at: number;
  /** Ms the server's threads have been runnable so far: on a CPU, or waiting for one. */
  runnableMs: number;
  /** Bytes it has written so far. */
  written: number;
  /** Bytes of its output we have read off our pipes so far. */
  received: number;
}

/** Look this often: each look reads running totals, so a look missed on a starved grader loses nothing. */
const SAMPLE_EVERY_MS = 20;
/** Runnable for this share of a window, the server is busy. An idle one sleeps in epoll or recv. */
const BUSY_SHARE = 0.5;
/**
 * Writing this much in a window, it is busy too: a loop printing what it reads, spinning on reads that
 * return nothing, may spend its time blocked on our pipe or in a short sleep, not runnable. A line said
 * on the way out is less. Reading this much of its output in a window says the same: a starved grader
 * leaves its pipes unread, a server printing on blocks when one is full (a few KiB of short lines),
 * and writes nothing until we read. Every window ends with a read, so what was stuck shows there.
 */
const BUSY_BYTES = 64;

export const noBusyLoop: Property = {
  id: 'no-busy-loop',
  ownServer: true,
  title: t('no-busy-loop.title'),
  weight: 300,
  needsProc: true,
  hints: [hint('no-busy-loop.1'), hint('no-busy-loop.2')],
  async check(h) {
    if (!HAS_PROC) throw new Skip(say.needsProc());
    const a = await h.connect('A');
    h.send(a, h.traffic.greeting);
    await a.anyReply(0, h.limits.replyMs);
    a.leave();
    // Judge what the server did over a window, from the kernel's running totals: the time its threads
    // were runnable (schedstat) and the bytes it wrote (/proc/<pid>/io). Totals, not states seen at the
    // moments we look: on a loaded machine we look seldom, and a spinning server sleeping in its write or
    // a short pause at each of those moments would pass. Waiting for a CPU counts as runnable: a spinning
    // server always is, whatever else runs; an idle one sleeps.
    const started = performance.now();
    // Time the server could have used: on a loaded machine, a correct server still finishing its
    // goodbye waits for a CPU (runnable) without being busy; the server clock gives that time back.
    const serverTime = serverClock((fresh) => h.starvedMs(fresh));
    const runnable = runnableLedger();
    const written = new WrittenLedger();
    // Where /proc/<pid>/io can't be read, what reached our pipes.
    const inKernel = written.read(h.members()) !== null;
    const receivedSoFar = () => h.subject.stdout.total + h.subject.stderr.total;
    const writtenSoFar = (members: number[]) => (inKernel ? written.read(members) : null) ?? receivedSoFar();
    const samples: Sample[] = [];
    let first: Sample | undefined; // the observation's first look
    const window = h.limits.busyWindowMs;
    for (;;) {
      const now = performance.now();
      const members = h.members(); // shared with every other poll of the grade: a pass over /proc is dear
      if (members.length === 0) return; // it has exited: nothing left to spin
      const sample = {
        at: now,
        runnableMs: runnable.read(members),
        written: writtenSoFar(members),
        received: receivedSoFar(),
      };
      // The kernel adds a thread's wait for a CPU to its total only once it gets one: a thread waiting
      // now, on a machine loaded enough that it has waited the whole window, has not shown it yet.
      const waitingNow = anyRunnable(members) === true;
      samples.push(sample);
      first ??= sample;
      // The window: from the last look at least `window` ago (more, when the grader was starved) to now.
      while (samples.length > 1 && (samples[1] as Sample).at <= now - window) samples.shift();
      const from = samples[0] as Sample;
      const span = now - from.at;
      if (span >= window) {
        const share = (sample.runnableMs - from.runnableMs) / span;
        const bytes = Math.round(((sample.written - from.written) * window) / span);
        // Not scaled to the window: a blocked server's backlog comes out in one read, however late.
        const unblocked = sample.received - from.received;
        if (share < BUSY_SHARE && bytes < BUSY_BYTES && unblocked < BUSY_BYTES && !waitingNow) return;
        if (serverTime() >= h.limits.busyObserveMs) {
          // Told over the whole observation: the last window's totals may lag (see waitingNow).
          const elapsed = now - started;
          const overall = (sample.runnableMs - first.runnableMs) / (now - first.at);
          throw new Failure(
            overall < BUSY_SHARE && (bytes >= BUSY_BYTES || unblocked >= BUSY_BYTES)
              ? t('no-busy-loop.fail.printing', {
                  elapsed: Math.round(elapsed),
                  bytes: grouped(sample.written - first.written),
                })
              : t('no-busy-loop.fail', {
                  elapsed: Math.round(elapsed),
                  percent: Math.min(100, Math.round(overall * 100)),
                }),
          );
        }
      }
      await pause(SAMPLE_EVERY_MS);
    }
  },
};

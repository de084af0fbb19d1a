// What a server does when its client has gone: close its side, and rest.
import { Failure, Skip } from '../../engine/harness.ts';
import { serverClock } from '../../engine/server-clock.ts';
import { pause } from '../../engine/wait.ts';
import { hint } from '../../i18n/hint.ts';
import { say } from '../../i18n/messages.ts';
import { t } from '../../i18n/t.ts';
import { anyRunnable, groupMembers, HAS_PROC } from '../../subject/procfs.ts';
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
  /** A thread was runnable. */
  runnable: boolean;
  /** It printed since the sample before: a loop printing without pause is busy even while it waits on
   *  our pipe (blocked in write, not runnable), as a tutorial's print(data) in a loop spinning on b'' is. */
  printed: boolean;
}

/** Share of the samples within the trailing `windowMs` for which `busy` holds. */
function share(samples: Sample[], now: number, windowMs: number, busy: (s: Sample) => boolean): number {
  const recent = samples.filter((s) => s.at >= now - windowMs);
  return recent.length === 0 ? 0 : recent.filter(busy).length / recent.length;
}

const SAMPLE_EVERY_MS = 4;

export const noBusyLoop: Property = {
  id: 'no-busy-loop',
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
    // Watch the server's threads: runnable (R) means running or waiting for a CPU. An idle server sleeps
    // in epoll or recv whatever else the machine runs; a spinning one is runnable whatever else runs.
    const started = performance.now();
    // Time the server could have used: on a loaded machine, a correct server still finishing its
    // goodbye waits for a CPU (runnable) without being busy; the server clock gives that time back.
    const serverTime = serverClock((fresh) => h.starvedMs(fresh));
    const samples: Sample[] = [];
    const printedSoFar = () => h.subject.stdout.total + h.subject.stderr.total;
    let printedBefore = printedSoFar();
    let members = groupMembers(h.subject.pid);
    for (;;) {
      const now = performance.now();
      let runnable = anyRunnable(members);
      if (runnable === null) {
        members = groupMembers(h.subject.pid);
        if (members.length === 0) return; // it has exited: nothing left to spin
        runnable = anyRunnable(members) ?? false;
      }
      const printed = printedSoFar() !== printedBefore;
      printedBefore = printedSoFar();
      samples.push({ at: now, runnable, printed });
      const elapsed = now - started;
      if (elapsed >= h.limits.busyWindowMs) {
        const window = h.limits.busyWindowMs;
        const busy = share(samples, now, window, (s) => s.runnable || s.printed);
        if (busy < 0.5) return;
        if (serverTime() >= h.limits.busyObserveMs) {
          const running = share(samples, now, window, (s) => s.runnable);
          const printing = share(samples, now, window, (s) => s.printed);
          const at = { elapsed: Math.round(elapsed), busyWindowMs: window };
          throw new Failure(
            running >= 0.5
              ? t('no-busy-loop.fail', { ...at, percent: Math.round(running * 100) })
              : t('no-busy-loop.fail.printing', { ...at, percent: Math.round(printing * 100) }),
          );
        }
      }
      await pause(SAMPLE_EVERY_MS);
    }
  },
};

// Stage 1's promises: one reply, then the server hangs up and its process ends.
import { Failure } from '../../engine/harness.ts';
import { TIMED_OUT, within } from '../../engine/wait.ts';
import { hint } from '../../i18n/hint.ts';
import { say } from '../../i18n/messages.ts';
import { t } from '../../i18n/t.ts';
import type { Property } from './property.ts';

export const closesAfterReply: Property = {
  id: 'closes-after-reply',
  title: t('closes-after-reply.title'),
  hints: [hint('closes-after-reply.1'), hint('closes-after-reply.2')],
  async check(h) {
    const a = await h.connect('A');
    await h.answered(a, h.traffic.greeting);
    const seen = await a.serverClose(h.limits.closeMs);
    if (seen === 'timeout') {
      throw new Failure(t('closes-after-reply.fail', { closeMs: h.limits.closeMs }));
    }
  },
};

export const exitsAfterClient: Property = {
  id: 'exits-after-client',
  aboutServerLeaving: true,
  title: t('exits-after-client.title'),
  hints: [hint('exits-after-client.1'), hint('exits-after-client.2')],
  async check(h) {
    const a = await h.connect('A');
    a.send(h.traffic.greeting);
    await a.anyReply(0, h.limits.replyMs);
    a.leave(); // whether or not the server hung up first, the conversation is over
    const exit = await h.exit();
    if (exit === TIMED_OUT) {
      throw new Failure(t('exits-after-client.fail.1', { exitMs: h.limits.exitMs }));
    }
    if (exit.code !== 0) {
      const status = say.exitStatus(exit);
      throw new Failure(t('exits-after-client.fail.2', { status }), { hint: say.exitStatusHint(exit) });
    }
  },
};

export const exitsCleanly: Property = {
  id: 'exits-cleanly',
  aboutServerLeaving: true,
  title: t('exits-cleanly.title'),
  hints: [hint('exits-cleanly.1'), hint('exits-cleanly.2')],
  async check(h) {
    const a = await h.connect('A');
    a.send(h.traffic.greeting);
    await a.anyReply(0, h.limits.replyMs);
    await h.leavePolitely(a);
    // A plain deadline: staying up is allowed here, and a server busy staying up must not hold the verdict.
    const exit = await within(h.subject.exited, h.limits.exitMs);
    // Staying up is this stage's choice to make; ending badly is not.
    if (exit === TIMED_OUT || exit.code === 0) return;
    const status = say.exitStatus(exit);
    throw new Failure(t('exits-cleanly.fail', { status }), { hint: say.exitStatusHint(exit) });
  },
};

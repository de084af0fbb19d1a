// What a server does when its client has gone: close its side, and rest.
import { Failure, Skip } from '../../engine/harness.ts';
import { serverClock } from '../../engine/server-clock.ts';
import { pause } from '../../engine/wait.ts';
import { say } from '../../i18n/messages.ts';
import { anyRunnable, groupMembers, HAS_PROC } from '../../subject/procfs.ts';
import type { Property } from './property.ts';

export const closesOnEof: Property = {
  id: 'closes-on-eof',
  title: { en: 'closes its side promptly after the client sends FIN', zh: '客户端发出 FIN 后及时关闭自己一端' },
  hints: [
    {
      en: "The client said goodbye (FIN): your server's next read returns nothing (EOF). Does your loop notice that empty read?",
      zh: '客户端已经道别（FIN）：你的服务器下一次读取会什么都读不到（EOF）。你的循环注意到这个“空读”了吗？',
    },
    {
      en: 'for await (const chunk of socket) ends when the client sends FIN; call socket.end() after the loop to send yours.',
      zh: 'for await (const chunk of socket) 在客户端发 FIN 时结束；在循环之后调用 socket.end() 发送你的 FIN。',
    },
  ],
  async check(h) {
    const a = await h.connect('A');
    a.send(h.traffic.greeting);
    await a.anyReply(0, h.limits.replyMs); // a reply is not this property's business: wait, don't judge
    a.halfClose();
    if ((await a.serverClose(h.limits.closeMs)) === 'timeout') {
      throw new Failure({
        en: `The client sent FIN, and ${h.limits.closeMs} ms later the server had still not closed its side.`,
        zh: `客户端发出 FIN 后 ${h.limits.closeMs} 毫秒，服务器仍未关闭自己一端。`,
      });
    }
  },
};

/** Share of the samples within the trailing `windowMs` in which a thread was runnable. */
function runnableShare(samples: { at: number; runnable: boolean }[], now: number, windowMs: number): number {
  const recent = samples.filter((s) => s.at >= now - windowMs);
  return recent.length === 0 ? 0 : recent.filter((s) => s.runnable).length / recent.length;
}

const SAMPLE_EVERY_MS = 4;

export const noBusyLoop: Property = {
  id: 'no-busy-loop',
  observes: true,
  title: { en: 'rests after the client has left, no busy loop', zh: '客户端离开后服务器不空转' },
  needsProc: true,
  hints: [
    {
      en: 'After the client left, your server kept running flat out. A read that returns nothing means the peer has closed: what does your loop do with it?',
      zh: '客户端离开后，你的服务器仍在全速运转。读到空数据表示对方已关闭：你的循环拿它怎么办？',
    },
    {
      en: 'Stop reading once the stream has ended: leave the loop (in Python: if not data: break) and close the socket, instead of reading again and again.',
      zh: '数据流结束后就停止读取：跳出循环（Python 里是 if not data: break）并关闭 socket，而不是一遍又一遍地读。',
    },
  ],
  async check(h) {
    if (!HAS_PROC) throw new Skip(say.needsProc());
    const a = await h.connect('A');
    a.send(h.traffic.greeting);
    await a.anyReply(0, h.limits.replyMs);
    a.leave();
    // Watch the server's threads: runnable (R) means running or waiting for a CPU. An idle server sleeps
    // in epoll or recv whatever else the machine runs; a spinning one is runnable whatever else runs.
    const started = performance.now();
    // Time the server could have used: on a loaded machine, a correct server still finishing its
    // goodbye waits for a CPU (runnable) without being busy; the server clock gives that time back.
    const serverTime = serverClock(() => h.starvedMs());
    const samples: { at: number; runnable: boolean }[] = [];
    let members = groupMembers(h.subject.pid);
    for (;;) {
      const now = performance.now();
      let runnable = anyRunnable(members);
      if (runnable === null) {
        members = groupMembers(h.subject.pid);
        if (members.length === 0) return; // it has exited: nothing left to spin
        runnable = anyRunnable(members) ?? false;
      }
      samples.push({ at: now, runnable });
      const elapsed = now - started;
      if (elapsed >= h.limits.busyWindowMs) {
        const share = runnableShare(samples, now, h.limits.busyWindowMs);
        if (share < 0.5) return;
        if (serverTime() >= h.limits.busyObserveMs) {
          const percent = Math.round(share * 100);
          throw new Failure({
            en: `The client left, and ${Math.round(elapsed)} ms later the server was still busy: runnable ${percent}% of the last ${h.limits.busyWindowMs} ms, where an idle server sleeps.`,
            zh: `客户端离开 ${Math.round(elapsed)} 毫秒后服务器仍在忙：最近 ${h.limits.busyWindowMs} 毫秒中有 ${percent}% 的时间处于可运行状态，而空闲的服务器应该在睡眠。`,
          });
        }
      }
      await pause(SAMPLE_EVERY_MS);
    }
  },
};

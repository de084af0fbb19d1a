// Stage 1's promises: one reply, then the server hangs up and its process ends.
import { Failure } from '../../engine/harness.ts';
import { TIMED_OUT, within } from '../../engine/wait.ts';
import { say } from '../../i18n/messages.ts';
import type { Property } from './property.ts';

export const closesAfterReply: Property = {
  id: 'closes-after-reply',
  title: { en: 'closes the connection after its one reply', zh: '回复一次后主动关闭连接' },
  hints: [
    {
      en: 'After replying, the client waits and hears nothing more, not even a goodbye: who should hang up?',
      zh: '回复之后客户端一直在等，连“再见”都没听到：该由谁挂断？',
    },
    {
      en: 'socket.end(reply) sends the reply and then FIN, which closes your side of the connection.',
      zh: 'socket.end(reply) 先发送回复，再发送 FIN，关闭你这一端的连接。',
    },
  ],
  async check(h) {
    const a = await h.connect('A');
    await h.answered(a, h.traffic.greeting);
    const seen = await a.serverClose(h.limits.closeMs);
    if (seen === 'timeout') {
      throw new Failure({
        en: `After its reply the server kept the connection open for ${h.limits.closeMs} ms; the client never closed, and neither did the server.`,
        zh: `回复之后服务器让连接保持打开超过 ${h.limits.closeMs} 毫秒；客户端没有关闭，服务器也没有。`,
      });
    }
  },
};

export const exitsAfterClient: Property = {
  id: 'exits-after-client',
  aboutServerLeaving: true,
  title: {
    en: 'the process exits by itself, status 0, after its one client',
    zh: '服务完一个客户端后进程自行退出，退出状态为 0',
  },
  hints: [
    {
      en: 'A Node process ends when nothing is left to wait for. What is your server still waiting for?',
      zh: '当没有任何东西可等时，Node 进程就会结束。你的服务器还在等什么？',
    },
    {
      en: 'Close the connection (socket.end) and the listening socket (server.close()); then the process exits with 0 on its own. Avoid process.exit() with another status.',
      zh: '关闭连接（socket.end）和监听 socket（server.close()），进程就会自己以 0 退出。不要用别的退出状态调用 process.exit()。',
    },
  ],
  async check(h) {
    const a = await h.connect('A');
    a.send(h.traffic.greeting);
    await a.anyReply(0, h.limits.replyMs);
    a.leave(); // whether or not the server hung up first, the conversation is over
    const exit = await h.exit();
    if (exit === TIMED_OUT) {
      throw new Failure({
        en: `The conversation is over, but the server process is still running, and has done nothing for ${h.limits.exitMs} ms.`,
        zh: `对话已经结束，但服务器进程还在运行，而且已经 ${h.limits.exitMs} 毫秒什么都没做了。`,
      });
    }
    if (exit.code !== 0) {
      const status = say.exitStatus(exit);
      throw new Failure(
        {
          en: `The server process ${status.en}, not with status 0.`,
          zh: `服务器进程${status.zh}，而不是以退出状态 0 退出。`,
        },
        { hint: say.exitStatusHint(exit) },
      );
    }
  },
};

export const exitsCleanly: Property = {
  id: 'exits-cleanly',
  aboutServerLeaving: true,
  title: { en: 'if it exits after its client, it exits with status 0', zh: '如果在客户端离开后退出，退出状态为 0' },
  hints: [
    {
      en: 'Your server ended badly after its client left. Read its last words above: an exception, a process.exit with another status, or status 13 (a top-level await that never settled)?',
      zh: '客户端离开后，你的服务器以异常方式结束了。看看上面它最后的输出：是异常、用别的状态调用了 process.exit，还是退出状态 13（一个永远没有完成的顶层 await）？',
    },
    {
      en: 'A loop of await once(socket, "data") waits forever once the client has left. for await (const chunk of socket) ends on EOF; after it, close the socket and the server, and Node exits with 0.',
      zh: '用 await once(socket, "data") 写的循环，在客户端离开后会永远等下去。for await (const chunk of socket) 在 EOF 时结束；之后关闭 socket 和服务器，Node 就会以 0 退出。',
    },
  ],
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
    throw new Failure(
      { en: `After its client left, the server process ${status.en}.`, zh: `客户端离开后，服务器进程${status.zh}。` },
      { hint: say.exitStatusHint(exit) },
    );
  },
};

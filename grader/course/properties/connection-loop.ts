// Stage 3's promises: after one client, the next; whatever the last one did on its way out.
import type { ScriptedClient } from '../../client/scripted-client.ts';
import { Failure, type Harness, Skip } from '../../engine/harness.ts';
import { mapPool } from '../../engine/pool.ts';
import { say } from '../../i18n/messages.ts';
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
  title: { en: 'after one client leaves, the next is answered', zh: '一个客户端离开后，下一个能得到回答' },
  hints: [
    {
      en: 'Client A left normally, then B came and waited. Where is your server after A leaves: still with A, or exited?',
      zh: '客户端 A 正常离开，然后 B 来了却一直在等。A 离开后你的服务器在哪里：还困在 A 那里，还是已经退出？',
    },
    {
      en: 'Wrap the conversation in a loop over connections: for await (const [socket] of on(server, "connection")) { … }, and keep the server listening.',
      zh: '把对话包在一个遍历连接的循环里：for await (const [socket] of on(server, "connection")) { … }，并保持服务器监听。',
    },
  ],
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
  title: { en: 'a client that resets does not take the server down', zh: '客户端重置连接不会让服务器崩溃' },
  hints: [
    {
      en: "Client A hung up abruptly (RST). Read the server's last words above: did an ECONNRESET or EPIPE end your process?",
      zh: '客户端 A 粗暴地挂断了（RST）。看看上面服务器最后的输出：是不是 ECONNRESET 或 EPIPE 结束了你的进程？',
    },
    {
      en: 'In Node an "error" event nobody listens to ends the process. Catch the error around one conversation (try/catch around the for await), drop that client, and go on.',
      zh: '在 Node 里，没有监听者的 "error" 事件会结束整个进程。在一次对话外面捕获错误（用 try/catch 包住 for await），丢下这个客户端，继续下一个。',
    },
  ],
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
      throw new Failure({
        en: 'B was answered, but not by the same server: the process that answered A is gone, and something started another.',
        zh: 'B 得到了回答，但不是同一个服务器：回答 A 的进程已经不在了，是别的东西又启动了一个。',
      });
    }
  },
};

export const emptySession: Property = {
  id: 'empty-session',
  title: { en: "clients that leave without a word don't block the next", zh: '一言不发就离开的客户端不会挡住下一个' },
  hints: [
    {
      en: 'A connected and left by FIN, B connected and reset, neither sent a byte; then C got no answer. Does your server wait for a first message that never comes?',
      zh: 'A 连上后用 FIN 离开，B 连上后重置，两个都没发一个字节；然后 C 没有得到回答。你的服务器是不是在等一条永远不会来的消息？',
    },
    {
      en: 'A connection may end before any data: let the read loop end (or throw) on its own, and treat "no data at all" as a normal, finished conversation.',
      zh: '连接可能在任何数据之前就结束：让读取循环自己结束（或抛出错误），把“一点数据都没有”当作正常结束的对话。',
    },
  ],
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
  title: { en: 'three clients connecting at once are all answered', zh: '同时连接的三个客户端都得到回答' },
  hints: [
    {
      en: 'Clients that connect while the server is busy must wait their turn, not be lost. Which of the three got nothing, and what did the server do with it?',
      zh: '服务器忙时连进来的客户端应该排队等待，而不是被丢掉。三个里哪个什么都没收到？服务器怎么处理它的？',
    },
    {
      en: 'Don\'t re-arm once(server, "connection") after each client: connections that arrive meanwhile are missed. on(server, "connection") queues them for you; and don\'t cap server.maxConnections at 1.',
      zh: '不要每服务完一个客户端才重新调用 once(server, "connection")：期间到达的连接会被错过。on(server, "connection") 会替你把它们排好队；也不要把 server.maxConnections 设为 1。',
    },
  ],
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
        {
          en: `${failures.length} of ${clients.length} clients were not answered. ${failures.map((f) => f.text.en).join(' ')}`,
          zh: `${clients.length} 个客户端中有 ${failures.length} 个没有得到回答。${failures.map((f) => f.text.zh).join('')}`,
        },
        { ...(hint ? { hint } : {}), serverGone: failures.some((f) => f.details.serverGone) },
      );
    }
  },
};

export const queuedReset: Property = {
  id: 'queued-reset',
  aboutServerLeaving: true,
  aboutCrashing: true,
  title: {
    en: 'a client that resets while waiting its turn does not take the server down',
    zh: '排队等候时重置连接的客户端不会让服务器崩溃',
  },
  hints: [
    {
      en: "Client B reset while A was still being served. Read the server's last words above: did an ECONNRESET end it, from a socket your try/catch was not around yet?",
      zh: 'A 还在被服务时，B 重置了连接。看看上面服务器最后的输出：是不是一个还没被你的 try/catch 包住的 socket 抛出的 ECONNRESET 结束了它？',
    },
    {
      en: 'Node reads every accepted socket at once, even one still waiting for its turn. createServer({ pauseOnConnect: true }) leaves it unread until your loop reaches it; or give every socket an "error" listener the moment it arrives.',
      zh: 'Node 会立刻读取每个已接受的 socket，即使它还在排队。createServer({ pauseOnConnect: true }) 让它在轮到之前不被读取；或者在每个 socket 一到达时就给它加上 "error" 监听器。',
    },
  ],
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
  observes: true,
  title: { en: `after ${SESSIONS} clients, no sockets left open`, zh: `服务 ${SESSIONS} 个客户端后没有遗留的 socket` },
  needsProc: true,
  hints: [
    {
      en: 'Every connection is a file descriptor in your process, and it stays until you close it. Which kind of goodbye leaves one behind: FIN, or RST?',
      zh: '每个连接都是你进程里的一个文件描述符，直到你关闭它才会释放。哪一种告别会留下它：FIN 还是 RST？',
    },
    {
      en: 'Close the socket on every way out of a conversation: socket.end() after the loop, socket.destroy() in the catch (in Python: conn.close() in a finally).',
      zh: '对话的每个出口都要关闭 socket：循环之后 socket.end()，catch 里 socket.destroy()（Python 里在 finally 中 conn.close()）。',
    },
  ],
  async check(h) {
    if (!HAS_PROC) throw new Skip(say.needsProc());
    const first = await h.connect('A');
    await chat(h, first);
    await h.leavePoliteAndSettle(first);
    const before = h.socketCount() ?? 0;
    h.note({
      en: `the server holds ${before} sockets; now ${SESSIONS} more sessions, ${AT_ONCE} at a time`,
      zh: `服务器持有 ${before} 个 socket；接下来再进行 ${SESSIONS} 次会话，每次最多 ${AT_ONCE} 个`,
    });

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
        throw new Failure(
          {
            en: `Session ${n} of ${SESSIONS} could not be completed: ${err.text.en}`,
            zh: `第 ${n} 次会话（共 ${SESSIONS} 次）无法完成：${err.text.zh}`,
          },
          { ...(err.details.hint ? { hint: err.details.hint } : {}), serverGone: Boolean(err.details.serverGone) },
        );
      }
    });

    let after = h.socketCount() ?? 0;
    await h.pollUntil(() => {
      after = h.socketCount() ?? 0;
      return after <= before + SPARE_SOCKETS;
    }, h.limits.closeMs);
    h.note({
      en: `after ${SESSIONS} sessions the server holds ${after} sockets`,
      zh: `${SESSIONS} 次会话之后服务器持有 ${after} 个 socket`,
    });
    if (after > before + SPARE_SOCKETS) {
      throw new Failure({
        en: `Before the sessions your server held ${before} sockets; after ${SESSIONS} sessions (every other one ending in a reset) it holds ${after}. It does not close every connection it is done with.`,
        zh: `会话开始前你的服务器持有 ${before} 个 socket；${SESSIONS} 次会话（每隔一次以重置结束）之后持有 ${after} 个。它没有关闭每一个用完的连接。`,
      });
    }
  },
};

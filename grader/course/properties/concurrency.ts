// Stage 4's promises: every client at once, none held up by another, each served at the pace it reads.

import type { ScriptedClient } from '../../client/scripted-client.ts';
import { Wire } from '../../client/wire.ts';
import { Failure, Skip } from '../../engine/harness.ts';
import { mapPool } from '../../engine/pool.ts';
import { say } from '../../i18n/messages.ts';
import type { Text } from '../../i18n/text.ts';
import { upperAscii } from '../../report/bytes.ts';
import { HAS_PROC } from '../../subject/procfs.ts';
import { hello } from './connection-loop.ts';
import type { Property } from './property.ts';

const MIB = 1024 * 1024;
const mib = (bytes: number) => (bytes / MIB).toFixed(1);

/** Rethrow a client's failure in the property's own words (and hint), unless the server is gone: the runner says so. */
function reword(err: unknown, text: Text, hint?: Text): never {
  if (!(err instanceof Failure) || err.details.serverGone) throw err;
  throw new Failure(text, hint ? { hint } : {});
}

const IDLE_FORGOTTEN_HINT: Text = {
  en: "A stayed connected while B talked; when A spoke at last, nothing came back. Is A's conversation still running, and does its reply go out on A's own socket (not on the newest one)?",
  zh: 'B 说话时 A 一直连着；A 终于开口时却什么都没收到。A 的对话还在运行吗？它的回复是从 A 自己的 socket 发出的吗（而不是最新连上的那个）？',
};

export const idleClientNoBlock: Property = {
  id: 'idle-client-no-block',
  title: { en: 'a client that says nothing does not hold up the next', zh: '一言不发的客户端不会挡住下一个' },
  hints: [
    {
      en: 'A connected and said nothing; B connected, spoke, and got no answer. Whose message is your server waiting for while B waits?',
      zh: 'A 连上后一言不发；B 连上后说了话，却没有得到回答。B 等待的时候，你的服务器在等谁的消息？',
    },
    {
      en: "Don't await a conversation inside the loop over connections: start it (serve(socket), no await) and go straight back to accepting; the event loop interleaves them. In Python, a thread per client.",
      zh: '不要在遍历连接的循环里 await 一次对话：启动它（serve(socket)，不加 await），然后立刻回去接受下一个连接；事件循环会把它们交错执行。Python 里可以每个客户端一个线程。',
    },
  ],
  async check(h) {
    const a = await h.connect('A');
    // A must be the server's client before B comes: a server serving one at a time then sits in A's read.
    await h.accepted(a);
    h.note({ en: 'A is connected and stays silent', zh: 'A 已连接，一直不说话' });
    const b = await h.connect('B');
    try {
      await h.answered(b, hello('B'));
    } catch (err) {
      reword(err, {
        en: `B got no reply within ${h.limits.replyMs} ms while A sat connected and silent: your server is still waiting for A.`,
        zh: `A 连着却不说话，B 在 ${h.limits.replyMs} 毫秒内没有得到回复：你的服务器还在等 A。`,
      });
    }
    // A was only quiet, not gone: it is served too.
    try {
      await h.answered(a, hello('A'));
    } catch (err) {
      reword(
        err,
        {
          en: `B was answered, but when A finally spoke it got no reply within ${h.limits.replyMs} ms: a quiet client must still be served.`,
          zh: `B 得到了回答，但 A 终于开口时，${h.limits.replyMs} 毫秒内没有得到回复：安静的客户端也要被服务。`,
        },
        IDLE_FORGOTTEN_HINT,
      );
    }
  },
};

const CROWD = 200;
const ROUNDS = 5;
/** Clients connect this many at a time, each wave taken from the backlog before the next: Python's default backlog is 128. */
const WAVE = 50;

const CROSSED_HINT: Text = {
  en: "Every reply must go back on the socket its message came from. Keep the socket in the conversation's own scope (the parameter of serve(socket)), never in a variable all connections share.",
  zh: '每个回复都要从它的消息所来自的那个 socket 发回去。把 socket 放在对话自己的作用域里（serve(socket) 的参数），不要放在所有连接共用的变量里。',
};

/** The "#n, round r" of every crowd message a reply answers, lower-cased. */
function namesIn(reply: Buffer): string[] {
  return [...reply.toString('latin1').matchAll(/#(\d+), round (\d+)/gi)].map((m) => `#${m[1]}, round ${m[2]}`);
}

/** "#2, #3, #4, … #200": the first few and the last. */
function names(clients: readonly { name: string }[]): string {
  const shown = clients.slice(0, 3).map((c) => c.name);
  if (clients.length > 4) shown.push('…');
  if (clients.length > 3) shown.push(clients[clients.length - 1]?.name ?? '');
  return shown.join(', ');
}

export const manyClients: Property = {
  id: 'many-clients',
  title: {
    en: `${CROWD} clients at the same time, ${ROUNDS} rounds in lockstep, all answered`,
    zh: `${CROWD} 个客户端同时在线，齐步走 ${ROUNDS} 轮，全部得到回答`,
  },
  hints: [
    {
      en: `${CROWD} clients were connected at once, and none starts a new round before every one has its reply. How many conversations can your server hold at the same time?`,
      zh: `${CROWD} 个客户端同时连着，每一轮都要等所有客户端收到回复后才开始下一轮。你的服务器能同时进行多少个对话？`,
    },
    {
      en: "Give every connection its own conversation, started as it arrives and never awaited by the accept loop; don't cap how many run at once (server.maxConnections, a fixed pool of workers).",
      zh: '让每个连接一到达就开始自己的对话，接受连接的循环不要等待它；也不要限制同时进行的对话数（server.maxConnections、固定大小的工作池）。',
    },
  ],
  async check(h) {
    const wires = new Map<ScriptedClient, Wire>();
    const clients: ScriptedClient[] = [await h.connect('#1')];
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
        throw new Failure({
          en: `${clients.length} clients are connected, but ${waiting} of them still wait in your server's listen backlog after ${h.limits.closeMs} ms: it does not accept() a client while it serves another.`,
          zh: `${clients.length} 个客户端已连接，但 ${h.limits.closeMs} 毫秒后仍有 ${waiting} 个在你的服务器的监听队列里等待：它在服务一个客户端时不会 accept() 下一个。`,
        });
      }
    }
    h.note({
      en: `${CROWD} clients are connected (#2 to #${CROWD} are not shown); now ${ROUNDS} rounds, each client sends once per round`,
      zh: `${CROWD} 个客户端已连接（#2 到 #${CROWD} 不逐一列出）；接下来 ${ROUNDS} 轮，每个客户端每轮发送一次`,
    });

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
          {
            en: `Round ${round} of ${ROUNDS}: client ${wrong.client.name} got replies to other clients' messages (${others.slice(0, 3).join('; ')}${others.length > 3 ? '; …' : ''}). Replies are crossing between clients: does one variable hold "the client" for every conversation?`,
            zh: `第 ${round} 轮（共 ${ROUNDS} 轮）：客户端 ${wrong.client.name} 收到了发给其他客户端的回复（${others.slice(0, 3).join('；')}${others.length > 3 ? '；…' : ''}）。回复在客户端之间串了：是不是所有对话共用同一个保存“当前客户端”的变量？`,
          },
          { expected: wrong.expected, actual: replyOf(wrong), hint: CROSSED_HINT },
        );
      }
      if (silent.length > 0) {
        const answered = CROWD - silent.length;
        throw new Failure(
          {
            en: `Round ${round} of ${ROUNDS}: ${silent.length} of ${CROWD} clients got no reply within ${h.limits.replyMs} ms (${names(silent)})${say.andExited(gone).en}. ${answered} ${answered === 1 ? 'was' : 'were'} answered. Every client waits for its reply before the next round, so no client leaves to make room.`,
            zh: `第 ${round} 轮（共 ${ROUNDS} 轮）：${CROWD} 个客户端中有 ${silent.length} 个在 ${h.limits.replyMs} 毫秒内没有得到回复（${names(silent)}）${say.andExited(gone).zh}。${answered} 个得到了回答。每个客户端都要等到回复才进入下一轮，所以不会有客户端离开来腾出位置。`,
          },
          { serverGone: Boolean(gone) },
        );
      }
      const ms = Math.round(performance.now() - started);
      h.note({
        en: `round ${round}: all ${CROWD} answered, within ${ms} ms`,
        zh: `第 ${round} 轮：${CROWD} 个客户端全部得到回答，用时 ${ms} 毫秒`,
      });
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
 */
export function holding(m: { handed: number; inKernel: number; sentBack: number; grown: number }): Holding {
  const held = Math.max(0, m.handed - m.inKernel);
  const grown = Math.max(0, m.grown);
  const growthAllowed = GROWTH_LIMIT + GARBAGE_PER_BYTE * m.sentBack;
  return { held, grown, growthAllowed, ok: held <= HELD_LIMIT && grown <= growthAllowed };
}

/** First hints for the ways slow-reader fails other than holding the stream (its own first hint). */
const SLOW_READER_HINTS: Record<'dropped' | 'holdsUp' | 'stopped' | 'garbled', Text> = {
  dropped: {
    en: "A slow reader is still a client: don't close its connection because its replies back up; stop reading from it until they drain.",
    zh: '读得慢的客户端也仍然是客户端：不要因为它的回复积压就关闭连接；在回复排空之前先停止从它那里读取。',
  },
  holdsUp: {
    en: "While A wasn't reading, your server was stuck with A: in a write that waits for A to read (sendall), or serving one client at a time. Serve each client on its own (the event loop, or a thread each), so a blocked write holds up only its own client.",
    zh: 'A 不读的时候，你的服务器被 A 困住了：卡在一个要等 A 读取的写操作里（sendall），或者一次只服务一个客户端。让每个客户端各自被服务（靠事件循环，或每个客户端一个线程），这样一个被阻塞的写操作只会拖住它自己的客户端。',
  },
  stopped: {
    en: 'Once A reads again, your server must read again too: after "drain", go on (await once(socket, "drain") does; a paused socket needs socket.resume()).',
    zh: 'A 重新开始读取后，你的服务器也要重新开始读取：收到 "drain" 后继续（await once(socket, "drain") 会这样做；被暂停的 socket 需要调用 socket.resume()）。',
  },
  garbled: {
    en: 'Every byte A sent must come back once, in order: uppercase each chunk as it comes and write it back, adding nothing and dropping nothing.',
    zh: 'A 发送的每个字节都要按顺序、恰好一次地回来：每收到一块数据就把它转成大写写回去，不增加也不丢掉任何东西。',
  },
};

export const slowReader: Property = {
  id: 'slow-reader',
  title: {
    en: 'a client that reads slowly is not buffered without bound, and holds up no one',
    zh: '读得慢的客户端不会让服务器无限缓冲，也不会挡住别人',
  },
  hints: [
    {
      en: `A sent ${PAYLOAD / MIB} MiB and read nothing. Your server kept reading it anyway: where did the replies A wasn't taking go?`,
      zh: `A 发送了 ${PAYLOAD / MIB} MiB，却什么都不读。你的服务器仍然不停地读：A 不取走的回复都去了哪里？`,
    },
    {
      en: 'socket.write() returns false once its buffer is full: stop reading until "drain" (if (!socket.write(reply)) await once(socket, "drain")), or let pipeline(socket, transform, socket) do that for you. In Python\'s asyncio, await writer.drain() after each write.',
      zh: 'socket.write() 在缓冲区满时返回 false：在 "drain" 之前停止读取（if (!socket.write(reply)) await once(socket, "drain")），或者让 pipeline(socket, transform, socket) 替你做这件事。在 Python 的 asyncio 里，每次 write 之后都要 await writer.drain()。',
    },
  ],
  async check(h) {
    // Memory before: once the server has served a client, so its start-up is not counted as growth.
    const w = await h.connect('W');
    await h.answered(w, hello('W'));
    await h.leavePolitely(w);
    const before = h.resident();

    const a = await h.connectBulk('A', h.traffic.bulkBlock(), PAYLOAD);
    h.note({
      en: `A sends ${PAYLOAD / MIB} MiB, as fast as the kernel takes it, and reads nothing`,
      zh: `A 以内核能接受的最快速度发送 ${PAYLOAD / MIB} MiB，一个字节也不读`,
    });
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
      throw new Failure(
        {
          en: `Your server closed A's connection while A was still sending${say.andExited(h.subject.exitInfo).en}. A client that reads slowly is still a client to serve.`,
          zh: `A 还在发送时，你的服务器就关闭了它的连接${say.andExited(h.subject.exitInfo).zh}。读得慢的客户端也仍然是要服务的客户端。`,
        },
        { serverGone: Boolean(h.subject.exitInfo), hint: SLOW_READER_HINTS.dropped },
      );
    }
    const flight = await h.inFlight(a);
    const now = h.resident();
    if (flight && now !== null && before !== null) {
      const inKernel = flight.toServer + flight.toClient + a.buffered;
      const judged = holding({
        handed: a.handed,
        inKernel,
        sentBack: flight.toClient + a.buffered,
        grown: now - before,
      });
      h.note({
        en: `A handed ${mib(a.handed)} MiB to the kernel; ${mib(inKernel)} MiB of it sit in kernel buffers, your server holds ${mib(judged.held)} MiB; its memory grew by ${mib(judged.grown)} MiB`,
        zh: `A 交给内核 ${mib(a.handed)} MiB；其中 ${mib(inKernel)} MiB 在内核缓冲区里，你的服务器持有 ${mib(judged.held)} MiB；它的内存增长了 ${mib(judged.grown)} MiB`,
      });
      if (!judged.ok) {
        throw new Failure({
          en: `While A read nothing, your server took ${mib(judged.held)} MiB of A's stream into its own memory beyond what the kernel's buffers held, and grew by ${mib(judged.grown)} MiB. Up to ${HELD_LIMIT / MIB} MiB held and ${mib(judged.growthAllowed)} MiB of growth is fine: a server that stops reading while its replies back up holds almost nothing.`,
          zh: `A 什么都不读的时候，你的服务器在内核缓冲区之外又把 A 的数据流中的 ${mib(judged.held)} MiB 读进了自己的内存，内存增长了 ${mib(judged.grown)} MiB。持有不超过 ${HELD_LIMIT / MIB} MiB、增长不超过 ${mib(judged.growthAllowed)} MiB 是可以的：回复积压时就停止读取的服务器几乎什么都不持有。`,
        });
      }
    } else {
      h.note({
        en: `A handed ${mib(a.handed)} MiB to the kernel (how much the server holds can only be measured on Linux)`,
        zh: `A 交给内核 ${mib(a.handed)} MiB（服务器持有多少只能在 Linux 上测量）`,
      });
    }

    const b = await h.connect('B');
    try {
      await h.answered(b, hello('B'));
    } catch (err) {
      reword(
        err,
        {
          en: `While A was not reading, B got no reply within ${h.limits.replyMs} ms: one slow client holds up your whole server.`,
          zh: `A 不读数据的时候，B 在 ${h.limits.replyMs} 毫秒内没有得到回复：一个慢客户端挡住了你的整个服务器。`,
        },
        SLOW_READER_HINTS.holdsUp,
      );
    }
    await h.leavePolitely(b);

    h.note({ en: 'A starts reading', zh: 'A 开始读取' });
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
      throw new Failure(
        {
          en: `A's reply differs from its ${PAYLOAD / MIB} MiB uppercased at byte ${at}. Every byte must come back, in order, once.`,
          zh: `A 收到的回复从第 ${at} 个字节起与它发送的 ${PAYLOAD / MIB} MiB 的大写形式不同。每个字节都要按顺序、不多不少地回来。`,
        },
        { expected, actual, hint: SLOW_READER_HINTS.garbled },
      );
    }
    if (a.received < PAYLOAD) {
      const gone = h.subject.exitInfo;
      const why =
        outcome === 'capped'
          ? { en: `in ${cap} ms`, zh: `${cap} 毫秒内` }
          : a.serverDone
            ? { en: 'before the server closed the connection', zh: '服务器就关闭了连接' }
            : {
                en: `and then nothing more for ${h.limits.replyMs} ms`,
                zh: `之后 ${h.limits.replyMs} 毫秒内再没有收到任何数据`,
              };
      throw new Failure(
        {
          en: `When A read, it got back only ${mib(a.received)} MiB of its ${PAYLOAD / MIB} MiB ${why.en}${say.andExited(gone).en}.`,
          zh: `A 开始读取后，只收回了 ${PAYLOAD / MIB} MiB 中的 ${mib(a.received)} MiB，${why.zh}${say.andExited(gone).zh}。`,
        },
        { serverGone: Boolean(gone), hint: SLOW_READER_HINTS.stopped },
      );
    }
    const ms = Math.round(performance.now() - started);
    h.note({
      en: `A read all ${PAYLOAD / MIB} MiB back in ${ms} ms, every byte as expected`,
      zh: `A 用 ${ms} 毫秒读回了全部 ${PAYLOAD / MIB} MiB，每个字节都正确`,
    });
  },
};

const BURST = 200;
const BURST_AT_ONCE = 50;
/** The whole burst, in reply windows: far more than a server serving one client at a time needs. */
const BURST_WINDOWS = 20;
/**
 * How far above its memory before the burst a server may stay. The burst's messages are small (a few
 * KiB in all per client), so the garbage they leave is small too: growth beyond this is something kept.
 */
const SETTLED_LIMIT = 32 * MIB;

const BURST_UNFINISHED_HINT: Text = {
  en: "The clients could not all be served, so your server's memory was not judged: it stopped answering, or answered very slowly. The other failing properties tell why; fix those first.",
  zh: '这些客户端没能全部得到服务，所以没有判断你的服务器的内存：它停止了回答，或者回答得非常慢。其他不成立的评分项会告诉你原因；先修好它们。',
};

export const staysSmall: Property = {
  id: 'stays-small',
  needsProc: true,
  title: {
    en: `after ${BURST} clients come and go, memory returns near where it was`,
    zh: `${BURST} 个客户端来了又走之后，内存回到原来的水平附近`,
  },
  hints: [
    {
      en: `${BURST} clients came, talked and left, and your server's memory stayed up. What does it keep of a client after that client has gone?`,
      zh: `${BURST} 个客户端来过、说过话、又离开了，你的服务器的内存却没有降下来。客户端离开之后，它还留着这个客户端的什么东西？`,
    },
    {
      en: 'Keep what belongs to one client inside its conversation (local variables), not in a module-level array or Map; if you must keep a Map, delete the entry on "close".',
      zh: '属于一个客户端的东西要放在它自己的对话里（局部变量），而不是模块级的数组或 Map；如果一定要用 Map，就在 "close" 时删除对应的条目。',
    },
  ],
  async check(h) {
    if (!HAS_PROC) throw new Skip(say.needsProc());
    const w = await h.connect('W');
    await h.answered(w, hello('W'));
    await h.leavePolitely(w);
    const before = h.resident() ?? 0;
    h.note({
      en: `the server uses ${mib(before)} MiB; now ${BURST} clients, up to ${BURST_AT_ONCE} at a time, each at its own pace (not shown)`,
      zh: `服务器占用 ${mib(before)} MiB 内存；接下来 ${BURST} 个客户端，最多 ${BURST_AT_ONCE} 个同时在线，各按自己的节奏（不逐一列出）`,
    });
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
      BURST_AT_ONCE,
      async (n) => {
        if (turn.over()) {
          throw new Failure(
            {
              en: `After ${burstMs} ms, only ${served} of ${BURST} clients (up to ${BURST_AT_ONCE} at a time, ${ROUNDS} messages each) had been served: your server is too slow to judge its memory after them.`,
              zh: `${burstMs} 毫秒后，${BURST} 个客户端（最多 ${BURST_AT_ONCE} 个同时在线，每个 ${ROUNDS} 条消息）中只有 ${served} 个得到了服务：你的服务器太慢，没法在它们之后判断它的内存。`,
            },
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
          peak = Math.max(peak, h.resident() ?? 0);
        } catch (err) {
          if (!(err instanceof Failure)) throw err;
          h.wire.merge(wire);
          throw new Failure(
            {
              en: `Client #${n} of ${BURST} could not finish its conversation: ${err.text.en}`,
              zh: `第 ${n} 个客户端（共 ${BURST} 个）没能完成对话：${err.text.zh}`,
            },
            { hint: err.details.hint ?? BURST_UNFINISHED_HINT, serverGone: Boolean(err.details.serverGone) },
          );
        }
      },
    );
    const left = performance.now();
    let after = h.resident() ?? 0;
    const settled = await h.pollUntil(() => {
      after = h.resident() ?? 0;
      return after <= before + SETTLED_LIMIT;
    }, h.limits.settleMs);
    h.note({
      en: `all ${BURST} have left; at the peak the server used ${mib(peak)} MiB, now ${mib(after)} MiB`,
      zh: `${BURST} 个客户端都已离开；高峰时服务器占用 ${mib(peak)} MiB，现在 ${mib(after)} MiB`,
    });
    if (!settled) {
      const waited = Math.round(performance.now() - left);
      throw new Failure({
        en: `Before the clients came your server used ${mib(before)} MiB; ${waited} ms after all ${BURST} had left it still uses ${mib(after)} MiB, about ${Math.round((after - before) / BURST / 1024)} KiB for every client that has gone. Up to ${SETTLED_LIMIT / MIB} MiB above where it started is fine.`,
        zh: `客户端到来之前你的服务器占用 ${mib(before)} MiB；${BURST} 个客户端全部离开 ${waited} 毫秒后，它仍占用 ${mib(after)} MiB，相当于每个已离开的客户端约 ${Math.round((after - before) / BURST / 1024)} KiB。比开始时多出不超过 ${SETTLED_LIMIT / MIB} MiB 是可以的。`,
      });
    }
  },
};

/** The first hints for particular failures, beside each property's own ladder: every one in both languages. */
export const SITUATION_HINTS: readonly Text[] = [
  IDLE_FORGOTTEN_HINT,
  CROSSED_HINT,
  ...Object.values(SLOW_READER_HINTS),
  BURST_UNFINISHED_HINT,
];

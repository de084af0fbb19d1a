// The grader's own sentences about what happened, in both languages. Property titles and hints live
// with their properties; these are the sentences several properties share.
import type { ScriptedClient } from '../client/scripted-client.ts';
import type { ExitInfo } from '../subject/process.ts';
import type { Listener } from '../subject/procfs.ts';
import type { Text } from './text.ts';

function exitStatus(info: ExitInfo): Text {
  if (info.memory) {
    const { usedMiB, capMiB } = info.memory;
    return {
      en: `was stopped by the grader for using ${usedMiB} MiB of memory, over the cap of ${capMiB} MiB`,
      zh: `因占用 ${usedMiB} MiB 内存、超过上限 ${capMiB} MiB，被评分器终止`,
    };
  }
  if (info.error) return { en: `could not be started: ${info.error}`, zh: `无法启动：${info.error}` };
  if (info.signal) return { en: `was ended by signal ${info.signal}`, zh: `被信号 ${info.signal} 终止` };
  return { en: `exited with status ${info.code}`, zh: `以退出状态 ${info.code} 退出` };
}

/** ", and the server process exited with status 1" — or nothing while it runs. */
function andExited(exit: ExitInfo | null): Text {
  if (!exit) return { en: '', zh: '' };
  const status = exitStatus(exit);
  return { en: `; the server process ${status.en}`, zh: `；服务器进程${status.zh}` };
}

function where(listeners: Listener[]): string {
  return listeners
    .map((l) => (l.address.includes(':') ? `[${l.address}]:${l.port}` : `${l.address}:${l.port}`))
    .join(', ');
}

export const say = {
  exitStatus,
  andExited,

  exitedBeforeListening: (exit: ExitInfo): Text => {
    const status = exitStatus(exit);
    return {
      en: `Your server ${status.en} before it was listening; what it printed is shown below.`,
      zh: `你的服务器在开始监听之前就${status.zh}；它打印的内容见下方。`,
    };
  },

  /** Worked `cpuMs` of CPU time in `ms` without listening (over the `budgetMs` of CPU, or past the cap). */
  neverListened: (budgetMs: number, ms: number, cpuMs: number, port: number): Text => {
    const within = cpuMs >= budgetMs || cpuMs === 0 ? Math.min(budgetMs, ms) : ms;
    const used =
      cpuMs > 0
        ? { en: ` (it used ${cpuMs} ms of CPU time in ${ms} ms)`, zh: `（${ms} 毫秒里用了 ${cpuMs} 毫秒 CPU 时间）` }
        : { en: '', zh: '' };
    return {
      en: `Nothing accepted a connection on port ${port} (127.0.0.1 or ::1) within ${within} ms, though the server kept working${used.en}. Does it call listen() with the port from the PORT environment variable?`,
      zh: `服务器一直在工作${used.zh}，但 ${within} 毫秒内端口 ${port}（127.0.0.1 或 ::1）上没有任何程序接受连接。它是否用环境变量 PORT 给出的端口调用了 listen()？`,
    };
  },

  listensOnlySometimesHint: (): Text => ({
    en: 'Your server listened for another check of this grade, but not for this one, twice. Does it start the same way every time? Look for a fixed port, a file it locks or writes, or a crash that comes and goes.',
    zh: '在本次评分的另一项检查里，你的服务器开始了监听，但在这一项里两次都没有。它每次启动都一样吗？找找写死的端口、它锁住或写入的文件，或时有时无的崩溃。',
  }),

  slowStart: (ms: number): Text => {
    const seconds = (ms / 1000).toFixed(1);
    return {
      en: `Your server took ${seconds} s to start listening; the grader waited for it. (A server that keeps working at starting, through a launcher such as pyenv or npx, is given the time it needs.)`,
      zh: `你的服务器用了 ${seconds} 秒才开始监听；评分器等了它。（启动时一直在工作的服务器，包括经由 pyenv、npx 等启动器启动的，都会得到它需要的时间。）`,
    };
  },

  asleepNotListening: (ms: number, port: number): Text => ({
    en: `${ms} ms after it started, your server is running but idle, and nothing listens on port ${port} (127.0.0.1 or ::1). Does it call listen() with the port from the PORT environment variable?`,
    zh: `启动 ${ms} 毫秒后，你的服务器在运行但处于空闲状态，而端口 ${port}（127.0.0.1 或 ::1）上没有任何监听。它是否用环境变量 PORT 给出的端口调用了 listen()？`,
  }),

  wrongPort: (listeners: Listener[], port: number): Text => {
    const samePort = listeners.some((l) => l.port === port);
    return samePort
      ? {
          en: `Your server is listening on ${where(listeners)}, an address a client on this machine can't reach as 127.0.0.1 or ::1. Listen on all addresses (leave the host out) or on 127.0.0.1.`,
          zh: `你的服务器在 ${where(listeners)} 上监听，本机客户端无法通过 127.0.0.1 或 ::1 连到这个地址。请监听所有地址（不写 host），或监听 127.0.0.1。`,
        }
      : {
          en: `Your server is listening on ${where(listeners)}, not on PORT=${port}. Read the port from the PORT environment variable (process.env.PORT).`,
          zh: `你的服务器在 ${where(listeners)} 上监听，而不是 PORT=${port}。请从环境变量 PORT（process.env.PORT）读取端口。`,
        };
  },

  triedOtherPort: (taken: number, port: number): Text => ({
    en: `Your server tried to listen on port ${taken}, not on PORT=${port}, and ${taken} was taken. Read the port from the PORT environment variable (process.env.PORT).`,
    zh: `你的服务器试图在端口 ${taken} 上监听，而不是 PORT=${port}，而 ${taken} 已被占用。请从环境变量 PORT（process.env.PORT）读取端口。`,
  }),

  connectFailed: (client: string, code: string, exit: ExitInfo | null, port: number): Text => {
    if (code === 'ECONNREFUSED' && exit) {
      const status = exitStatus(exit);
      return {
        en: `Client ${client} was refused: the server is no longer running (it ${status.en}).`,
        zh: `客户端 ${client} 的连接被拒绝：服务器已经不在运行了（它${status.zh}）。`,
      };
    }
    if (code === 'ECONNREFUSED') {
      return {
        en: `Client ${client} was refused: the server process still runs, but nothing listens on port ${port} any more. Did it close its listening socket?`,
        zh: `客户端 ${client} 的连接被拒绝：服务器进程还在，但端口 ${port} 上已经没有监听了。它是不是关闭了监听 socket？`,
      };
    }
    if (code === 'ETIMEDOUT') {
      return {
        en: `Client ${client} could not even connect: the handshake did not complete in time (is the listen backlog full?).`,
        zh: `客户端 ${client} 连不上：握手没有按时完成（监听队列满了吗？）。`,
      };
    }
    return { en: `Client ${client} could not connect: ${code}.`, zh: `客户端 ${client} 无法连接：${code}。` };
  },

  /** Why a client got no reply: silence, a FIN, or a reset — and whether the server is gone. */
  noReply: (client: ScriptedClient, ms: number, exit: ExitInfo | null): Text => {
    const tail = andExited(exit);
    if (client.resetReceived) {
      return {
        en: `Client ${client.name} got no reply: the server reset the connection instead${tail.en}.`,
        zh: `客户端 ${client.name} 没有收到回复：服务器重置（RST）了连接${tail.zh}。`,
      };
    }
    if (client.finReceived) {
      return {
        en: `Client ${client.name} got no reply: the server closed the connection (FIN) without answering${tail.en}.`,
        zh: `客户端 ${client.name} 没有收到回复：服务器没有回答就关闭了连接（FIN）${tail.zh}。`,
      };
    }
    return {
      en: `Client ${client.name} got no reply within ${ms} ms${tail.en}.`,
      zh: `客户端 ${client.name} 在 ${ms} 毫秒内没有收到回复${tail.zh}。`,
    };
  },

  noFinYet: (client: string, ms: number): Text => ({
    en: `${client} waited ${ms} ms for the server to close its side; it did not, so ${client} closes anyway`,
    zh: `${client} 等了 ${ms} 毫秒，服务器始终没有关闭它那一端，${client} 只好自己关闭`,
  }),

  noReplyHint: (): Text => ({
    en: "Nothing came back at all. Does your server write a reply (socket.write or socket.end) when a message arrives, and does it reach that line? Two traps: a synchronous while (true) loop blocks Node's event loop, so no 'data' can arrive; and a socket of createServer({ pauseOnConnect: true }) stays paused until read with for await (a 'data' listener alone needs socket.resume()).",
    zh: "什么都没有返回。消息到达时，你的服务器有没有写回复（socket.write 或 socket.end），代码执行到那一行了吗？两个陷阱：同步的 while (true) 循环会卡住 Node 的事件循环，任何 'data' 都到不了；createServer({ pauseOnConnect: true }) 的 socket 会一直暂停，直到用 for await 去读（只加 'data' 监听器的话，要先调用 socket.resume()）。",
  }),

  /** The same lead for a server not written for Node: its own language's calls, no event-loop traps. */
  noReplyHintFor: (runtime: 'python' | 'other'): Text =>
    runtime === 'python'
      ? {
          en: 'Nothing came back at all. When recv() returns a message, does your server call sendall() with the reply, on the connection socket (not the listening one)? Does it reach that line?',
          zh: '什么都没有返回。recv() 收到消息后，你的服务器有没有在连接 socket（不是监听 socket）上调用 sendall() 发回复？代码执行到那一行了吗？',
        }
      : {
          en: 'Nothing came back at all. When a message arrives, does your server write a reply to that connection, and does it reach that line (no output buffered and never flushed)?',
          zh: '什么都没有返回。消息到达时，你的服务器有没有往这个连接写回复，代码执行到那一行了吗（回复有没有留在缓冲区里，一直没被发出去）？',
        },

  toUpperCaseHint: (): Text => ({
    en: 'é came back as É: toUpperCase() changes more than a–z. Change only the bytes 0x61–0x7a, as upperAscii() does.',
    zh: 'é 变成了 É：toUpperCase() 改变的不只是 a–z。只改 0x61–0x7a 这些字节，就像 upperAscii() 那样。',
  }),

  serverGoneHint: (exit: ExitInfo, printed: boolean): Text => {
    const status = exitStatus(exit);
    return {
      en: `Your server is no longer running (it ${status.en}), so no one was there to answer: fix that first.${printed ? ' What it printed last is above.' : ''}`,
      zh: `你的服务器已经不在运行了（它${status.zh}），所以没有人来回答：先解决这个问题。${printed ? '它最后打印的内容在上面。' : ''}`,
    };
  },

  stoppedListeningHint: (): Text => ({
    en: 'Your server still runs but no longer listens: did it call server.close() after its first client? A connection loop keeps listening.',
    zh: '你的服务器还在运行，但已经不再监听：它是不是在第一个客户端之后调用了 server.close()？连接循环要一直保持监听。',
  }),

  otherPortHint: (): Text => ({
    en: 'Start your server by hand with an unusual port, PORT=5123: does it say it listens on 5123?',
    zh: '用一个不常见的端口手动启动你的服务器，比如 PORT=5123：它说自己在 5123 上监听了吗？',
  }),

  exitStatusHint: (exit: ExitInfo): Text => {
    const status = exitStatus(exit);
    return {
      en:
        exit.code === 13
          ? `Your server ${status.en}: a top-level await was still waiting when nothing was left that could wake it. Which await was waiting for a client that had already gone?`
          : `Your server ${status.en} by itself. Don't call process.exit(): close the socket (socket.end) and the server (server.close), and Node exits with 0 on its own.`,
      zh:
        exit.code === 13
          ? `你的服务器${status.zh}：一个顶层 await 还在等待，却已经没有任何东西能唤醒它。是哪个 await 在等一个早已离开的客户端？`
          : `你的服务器自己${status.zh}。不要调用 process.exit()：关闭 socket（socket.end）和服务器（server.close），Node 会自己以 0 退出。`,
    };
  },

  wrongReply: (what: Text): Text => ({
    en: `${what.en}: the reply is not the message with a–z uppercased.`,
    zh: `${what.zh}：回复不是把 a–z 转成大写后的原消息。`,
  }),

  andStoppedForMemory: (message: Text, exit: ExitInfo): Text => {
    const status = exitStatus(exit);
    return { en: `${message.en} The server ${status.en}.`, zh: `${message.zh}服务器${status.zh}。` };
  },

  pastTimeCap: (seconds: number): Text => ({
    en: `Not decided within the time cap of ${seconds} s for the whole grade: the grader stopped the server.`,
    zh: `整次评分的时间上限是 ${seconds} 秒，这一项在此之前没有得出结论：评分器终止了服务器。`,
  }),

  pastTimeCapHint: (): Text => ({
    en: 'Grade this server on its own (npm run grade -- <stage> --file <path>): the report shows where it gets stuck. A slow machine can allow more time with --time-cap <seconds>.',
    zh: '单独评分这个服务器（npm run grade -- <阶段> --file <路径>）：报告会显示它卡在哪里。机器较慢时，可以用 --time-cap <秒数> 放宽时间。',
  }),

  notJudged: (): Text => ({
    en: 'Not judged: the server never listened (see listens).',
    zh: '未评判：服务器从未开始监听（见 listens）。',
  }),

  needsProc: (): Text => ({
    en: 'Skipped: measuring this needs Linux /proc, which this machine does not have.',
    zh: '已跳过：测量这一项需要 Linux 的 /proc，本机没有。',
  }),
};

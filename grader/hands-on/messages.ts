// Every sentence the hands-on client prints, in English and Chinese. Data only: the client picks a
// language and prints; nothing here writes anywhere.

import { columns, flagLabel, flagRows, flagsIn } from '../cli/flag-table.ts';
import { say as graderSay } from '../i18n/messages.ts';
import type { Lang, Text } from '../i18n/text.ts';
import { escapeBytes } from '../report/bytes.ts';
import type { ExitInfo } from '../subject/process.ts';
import type { Problem } from './commands.ts';
import { CLIENT_FLAGS } from './flags.ts';

const SHOWN_BYTES = 400;
/** Width of the usage's first column, the flags: its longest, --file <path>, and four spaces. */
const USAGE_COLUMN = 17;

/** Bytes quoted and escaped, so that a newline shows as \n; a long run is cut, with its full size. */
export function shown(bytes: Buffer): string {
  if (bytes.length <= SHOWN_BYTES) return `"${escapeBytes(bytes)}"`;
  return `"${escapeBytes(bytes.subarray(0, SHOWN_BYTES))}"…`;
}

const bytesEn = (n: number) => `${n} byte${n === 1 ? '' : 's'}`;

const WHAT_NOW: Text = {
  en: 'What now: :reconnect opens a new connection to the same port; :quit leaves.',
  zh: '接下来：:reconnect 重新连接同一个端口；:quit 退出。',
};

export const say = {
  serverLabel: { en: 'server', zh: '服务器' } as Text,
  whatNow: WHAT_NOW,

  usage: (): Text => {
    const label = (name: string, lang: Lang) => flagLabel(CLIENT_FLAGS, name, lang);
    // Two ways to use it: a server already running, or one the client starts.
    const synopsis = (lang: Lang, stage: string) => {
      const langFlag = `[${label('lang', lang)}]`;
      const starts = flagsIn(CLIENT_FLAGS, 'start')
        .map((name) => label(name, lang))
        .join(' | ');
      return [`${label('port', lang)} [${label('host', lang)}] ${langFlag}`, `${stage} [${starts}] ${langFlag}`];
    };
    const rows = (lang: Lang, stage: readonly [string, string]) =>
      columns(
        [
          ...flagRows(CLIENT_FLAGS, ['port'], lang),
          stage,
          ...flagRows(CLIENT_FLAGS, flagsIn(CLIENT_FLAGS, 'start', 'common'), lang),
        ],
        USAGE_COLUMN,
      );
    const en = synopsis('en', '<stage>');
    const zh = synopsis('zh', '<阶段>');
    return {
      en: `Usage: npm run client -- ${en[0]}
       npm run client -- ${en[1]}

${rows('en', [
  '<stage>',
  'stage-1 to stage-4 (or 1 to 4): start your stages/<stage>/server.ts on a\nfree port, show its output, and stop it when the client ends',
])}

Examples: npm run client -- stage-2
          npm run client -- --port 5000`,
      zh: `用法：npm run client -- ${zh[0]}
      npm run client -- ${zh[1]}

${rows('zh', [
  '<阶段>',
  'stage-1 到 stage-4（也可以写 1 到 4）：在一个空闲端口上启动你的\nstages/<阶段>/server.ts，显示它的输出，客户端结束时把它停掉',
])}

例如：npm run client -- stage-2
      npm run client -- --port 5000`,
    };
  },

  usageError: (reason: string): Text => ({ en: reason, zh: `命令行参数有误：${reason}` }),
  badPort: (value: string): Text => ({
    en: `--port takes a port number from 1 to 65535, not "${value}".`,
    zh: `--port 需要 1 到 65535 之间的端口号，而不是“${value}”。`,
  }),
  badLang: (value: string): Text => ({
    en: `--lang takes en or zh, not "${value}".`,
    zh: `--lang 只能是 en 或 zh，而不是“${value}”。`,
  }),
  noTarget: (): Text => ({
    en: 'Which server? Give --port <port> for one already running, or a stage (like stage-2) to start yours.',
    zh: '连接哪个服务器？已经在运行的用 --port <端口>，或者给出一个阶段（比如 stage-2）来启动你的服务器。',
  }),
  portAndServer: (): Text => ({
    en: '--port talks to a server already running; a stage, --solution or --file starts one. Choose one of the two.',
    zh: '--port 连接已经在运行的服务器；阶段、--solution 或 --file 则会启动一个。两者只能选一种。',
  }),
  hostWithoutPort: (): Text => ({
    en: '--host goes with --port: a server this client starts is reached on 127.0.0.1 or ::1.',
    zh: '--host 要和 --port 一起用：本客户端启动的服务器总是通过 127.0.0.1 或 ::1 连接。',
  }),
  solutionAndFile: (): Text => ({
    en: 'Choose one server: --solution or --file.',
    zh: '只能选一个服务器：--solution 或 --file。',
  }),
  tooManyStages: (extra: string): Text => ({
    en: `One stage at a time: what is "${extra}"?`,
    zh: `一次只能选一个阶段：“${extra}”是什么？`,
  }),
  unknownStage: (name: string, known: string): Text => ({
    en: `There is no stage "${name}". The stages are: ${known}.`,
    zh: `没有名为“${name}”的阶段。现有阶段：${known}。`,
  }),
  solutionNeedsStage: (): Text => ({
    en: '--solution starts the reference solution of a stage: name the stage, like stage-2 --solution.',
    zh: '--solution 启动某个阶段的参考答案：请指定阶段，比如 stage-2 --solution。',
  }),
  notATerminal: (): Text => ({
    en: 'The hands-on client is interactive: run it in a terminal (its input is not a terminal now).',
    zh: '这个动手客户端是交互式的：请在终端里运行它（现在它的输入不是终端）。',
  }),

  starting: (label: string, port: number): Text => ({
    en: `Starting ${label} on port ${port} (PORT=${port}); its output is shown as "server | …".`,
    zh: `正在端口 ${port} 上启动 ${label}（PORT=${port}）；它的输出显示为“服务器 | …”。`,
  }),
  exitedBeforeListening: (exit: ExitInfo): Text => {
    const status = graderSay.exitStatus(exit);
    return {
      en: `Your server ${status.en} before it was listening; what it printed is shown above.`,
      zh: `你的服务器在开始监听之前就${status.zh}；它打印的内容见上方。`,
    };
  },
  connected: (host: string, port: number, localPort: number): Text => ({
    en: `Connected to ${host} port ${port} (this client is port ${localPort}).`,
    zh: `已连接到 ${host} 端口 ${port}（本客户端是端口 ${localPort}）。`,
  }),
  welcome: (): Text => ({
    en: 'Type a message and press Enter: its bytes go out as UTF-8, exactly as typed, with no newline added. :help lists the commands.',
    zh: '输入一条消息并按回车：它的字节按 UTF-8 原样发出，不会加换行。:help 列出所有命令。',
  }),
  refused: (host: string, port: number): Text => ({
    en: `Nothing listens on ${host} port ${port}: the connection was refused. Start your server first, in another terminal: PORT=${port} node --import tsx stages/<stage>/server.ts — or let this client start it on a free port: npm run client -- <stage> (like stage-2).`,
    zh: `${host} 端口 ${port} 上没有程序在监听：连接被拒绝。请先在另一个终端里启动你的服务器：PORT=${port} node --import tsx stages/<阶段>/server.ts；或者让本客户端在一个空闲端口上启动它：npm run client -- <阶段>（比如 stage-2）。`,
  }),
  refusedOwnServer: (port: number, exit: ExitInfo | null): Text => {
    if (!exit) {
      return {
        en: `The connection was refused: your server still runs, but nothing listens on port ${port} any more. Did it close its listening socket? (A stage 2 server does, after its one client.)`,
        zh: `连接被拒绝：你的服务器还在运行，但端口 ${port} 上已经没有监听了。它是不是关闭了监听 socket？（第 2 阶段的服务器在服务完唯一的客户端后就会这样做。）`,
      };
    }
    const status = graderSay.exitStatus(exit);
    return {
      en: `The connection was refused: your server is no longer running (it ${status.en}). A server of stage 1 or 2 serves one client, then ends; :quit and start the client again to restart it.`,
      zh: `连接被拒绝：你的服务器已经不在运行了（它${status.zh}）。第 1、2 阶段的服务器只服务一个客户端就结束；:quit 后重新启动客户端即可重启它。`,
    };
  },
  connectFailed: (host: string, port: number, code: string): Text => ({
    en: `Could not connect to ${host} port ${port}: ${code}.`,
    zh: `无法连接到 ${host} 端口 ${port}：${code}。`,
  }),

  prompt: (host: string, port: number): Text => ({ en: `to ${host}:${port}`, zh: `发往 ${host}:${port}` }),

  help: (): Text => ({
    en: `Type a message and press Enter: its bytes are sent as UTF-8, exactly as typed; no newline is added
(to send one, use :raw hello\\n). Then the client shows the reply as it came: bytes escaped so that
a newline shows as \\n, how many, and how long from the send to the last byte. A reply is over once
no byte has come for a short while: TCP is a stream and never says where a message ends.

  :help                  this list
  :fin                   half-close: send FIN (you will send nothing more), keep reading, and show
                         the server's FIN when it comes
  :rst                   reset the connection: send RST instead of FIN, as a crashed client would
  :reconnect             close this connection and open a new one to the same port
  :several a | b | c     send several messages in ONE write, and see how the replies arrive
  :raw <escaped>         send raw bytes written with escapes \\n \\r \\t \\0 \\\\ \\" \\xNN \\u{HEX}
                         e.g. :raw caf\\xc3\\xa9\\n
  :quit                  close the connection and leave (Ctrl-D on an empty line too)

Up and Down recall what you typed before.`,
    zh: `输入一条消息并按回车：它的字节按 UTF-8 原样发出，不会加换行（要发换行，用 :raw hello\\n）。
随后客户端显示收到的回复：转义后的字节（换行显示为 \\n）、字节数，以及从发送到最后一个字节
用了多久。一段时间没有新字节到来，就认为这次回复结束了：TCP 是字节流，从不标明一条消息在哪里结束。

  :help                  显示这个列表
  :fin                   半关闭：发送 FIN（你不会再发送任何东西），继续读取，服务器的 FIN
                         到来时显示出来
  :rst                   重置连接：发送 RST 而不是 FIN，就像崩溃的客户端那样
  :reconnect             关闭当前连接，再向同一个端口建立一个新连接
  :several a | b | c     在一次 write 中发送多条消息，看看回复是怎样到达的
  :raw <转义文本>        发送用转义写出的原始字节：\\n \\r \\t \\0 \\\\ \\" \\xNN \\u{十六进制}
                         例如 :raw caf\\xc3\\xa9\\n
  :quit                  关闭连接并退出（在空行上按 Ctrl-D 也可以）

上下方向键可以找回之前输入的内容。`,
  }),

  empty: (): Text => ({
    en: 'Nothing sent. An empty message is zero bytes, and sending zero bytes puts nothing on the wire: the server receives nothing, so a reply would never come, and waiting for one would hang forever. (A classic bug of simple Python clients: they send "" and then block in recv() forever.) To send a newline, use :raw \\n',
    zh: '没有发送。空消息就是 0 个字节，而发送 0 个字节不会往线路上放任何东西：服务器什么也收不到，回复永远不会来，等它就会永远卡住。（这是简单 Python 客户端的经典缺陷：发送 "" 之后，就永远阻塞在 recv() 上。）要发送一个换行，用 :raw \\n',
  }),

  problem: (p: Problem): Text => {
    switch (p.code) {
      case 'unknown-command':
        return {
          en: `There is no command :${p.name}; :help lists them. To send text that starts with ":", use :raw, e.g. :raw :${p.name}`,
          zh: `没有 :${p.name} 这个命令；:help 列出所有命令。要发送以“:”开头的文本，用 :raw，例如 :raw :${p.name}`,
        };
      case 'needs-argument':
        return p.name === 'several'
          ? {
              en: 'Give the messages after :several, separated by |, e.g. :several one | two',
              zh: '在 :several 后面给出几条消息，用 | 分隔，例如 :several one | two',
            }
          : {
              en: 'Give the bytes after :raw, e.g. :raw hello\\n',
              zh: '在 :raw 后面给出要发送的字节，例如 :raw hello\\n',
            };
      case 'no-argument':
        return { en: `:${p.name} takes nothing after it.`, zh: `:${p.name} 后面不需要任何内容。` };
      case 'empty-part':
        return {
          en: `Message ${p.index} of :several is empty: it would add no bytes. Write something between each |.`,
          zh: `:several 的第 ${p.index} 条消息是空的：它不会增加任何字节。请在每个 | 之间写点内容。`,
        };
      case 'unknown-escape':
        return {
          en: `${p.sequence} is not an escape :raw knows: use \\n \\r \\t \\0 \\\\ \\" \\xNN or \\u{HEX} (a backslash itself is \\\\).`,
          zh: `${p.sequence} 不是 :raw 认识的转义：可用 \\n \\r \\t \\0 \\\\ \\" \\xNN 或 \\u{十六进制}（反斜杠本身写作 \\\\）。`,
        };
      case 'bad-hex':
        return {
          en: `${p.sequence} is not a byte: \\x takes exactly two hex digits, like \\x0a or \\xc3.`,
          zh: `${p.sequence} 不是一个字节：\\x 后面必须正好是两位十六进制数字，比如 \\x0a 或 \\xc3。`,
        };
      case 'bad-code-point':
        return {
          en: `${p.sequence} is not a character: \\u takes a code point in braces, like \\u{e9} or \\u{4f60}.`,
          zh: `${p.sequence} 不是一个字符：\\u 后面要用花括号写码点，比如 \\u{e9} 或 \\u{4f60}。`,
        };
      case 'dangling-backslash':
        return {
          en: 'The last \\ escapes nothing: a backslash itself is written \\\\.',
          zh: '最后一个 \\ 后面什么也没有：反斜杠本身写作 \\\\。',
        };
    }
  },

  sent: (bytes: Buffer): Text => ({
    en: `sent ${bytesEn(bytes.length)}: ${shown(bytes)}`,
    zh: `已发送 ${bytes.length} 字节：${shown(bytes)}`,
  }),
  sentSeveral: (parts: Buffer[], all: Buffer): Text => ({
    en: `sent ${parts.length} messages (${parts.map(shown).join(' + ')}) in one write: ${bytesEn(all.length)}, ${shown(all)}`,
    zh: `在一次 write 中发送了 ${parts.length} 条消息（${parts.map(shown).join(' + ')}）：共 ${all.length} 字节，${shown(all)}`,
  }),
  reply: (bytes: Buffer, ms: number): Text => ({
    en: `reply: ${shown(bytes)} (${bytesEn(bytes.length)}, ${ms} ms)`,
    zh: `回复：${shown(bytes)}（${bytes.length} 字节，${ms} 毫秒）`,
  }),
  pieces: (count: number): Text => ({
    en: `it came in ${count} pieces (reads):`,
    zh: `它分 ${count} 块（${count} 次读取）到达：`,
  }),
  piece: (index: number, ms: number, bytes: Buffer): Text => ({
    en: `  ${index}. +${ms} ms  ${shown(bytes)} (${bytesEn(bytes.length)})`,
    zh: `  ${index}. +${ms} 毫秒  ${shown(bytes)}（${bytes.length} 字节）`,
  }),
  noReply: (ms: number): Text => ({
    en: `no reply within ${ms} ms. (If one comes later, it is shown when it arrives.)`,
    zh: `${ms} 毫秒内没有回复。（如果之后才到，到达时会显示出来。）`,
  }),
  severalLesson: (messages: number, pieces: number): Text =>
    pieces === messages
      ? {
          en: `You sent ${messages} messages and the replies came in ${pieces} pieces, this time. TCP promises nothing of the kind: it is a byte stream and keeps no message boundaries.`,
          zh: `你发送了 ${messages} 条消息，这一次回复恰好分 ${pieces} 块到达。但 TCP 并不保证这一点：它是字节流，不保留消息边界。`,
        }
      : {
          en: `You sent ${messages} messages; the replies came in ${pieces} piece${pieces === 1 ? '' : 's'}. TCP is a byte stream and keeps no message boundaries: the server read bytes, not your ${messages} messages. A program that needs messages must mark where each ends (a newline, a length).`,
          zh: `你发送了 ${messages} 条消息；回复分 ${pieces} 块到达。TCP 是字节流，不保留消息边界：服务器读到的是字节，而不是你的 ${messages} 条消息。需要消息的程序必须自己标出每条消息在哪里结束（换行符、长度）。`,
        },

  finSent: (): Text => ({
    en: 'sent FIN: you will send nothing more on this connection; still reading, waiting for the server to close its side…',
    zh: '已发送 FIN：你不会再在这个连接上发送任何东西；继续读取，等待服务器关闭它那一端……',
  }),
  finSentLast: (): Text => ({
    en: 'sent FIN. The server had already closed its side, so with yours the connection is over, both ways.',
    zh: '已发送 FIN。服务器之前已经关闭了它那一端，所以加上你的 FIN，这个连接在两个方向上都结束了。',
  }),
  finAfterFin: (ms: number): Text => ({
    en: `the server closed its side too (FIN), ${ms} ms after yours: it read your EOF and hung up. The connection is over.`,
    zh: `服务器也关闭了它那一端（FIN），在你的 FIN 之后 ${ms} 毫秒：它读到了你的 EOF 并挂断。这个连接结束了。`,
  }),
  noFinYet: (ms: number): Text => ({
    en: `no FIN from the server within ${ms} ms: it keeps its side open. A server that never notices the client's EOF (an empty read) never closes. If the FIN comes later, it is shown.`,
    zh: `${ms} 毫秒内没有收到服务器的 FIN：它的那一端还开着。一个从不留意客户端 EOF（读到空数据）的服务器永远不会关闭。如果 FIN 之后才到，会显示出来。`,
  }),
  rstSent: (): Text => ({
    en: "reset the connection (RST): it is gone at once, both ways; the server's next read fails with ECONNRESET. A server must survive that.",
    zh: '已重置连接（RST）：连接立刻在两个方向上都断了；服务器的下一次读取会以 ECONNRESET 失败。服务器必须能扛住这种情况。',
  }),

  serverClosed: (): Text => ({
    en: 'the server closed the connection (FIN): it will send nothing more.',
    zh: '服务器关闭了连接（FIN）：它不会再发送任何东西。',
  }),
  serverReset: (code: string): Text =>
    code === 'EPIPE'
      ? {
          en: 'the connection was reset: writing failed with EPIPE (the server had already closed or reset it).',
          zh: '连接已被重置：写入以 EPIPE 失败（服务器已经关闭或重置了它）。',
        }
      : code === 'ECONNRESET'
        ? { en: 'the server reset the connection (RST, ECONNRESET).', zh: '服务器重置了连接（RST，ECONNRESET）。' }
        : { en: `the connection broke: ${code}.`, zh: `连接断开了：${code}。` },
  late: (bytes: Buffer): Text => ({
    en: `more bytes arrived: ${shown(bytes)} (${bytesEn(bytes.length)})`,
    zh: `又收到了字节：${shown(bytes)}（${bytes.length} 字节）`,
  }),
  cannotSend: (why: 'fin-sent' | 'closed'): Text =>
    why === 'fin-sent'
      ? {
          en: 'Not sent: you sent FIN (:fin) on this connection, so it carries no more bytes from you. :reconnect opens a new one.',
          zh: '没有发送：你已经在这个连接上发送了 FIN（:fin），它不能再携带你发出的字节。:reconnect 可以建立新连接。',
        }
      : {
          en: 'Not sent: this connection is closed. :reconnect opens a new one to the same port.',
          zh: '没有发送：这个连接已经关闭。:reconnect 可以向同一个端口建立新连接。',
        },
  afterServerFin: (): Text => ({
    en: '(the server had closed its side, so no reply will come; if it has closed its socket altogether, its kernel answers these bytes with a reset)',
    zh: '（服务器已经关闭了它那一端，所以不会有回复；如果它已经彻底关闭了 socket，它的内核会用重置来回应这些字节）',
  }),
  notConnectedForFin: (): Text => ({
    en: 'There is no open connection to half-close. :reconnect opens a new one.',
    zh: '没有可以半关闭的连接。:reconnect 可以建立新连接。',
  }),
  finAlreadySent: (): Text => ({
    en: "You already sent FIN on this connection; the server's FIN is shown when it comes.",
    zh: '你已经在这个连接上发送过 FIN 了；服务器的 FIN 到来时会显示出来。',
  }),
  notConnectedForRst: (): Text => ({
    en: 'There is no open connection to reset. :reconnect opens a new one.',
    zh: '没有可以重置的连接。:reconnect 可以建立新连接。',
  }),
  closingOld: (): Text => ({ en: 'closed the old connection (FIN).', zh: '已关闭旧连接（FIN）。' }),

  serverExited: (exit: ExitInfo): Text => {
    const status = graderSay.exitStatus(exit);
    return { en: `the server process ${status.en}.`, zh: `服务器进程${status.zh}。` };
  },
  bye: (): Text => ({ en: 'Bye.', zh: '再见。' }),
  interrupted: (): Text => ({ en: 'Interrupted (Ctrl-C).', zh: '已中断（Ctrl-C）。' }),
  endOfInput: (): Text => ({ en: 'End of input (Ctrl-D).', zh: '输入结束（Ctrl-D）。' }),
  crashed: (): Text => ({
    en: 'The hands-on client itself failed; this is a bug in Socket Lab, not in your server. Please report it with this trace:',
    zh: '动手客户端自身出错了：这是 Socket Lab 的缺陷，不是你的服务器的问题。请附上以下信息报告：',
  }),
};

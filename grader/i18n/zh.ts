// 每一句给学习者看的中文，按 id 对应 en.ts；en.ts 决定有哪些 id，这里一个都不能少。
import type { Entry } from './entry.ts';
import type { MessageId } from './t.ts';

export const zh: Readonly<Record<MessageId, Entry>> = {
  // engine/harness.ts
  'wire.connected-from': '{host} 端口 {localPort}',
  'say.exited-and-why': '{exited}{why}',

  // hands-on/messages.ts
  'client.what-now': '接下来：:reconnect 重新连接同一个端口；:quit 退出。',
  'client.server-label': '服务器',
  'client.bad-port': '--port 需要 1 到 65535 之间的端口号，而不是“{port}”。',
  'client.no-target':
    '连接哪个服务器？已经在运行的用 --port <端口>，或者给出一个阶段（比如 stage-2）来启动你的服务器。',
  'client.port-and-server': '--port 连接已经在运行的服务器；阶段、--solution 或 --file 则会启动一个。两者只能选一种。',
  'client.host-without-port': '--host 要和 --port 一起用：本客户端启动的服务器总是通过 127.0.0.1 或 ::1 连接。',
  'client.solution-and-file': '只能选一个服务器：--solution 或 --file。',
  'client.too-many-stages': '一次只能选一个阶段：“{extra}”是什么？',
  'client.unknown-stage': '没有名为“{name}”的阶段。现有阶段：{known}。',
  'client.unknown-stage.did-you-mean': '没有名为“{name}”的阶段。你是想写 {suggestion} 吗？',
  'client.solution-needs-stage': '--solution 启动某个阶段的参考答案：请指定阶段，比如 stage-2 --solution。',
  'client.not-a-terminal': '这个动手客户端是交互式的：请在终端里运行它（现在它的输入不是终端）。',
  'client.starting': '正在端口 {port} 上启动 {label}（PORT={port}）；它的输出显示为“服务器 | …”。',
  'client.exited-before-listening': '你的服务器在开始监听之前就{status}；它打印的内容见上方。',
  'client.connected': '已连接到 {host} 端口 {port}（本客户端是端口 {localPort}）。',
  'client.welcome': '输入一条消息并按回车：它的字节按 UTF-8 原样发出，不会加换行。:help 列出所有命令。',
  'client.refused':
    '{host} 端口 {port} 上没有程序在监听：连接被拒绝。请先在另一个终端里启动你的服务器：PORT={port} node --import tsx stages/<阶段>/server.ts；或者让本客户端在一个空闲端口上启动它：npm run client -- <阶段>（比如 stage-2）。',
  'client.refused-still-running':
    '连接被拒绝：你的服务器还在运行，但端口 {port} 上已经没有监听了。它是不是关闭了监听 socket？（第 2 阶段的服务器在服务完唯一的客户端后就会这样做。）',
  'client.refused-server-gone':
    '连接被拒绝：你的服务器已经不在运行了（它{status}）。第 1、2 阶段的服务器只服务一个客户端就结束；:quit 后重新启动客户端即可重启它。',
  'client.connect-failed': '无法连接到 {host} 端口 {port}：{code}。',
  'client.prompt': '发往 {host}:{port}',
  'client.help':
    '输入一条消息并按回车：它的字节按 UTF-8 原样发出，不会加换行（要发换行，用 :raw hello\\n）。\n随后客户端显示收到的回复：转义后的字节（换行显示为 \\n）、字节数，以及从发送到最后一个字节\n用了多久。一段时间没有新字节到来，就认为这次回复结束了：TCP 是字节流，从不标明一条消息在哪里结束。\n\n  :help                  显示这个列表\n  :fin                   半关闭：发送 FIN（你不会再发送任何东西），继续读取，服务器的 FIN\n                         到来时显示出来\n  :rst                   重置连接：发送 RST 而不是 FIN，就像崩溃的客户端那样\n  :reconnect             关闭当前连接，再向同一个端口建立一个新连接\n  :several a | b | c     在一次 write 中发送多条消息，看看回复是怎样到达的\n  :raw <转义文本>        发送用转义写出的原始字节：\\n \\r \\t \\0 \\\\ \\" \\xNN \\u{十六进制}\n                         例如 :raw caf\\xc3\\xa9\\n\n  :quit                  关闭连接并退出（在空行上按 Ctrl-D 也可以）\n\n上下方向键可以找回之前输入的内容。',
  'client.empty':
    '没有发送。空消息就是 0 个字节，而发送 0 个字节不会往线路上放任何东西：服务器什么也收不到，回复永远不会来，等它就会永远卡住。（这是简单 Python 客户端的经典缺陷：发送 "" 之后，就永远阻塞在 recv() 上。）要发送一个换行，用 :raw \\n',
  'client.welcome.framed':
    '第 5 阶段用帧说话：你输入的每一行都作为一条消息发出，先是 4 字节的长度，再是它的 UTF-8 字节；空行就是一条空消息。回复显示为 [长度] "内容"。:help 列出所有命令。',
  'client.help.framed':
    '第 5 阶段的每条消息都带着它的长度（4 字节，大端）：\n  （空行）               发送一条空消息：只有它的长度头 00 00 00 00\n  :several a | b         把这些消息分帧后在一次发送里发出：亲手制造粘包\n  :header <n>            只发送一个长度头，声明 n 个字节（例如 :header 1048577）\n  :raw <转义>            原样发送字节，不分帧：半条消息，或者切成两半的长度头',
  'client.problem.header-empty': '在 :header 后面写上长度，例如 :header 5（然后 :raw hello 发送这 5 个字节）。',
  'client.problem.framed-only': ':{name} 发送长度头，只有第 5 阶段这样说话：用 stage-5 启动客户端，或者加上 --framed。',
  'client.problem.bad-length': '“{text}”不是长度：:header 接受 0 到 4294967295 之间的整数。',
  'client.sent-frames': {
    one: '发送了 {count} 条消息：{frames}（线路上共 {size}）',
    other: '在一次发送里发送了 {count} 条消息：{frames}（线路上共 {size}）',
  },
  'client.sent-header': '只发送了一个长度头：{header}，声明 {announced}。:raw 原样发送字节，不分帧。',
  'client.frame-reply': '回复：{frame}（+{ms} 毫秒）',
  'client.frame-partial': '到目前为止的回复：一条消息的 {size}，其余还在路上（它的长度头声明了 {announced}）',
  'client.frame-partial.header': '到目前为止的回复：一个长度头的 {size}，其余还在路上',
  'client.not-the-reply':
    '这不是第 5 阶段要求的回复：对 {message}，服务器应该回复 {due}（消息的长度、一个冒号、转成大写的消息，分帧发送）。',
  'client.framed-lesson.whole': {
    one: '你在一次发送里发了 {messages} 条消息，收到 {count} 条回复。每条消息前面的长度说明了它在哪里结束，不管 TCP 怎样切开或合并字节。',
    other:
      '你在一次发送里发了 {messages} 条消息，收到 {count} 条回复，每条都完整：每条消息前面的长度说明了它在哪里结束，不管 TCP 怎样切开或合并字节。',
  },
  'client.framed-lesson.fewer': {
    one: '你在一次发送里发了 {messages} 条消息，只收到 {count} 条回复：服务器是不是把一次读取当成了一条消息？它们在同一次读取里（粘包）；只有长度才能说明每条消息在哪里结束。',
    other:
      '你在一次发送里发了 {messages} 条消息，只收到 {count} 条回复：服务器是不是把一次读取当成了一条消息？它们在同一次读取里（粘包）；只有长度才能说明每条消息在哪里结束。',
  },
  'client.flags.framed.help': '与 --port 一起用：说第 5 阶段的分帧协议，每条消息前面带 4 字节的长度',
  'client.problem.unknown-command':
    '没有 :{name} 这个命令；:help 列出所有命令。要发送以“:”开头的文本，用 :raw，例如 :raw :{name}',
  'client.problem.several-empty': '在 :several 后面给出几条消息，用 | 分隔，例如 :several one | two',
  'client.problem.raw-empty': '在 :raw 后面给出要发送的字节，例如 :raw hello\\n',
  'client.problem.takes-nothing': ':{name} 后面不需要任何内容。',
  'client.problem.empty-message': ':several 的第 {index} 条消息是空的：它不会增加任何字节。请在每个 | 之间写点内容。',
  'client.problem.unknown-escape':
    '{sequence} 不是 :raw 认识的转义：可用 \\n \\r \\t \\0 \\\\ \\" \\xNN 或 \\u{十六进制}（反斜杠本身写作 \\\\）。',
  'client.problem.bad-hex': '{sequence} 不是一个字节：\\x 后面必须正好是两位十六进制数字，比如 \\x0a 或 \\xc3。',
  'client.problem.bad-code-point': '{sequence} 不是一个字符：\\u 后面要用花括号写码点，比如 \\u{e9} 或 \\u{4f60}。',
  'client.problem.dangling-backslash': '最后一个 \\ 后面什么也没有：反斜杠本身写作 \\\\。',
  'client.sent': '已发送 {size}：{bytesShown}',
  'client.sent-several': '在一次 write 中发送了 {messages} 条消息（{parts}）：共 {size}，{allShown}',
  'client.reply': '回复：{bytesShown}（{size}，{ms} 毫秒）',
  'client.pieces': '它分 {count} 块（{count} 次读取）到达：',
  'client.bytes': '{count} 字节',
  'client.piece': '  {index}. +{ms} 毫秒  {bytesShown}（{size}）',
  'client.no-reply': '{ms} 毫秒内没有回复。（如果之后才到，到达时会显示出来。）',
  'client.several-lesson.as-sent':
    '你发送了 {messages} 条消息，这一次回复恰好分 {pieces} 块到达。但 TCP 并不保证这一点：它是字节流，不保留消息边界。',
  'client.several-lesson.merged':
    '你发送了 {messages} 条消息；回复分 {count} 块到达。TCP 是字节流，不保留消息边界：服务器读到的是字节，而不是你的 {messages} 条消息。需要消息的程序必须自己标出每条消息在哪里结束（换行符、长度）。',
  'client.fin-sent': '已发送 FIN：你不会再在这个连接上发送任何东西；继续读取，等待服务器关闭它那一端……',
  'client.fin-sent-last': '已发送 FIN。服务器之前已经关闭了它那一端，所以加上你的 FIN，这个连接在两个方向上都结束了。',
  'client.fin-after-fin':
    '服务器也关闭了它那一端（FIN），在你的 FIN 之后 {ms} 毫秒：它读到了你的 EOF 并挂断。这个连接结束了。',
  'client.no-fin-yet':
    '{ms} 毫秒内没有收到服务器的 FIN：它的那一端还开着。一个从不留意客户端 EOF（读到空数据）的服务器永远不会关闭。如果 FIN 之后才到，会显示出来。',
  'client.rst-sent':
    '已重置连接（RST）：连接立刻在两个方向上都断了；服务器的下一次读取会以 ECONNRESET 失败。服务器必须能扛住这种情况。',
  'client.server-closed': '服务器关闭了连接（FIN）：它不会再发送任何东西。',
  'client.server-reset.epipe': '连接已被重置：写入以 EPIPE 失败（服务器已经关闭或重置了它）。',
  'client.server-reset.econnreset': '服务器重置了连接（RST，ECONNRESET）。',
  'client.server-reset.other': '连接断开了：{code}。',
  'client.late': '又收到了字节：{bytesShown}（{size}）',
  'client.cannot-send.fin-sent':
    '没有发送：你已经在这个连接上发送了 FIN（:fin），它不能再携带你发出的字节。:reconnect 可以建立新连接。',
  'client.cannot-send.closed': '没有发送：这个连接已经关闭。:reconnect 可以向同一个端口建立新连接。',
  'client.after-server-fin':
    '（服务器已经关闭了它那一端，所以不会有回复；如果它已经彻底关闭了 socket，它的内核会用重置来回应这些字节）',
  'client.not-connected-for-fin': '没有可以半关闭的连接。:reconnect 可以建立新连接。',
  'client.fin-already-sent': '你已经在这个连接上发送过 FIN 了；服务器的 FIN 到来时会显示出来。',
  'client.not-connected-for-rst': '没有可以重置的连接。:reconnect 可以建立新连接。',
  'client.closing-old': '已关闭旧连接（FIN）。',
  'client.server-exited': '服务器进程{status}。',
  'client.bye': '再见。',
  'client.interrupted': '已中断（Ctrl-C）。',
  'client.end-of-input': '输入结束（Ctrl-D）。',
  'client.crashed': '动手客户端自身出错了：这是 Socket Lab 的缺陷，不是你的服务器的问题。请附上以下信息报告：',

  // hands-on/flags.ts，以及 hands-on/messages.ts 里的用法说明
  'client.flags.port.help': '连接一个已经在这个端口上运行的服务器（主机默认 127.0.0.1）',
  'client.flags.solution.help': '改为启动参考答案',
  'client.flags.file.help': '改为启动任意 .ts/.js/.mjs/.py 服务器文件',
  'client.flags.lang.help': '客户端的语言（默认取自 LANG/LC_ALL）',
  'client.usage.synopsis': '用法：npm run client -- {running}\n      npm run client -- {starting}',
  'client.usage.stage.help':
    'stage-1 到 stage-5（也可以写 1 到 5）：在一个空闲端口上启动你的\nstages/<阶段>/server.ts，显示它的输出，客户端结束时把它停掉',
  'client.usage.pointer': '用法：npm run client -- {stage} | {port}；全部选项：npm run client -- --help',
  'client.usage.examples': '例如：npm run client -- stage-2\n      npm run client -- --port 5000',

  // report/render.ts
  'report.expected': '期望',
  'report.received': '收到',
  'report.difference': '第一处不同在字节 {at}（从 0 数起）',
  'report.size': '（{bytes} 字节）',
  'report.wire': '通信记录',
  'report.port': '端口',
  'report.output': '你的服务器打印了',
  'report.hint': '提示',
  'report.subject': '被测服务器',
  'report.seed': 'seed',
  'report.more-hints': '再看一条提示',
  'report.learned': '你学到了',
  'report.next': '下一步',
  'report.next-stage': '{id} · {title}：{readme}，{command}',
  'report.last-stage':
    '这是最后一个阶段：你的服务器现在能同时服务许多客户端，并能在字节流里完整地找出每条消息了。npm run progress 可以查看整个课程的进度。',
  'report.colon': '：',
  'report.heading': '：',
  'report.failure-details.where': '（{port} {port2}，从服务器启动时计时）：',
  'report.ladder-top': '{id} 没有更多提示了：参考答案在 {solution}。',
  'report.summary.skipped-note': '（{skipped} 项在本机无法测量，已跳过）',
  'report.summary.line': '{measured} 项中 {held} 项成立{skippedNote}',
  'report.summary': '。本阶段通过！',
  'report.summary.next': '。先修好 {id}，然后再评分一次。',
  'report.seed-note': 'seed {seed}（用 --seed {seed} 可重放同样的流量）',

  // report/formats/gradescope.ts
  'gradescope.summary': 'Socket Lab {id}：{max} 项中 {held} 项成立。{seedNote}',

  // report/formats/write.ts
  'write.failed': '无法写入 {path}：{reason}',

  // report/wire-story.ts
  'wire.arrows.connect': '已连接',
  'wire.arrows.fin-out': '→ FIN（客户端半关闭）',
  'wire.arrows.fin-in': '← FIN（服务器关闭了它的一端）',
  'wire.arrows.rst-out': '→ RST（客户端重置连接）',
  'wire.arrows.rst-in': '← RST（服务器重置了连接）',
  'wire.arrows.close': '关闭了 socket',
  'wire.arrows.exit': '进程',
  'wire.who.grader': '评分器',
  'wire.connect-failed.econnrefused': '✗ 连接被拒绝：没有程序在监听',
  'wire.connect-failed.econnreset': '✗ 连接时被重置',
  'wire.connect-failed.etimedout': '✗ 连接没有应答',
  'wire.could-not-connect': '无法连接',
  'wire.words': '（{words}）',
  'wire.gap': '             … 省略 {skipped} 个事件 …',

  // subject/friendly-errors.ts
  'startup.cjs-top-level-await':
    '这个文件被当作 CommonJS 加载，而 CommonJS 不允许顶层 await：它附近没有写着 "type": "module" 的 package.json。把它改名为 .mts，或在它所在的文件夹放一个内容为 {"type": "module"} 的 package.json。',
  'startup.syntax-error': '你的服务器代码无法编译：下面的错误给出了文件和行号。',
  'startup.module-not-found':
    '你的服务器导入的东西找不到：检查导入路径（相对导入需要 ./，在 ESM 中还需要文件扩展名）。',
  'startup.bad-port': 'listen() 没有拿到有效的端口：从环境变量 PORT 读取并转成数字，Number(process.env.PORT)。',

  // subject/launch.ts
  'launch.no-file': '找不到文件 {file}。请检查路径（相对于 {base}）。',
  'launch.is-folder': '{file} 是文件夹，不是服务器文件。',
  'launch.unknown-kind': '无法运行 {label}：评分器只运行以 {known} 结尾的文件。其他程序请用 --cmd "<命令>"。',
  'launch.empty-command': '--cmd 后面的命令是空的。例如：--cmd "python3 server.py"',

  // progress/render.ts
  'progress.usage': 'npm run progress 会列出每个阶段，所以不需要“{stray}”。这样运行：{command}',
  'progress.usage.npm-kept-lang':
    'npm run progress 会列出每个阶段，所以不需要“{stray}”；而且 npm 把 --lang 当成了它自己的选项：通过 npm 运行时，选项要写在 -- 之后。这样运行：{command}',
  'progress.heading': 'Socket Lab · 你的进度',
  'progress.best': '，最好成绩 {held}/{total}',
  'progress.failing': '不成立',
  'progress.readme': 'README.zh-CN.md',
  'progress.next': '下一步：阅读 {readme}，然后运行 {command}',
  'progress.all-passed': '所有阶段都通过了，了不起！你的服务器已经能同时服务许多客户端。',

  // reset/command.ts
  'reset.usage': '用法：npm run reset -- <阶段> [--lang en|zh]，阶段为 {known} 之一。',
  'reset.npm-kept-lang':
    'npm 把 --lang 当成了它自己的选项，只留下了“{extra}”：通过 npm 运行时，选项要写在 -- 之后。这样运行：{fixed}',
  'reset.no-such-stage': '没有名为“{stage}”的阶段。用法：npm run reset -- <阶段>，阶段为 {known} 之一。',
  'reset.done': '{file} 已恢复为初始代码。你的文件原样保存在 {saved}。',
  'reset.was-missing': '{file} 不见了：已重新放回初始代码。',
  'reset.untouched': '{file} 已经是未改动的初始代码：什么都没有改。',
  'reset.no-starter':
    '找不到 {stage} 的初始代码：这份实验里没有包含它的 git 历史（也许是 zip 下载的？）。什么都没有改。请从课程仓库取回 {file}。',

  // progress/status.ts
  'status.not-tried': '还没尝试',
  'status.failing': '{total} 项中 {failing} 项不成立',
  'status.passed': '已通过（评分 {count} 次）',

  // cli/picker.ts
  'picker.message': '评分哪个阶段？',

  // cli/main.ts
  'main.which-stage': '评分哪个阶段？请指定一个。',
  'main.no-such-stage': '没有名为“{stage}”的阶段。现有阶段：{known}。',
  'main.no-such-stage.did-you-mean': '没有名为“{stage}”的阶段。你是想写 {suggestion} 吗？',
  'main.written-note': '结果已写入：',
  'main.hint-command': '按 h',
  'main.run-as': '这样运行：{command}',
  'main.npm-kept-flags': 'npm 把 {flags} 当成了它自己的选项：评分器的选项要写在 -- 之后，例如：{fixed}',
  'main.watch-not-json': '--watch 输出给人看的报告，不能与 --json 一起用。',

  // cli/entry.ts
  'main.crashed': '评分器自身出错了：这是 Socket Lab 的缺陷，不是你的服务器的问题。请附上以下信息报告：',

  // cli/flags.ts：用法说明里带值选项的值（hands-on/flags.ts 也用），以及每个选项的作用
  'flags.value.path': '<路径>',
  'flags.value.command': '"<命令>"',
  'flags.value.folder': '<文件夹>',
  'flags.value.count': '<数量>',
  'flags.value.number': '<数字>',
  'flags.value.file': '<文件>',
  'flags.value.seconds': '<秒>',
  'flags.value.mib': '<MiB>',
  'flags.value.engine': '<平台>',
  'flags.value.points': '<项=分>,…',
  'flags.value.lang': 'en|zh',
  'flags.value.port': '<端口>',
  'flags.value.host': '<主机>',
  'flags.solution.help': '评分参考答案',
  'flags.file.help': '评分任意 .ts/.js/.mjs/.py 文件',
  'flags.cmd.help': '评分任意语言的服务器：命令交给 shell 执行，环境变量 PORT 给出端口，{port} 会被替换',
  'flags.batch.help':
    '评分文件夹里的每个子文件夹（每个子文件夹是一份提交）：其中的 run（一行命令）、\nserver.ts、server.js、server.mjs 或 server.py',
  'flags.jobs.help': '同时评分几份提交（默认：CPU 核数）',
  'flags.json.help': '只在标准输出打印一个 JSON 对象',
  'flags.hint.help': '多显示一条提示（针对第一个还有提示的不成立评分项），一直到用到的 API',
  'flags.watch.help': '每次保存文件都重新评分',
  'flags.seed.help': '重放某次评分的流量（每份报告都会打印它的 seed）',
  'flags.out.help': '把所有报告写成 JSON',
  'flags.csv.help': '每份提交一行：每个评分项一列，外加得分',
  'flags.junit.help': 'JUnit XML：每份提交一个 testsuite，每个评分项一个 testcase',
  'flags.html.help': '把报告写成一个独立的网页，每个不成立项配一张时序图；\n批量评分时是全班的热力图',
  'flags.open.help': '把 HTML 报告写到 .socket-lab/report.html，并用浏览器打开',
  'flags.sandbox.help':
    '让每个服务器只有回环网络、除自己的文件夹外只能读文件、进程数有上限\n（--batch 和 --engine 总是如此）',
  'flags.engine.help': '评分平台放好的那份提交，并写出平台的结果文件：\ngradescope、prairielearn 或 github-classroom',
  'flags.engine-root.help': '与 --engine 同用：平台的文件夹（默认 /autograder、/grade、仓库本身）',
  'flags.points.help': '每个评分项的分值，例如 listens=2,no-busy-loop=0.5（默认各 1 分）',
  'flags.gradescope.help': 'Gradescope 的 results.json；批量评分时是一个文件夹，每份提交一个文件',
  'flags.time-cap.help': '一次评分最多用时（批量评分或 --engine 默认 {seconds} 秒）',
  'flags.max-memory.help': '每个服务器最多占用的常驻内存（默认 {mib}）',
  'flags.lang.help': '输出语言（默认取自 LANG/LC_ALL）',

  // cli/args.ts：用法说明（usage.stage.label 客户端的用法说明也用）
  'usage.synopsis': '用法：npm run grade -- <阶段> [{subjects}] [选项]',
  'usage.stage.label': '<阶段>',
  'usage.stage.item': '{id}（{title}）',
  'usage.stage.help': '{stages}；也可以只写编号（{numbers}）；在终端里不写阶段会弹出选择列表',
  'usage.default.label': '（默认）',
  'usage.default.help': '评分你的 stages/<阶段>/server.ts',
  'usage.exit-codes':
    '退出状态：0 全部成立，1 有不成立的，2 用法错误或被测服务器无法启动，130 被中断，3 评分器自身出错。',
  'usage.examples':
    '例如：{first}\n      npm run grade -- 3 --cmd "python3 server.py"{lang}\n      npm run grade -- 3 --batch ~/class --csv results.csv{lang}\n      npm run grade -- 3 --engine gradescope   （在 Gradescope 上：npm run autograder -- gradescope 3）',

  // cli/args.ts：命令行哪里不对（args.node-reason 和 args.bad-lang 客户端也用）
  'args.no-such-option': '没有 {option} 这个选项。',
  'args.no-such-option.did-you-mean': '没有 {option} 这个选项。你是想写 {suggestion} 吗？',
  'args.needs-value': '{option} 后面要紧跟着它的值。',
  'args.takes-no-value': '{option} 不带值。',
  'args.node-reason': '命令行参数有误：{reason}',
  'args.whole-number': '--{flag} 需要一个 {min} 到 {max} 之间的整数，而不是“{raw}”。',
  'args.bad-lang': '--lang 只能是 en 或 zh，而不是“{lang}”。',
  'args.one-stage':
    '一次只能评分一个阶段：“{extra}”是什么？选项要写在 -- 之后：npm run grade -- {stage} --file <路径>。带空格的命令要用引号括起来放在 --cmd 后面。',
  'args.one-stage.lang':
    'npm 把 --lang 当成了它自己的选项，只留下了“{extra}”：通过 npm 运行时，选项要写在 -- 之后。这样运行：npm run grade -- {stage} --lang {extra}',
  'args.one-subject': '只能选一个被测服务器：{subjects}。',
  'args.not-with-batch': '{flags} 只用于单个服务器，不能与 --batch 一起用：请用 --file 或 --cmd 单独评分某份提交。',
  'args.gradescope-folder':
    '与 --batch 一起用时，--gradescope 需要一个文件夹：Gradescope 每份提交读一个结果文件，所以每份提交会写成其中的 <提交名>.json。',
  'args.bad-engine': '--engine 接受 {known}，不接受“{engine}”。',
  'args.not-with-engine': '{flags} 是给坐在键盘前的学习者用的，不能与 --engine 一起用：平台只评分一次，无人值守。',
  'args.engine-root-alone': '--engine-root 指明平台的文件夹在哪里：它要与 --engine 一起用。',
  'args.jobs-without-batch': '--jobs 表示同时评分几份提交：它要与 --batch 一起用。',
  'args.watch-and-files': '--watch 会反复评分；结果文件和 --open 只用于单次评分。',
  'args.output-is-folder': '--{format} 要的是一个文件，而 {path} 是文件夹：请写它里面的一个文件，例如 {example}。',
  'args.needs-file-name': '--{format} 需要一个文件名。',
  // cli/main.ts：用法错误之后，代替整段用法说明
  'args.usage-pointer': '用法：npm run grade -- <阶段> [选项]；全部选项：{help}',

  // course/catalogue.ts
  'stage-1.title': '一次性服务器',
  'stage-1.learned':
    '服务器的基本步骤：监听、接受、读、写、关闭。写操作只是把字节交给内核就返回；TCP 传的是字节而不是字符；当没有任何东西可等时，Node 进程就会结束。',
  'stage-2.title': '通信循环',
  'stage-2.learned':
    '一次对话就是一个以 EOF 结束的循环：读到空数据表示对方发了 FIN，忽略它的循环会空转。一次读取不等于一条消息，一个字符也可能分两次到达。',
  'stage-3.title': '连接循环',
  'stage-3.learned':
    '服务器要一个接一个地接受连接：客户端在监听队列里排队等候；重置（ECONNRESET、EPIPE）是要捕获的错误，而不是崩溃的理由；用完的每个 socket 都要关闭。',
  'stage-4.title': '并发',
  'stage-4.learned':
    '服务器可以同时进行许多对话：接受连接的循环启动每个对话后就继续往下走，由事件循环（或每个客户端一个线程）把它们交错执行；write 返回 false 表示要停止读取直到 "drain"：背压让读得慢的客户端不会塞满你的内存。',
  'stage-5.title': '分帧',
  'stage-5.learned':
    '字节流没有消息边界：一次读取可能包含两条消息，也可能只有一条消息的一部分。协议要给每条消息分帧（这里用 4 字节大端长度），服务器正好读取那么多字节，拒绝超过上限的长度，并为每个连接各自保留剩下的字节，留给下一条消息。',

  // course/properties/connection-loop.ts
  'next-client.title': '一个客户端离开后，下一个能得到回答',
  'next-client.1': '客户端 A 正常离开，然后 B 来了却一直在等。A 离开后你的服务器在哪里：还困在 A 那里，还是已经退出？',
  'next-client.2':
    '把对话包在一个遍历连接的循环里：for await (const [socket] of on(server, "connection")) { … }，并保持服务器监听。',
  'survives-reset.title': '客户端重置连接不会让服务器崩溃',
  'survives-reset.1':
    '客户端 A 粗暴地挂断了（RST）。看看上面服务器最后的输出：是不是 ECONNRESET 或 EPIPE 结束了你的进程？',
  'survives-reset.2':
    '在 Node 里，没有监听器的 "error" 事件会结束整个进程。在一次对话外面捕获错误（用 try/catch 包住 for await），丢下这个客户端，继续下一个。',
  'survives-reset.fail': 'B 得到了回答，但不是同一个服务器：回答 A 的进程已经不在了，是别的东西又启动了一个。',
  'empty-session.title': '一言不发就离开的客户端不会挡住下一个',
  'empty-session.1':
    'A 连上后用 FIN 离开，B 连上后重置，两个都没发一个字节；然后 C 没有得到回答。你的服务器是不是在等一条永远不会来的消息？',
  'empty-session.2':
    '连接可能在任何数据之前就结束：让读取循环自己结束（或抛出错误），把“一点数据都没有”当作正常结束的对话。',
  'queued-clients.title': '同时连接的三个客户端都得到回答',
  'queued-clients.1':
    '服务器忙时连进来的客户端应该排队等待，而不是被丢掉。三个里哪个什么都没收到？服务器怎么处理它的？',
  'queued-clients.2':
    '不要每服务完一个客户端才重新调用 once(server, "connection")：期间到达的连接会被错过。on(server, "connection") 会替你把它们排好队；也不要把 server.maxConnections 设为 1。',
  'queued-clients.fail': '{clients} 个客户端中有 {failed} 个没有得到回答。{reasons}',
  'queued-reset.title': '排队等候时重置连接的客户端不会让服务器崩溃',
  'queued-reset.1':
    'A 还在被服务时，B 重置了连接。看看上面服务器最后的输出：是不是某个 socket 抛出的 ECONNRESET 结束了它，而当时还没有 try/catch 包住它（也没有 "error" 监听器）？',
  'queued-reset.2':
    'Node 会立刻读取每个已接受的 socket，即使它还在排队。createServer({ pauseOnConnect: true }) 让它在轮到之前不被读取；这时重置会在第一次读取时抛出，所以 try/catch 要包住整段对话，包括第一次读取。或者在每个 socket 一到达时就给它加上 "error" 监听器。',
  'no-fd-leak.title': '服务 {sessions} 个客户端后没有遗留的 socket',
  'no-fd-leak.1': '每个连接都是你进程里的一个文件描述符，直到你关闭它才会释放。哪一种告别会留下它：FIN 还是 RST？',
  'no-fd-leak.2':
    '对话的每个出口都要关闭 socket：循环之后 socket.end()，catch 里 socket.destroy()（Python 里在 finally 中 conn.close()）。',
  'no-fd-leak.note.1': '服务器持有 {before} 个 socket；接下来再进行 {sessions} 次会话，每次最多 {atOnce} 个',
  'no-fd-leak.fail.1': '第 {n} 次会话（共 {sessions} 次）无法完成：{text}',
  'no-fd-leak.note.2': '{sessions} 次会话之后服务器持有 {after} 个 socket',
  'no-fd-leak.fail.2':
    '会话开始前你的服务器持有 {before} 个 socket；{sessions} 次会话（每隔一次以重置结束）之后持有 {after} 个。它没有关闭每一个用完的连接。',

  // course/properties/closing.ts
  'closes-on-eof.title': '客户端发出 FIN 后及时关闭自己一端',
  'closes-on-eof.1': '客户端已经道别（FIN）：你的服务器下一次读取会什么都读不到（EOF）。你的循环注意到这个“空读”了吗？',
  'closes-on-eof.2':
    'for await (const chunk of socket) 在客户端发 FIN 时结束；在循环之后调用 socket.end() 发送你的 FIN。',
  'closes-on-eof.fail': '客户端发出 FIN 后 {closeMs} 毫秒，服务器仍未关闭自己一端。',
  'no-busy-loop.title': '客户端离开后服务器不空转',
  'no-busy-loop.1': '客户端离开后，你的服务器仍在全速运转。读到空数据表示对方已关闭：你的循环拿它怎么办？',
  'no-busy-loop.2':
    '数据流结束后就停止读取：跳出循环（Python 里是 if not data: break）并关闭 socket，而不是一遍又一遍地读。',
  'no-busy-loop.fail':
    '客户端离开 {elapsed} 毫秒后服务器仍在忙：这段时间里有 {percent}% 处于可运行状态（正在运行或在等 CPU），而空闲的服务器应该在睡眠。',
  'no-busy-loop.fail.printing':
    '客户端离开 {elapsed} 毫秒后服务器仍在忙：这段时间里它不停地写出了 {bytes} 字节（打印的内容见下方），而空闲的服务器应该在睡眠。一个把读到的内容打印出来的循环，在每次读都读到空的时候也会一直转下去。',

  // course/properties/concurrency.ts
  'idle-forgotten':
    'B 说话时 A 一直连着；A 终于开口时却什么都没收到。A 的对话还在运行吗？它的回复是从 A 自己的 socket 发出的吗（而不是最新连上的那个）？',
  'idle-client-no-block.title': '一言不发的客户端不会挡住下一个',
  'idle-client-no-block.1': 'A 连上后一言不发；B 连上后说了话，却没有得到回答。B 等待的时候，你的服务器在等谁的消息？',
  'idle-client-no-block.2':
    '不要在遍历连接的循环里 await 一次对话：启动它（serve(socket)，不加 await），然后立刻回去接受下一个连接；事件循环会把它们交错执行。Python 里可以每个客户端一个线程。',
  'idle-client-no-block.note': 'A 已连接，一直不说话',
  'idle-client-no-block.check.1': 'A 连着却不说话，B 在 {replyMs} 毫秒内没有得到回复：你的服务器还在等 A。',
  'idle-client-no-block.check.2':
    'B 得到了回答，但 A 终于开口时，{replyMs} 毫秒内没有得到回复：安静的客户端也要被服务。',
  crossed:
    '每个回复都要从它的消息所来自的那个 socket 发回去。把 socket 放在对话自己的作用域里（serve(socket) 的参数），不要放在所有连接共用的变量里。',
  'many-clients.title': '{crowd} 个客户端同时在线，齐步走 {rounds} 轮，全部得到回答',
  'many-clients.1':
    '{crowd} 个客户端同时连着，每一轮都要等所有客户端收到回复后才开始下一轮。你的服务器能同时进行多少个对话？',
  'many-clients.2':
    '让每个连接一到达就开始自己的对话，接受连接的循环不要等待它；也不要限制同时进行的对话数（server.maxConnections、固定大小的工作池）。',
  'many-clients.fail.1':
    '{connected} 个客户端已连接，但 {closeMs} 毫秒后仍有 {waiting} 个在你的服务器的监听队列里等待：它在服务一个客户端时不会 accept() 下一个。',
  'many-clients.fail.backlog':
    '你的服务器调用 listen() 时给的 backlog 是 {backlog}：最多只有这么多个（再加一个）客户端能排队等待 accept()。这里有 {wave} 个客户端同时连接，碰上队列已满的，握手会被内核丢弃：它要等一秒才重试，或者干脆放弃。',
  'many-clients.note.1':
    '{crowd} 个客户端已连接（#2 到 #{crowd} 不逐一列出）；接下来 {rounds} 轮，每个客户端每轮发送一次',
  'many-clients.fail.2':
    '第 {round} 轮（共 {rounds} 轮）：客户端 {name} 收到了发给其他客户端的回复（{others}{more}）。回复在客户端之间串了：是不是所有对话共用同一个保存“当前客户端”的变量？',
  'many-clients.silent':
    '第 {round} 轮（共 {rounds} 轮）：{crowd} 个客户端中有 {silent} 个在 {replyMs} 毫秒内没有得到回复（{names}）{andExited}。{count} 个得到了回答。每个客户端都要等到回复才进入下一轮，所以不会有客户端离开来腾出位置。',
  'many-clients.note.2': '第 {round} 轮：{crowd} 个客户端全部得到回答，用时 {ms} 毫秒',
  'slow-reader.dropped':
    '读得慢的客户端也仍然是客户端：不要因为它的回复积压就关闭连接；在回复排空之前先停止从它那里读取。',
  'slow-reader.holds-up':
    'A 不读的时候，你的服务器被 A 困住了：卡在一个要等 A 读取的写操作里（sendall），或者一次只服务一个客户端。让每个客户端各自被服务（靠事件循环，或每个客户端一个线程），这样一个被阻塞的写操作只会拖住它自己的客户端。',
  'slow-reader.stopped':
    'A 重新开始读取后，你的服务器也要重新开始读取：收到 "drain" 后继续（await once(socket, "drain") 会这样做；被暂停的 socket 需要调用 socket.resume()）。',
  'slow-reader.garbled':
    'A 发送的每个字节都要按顺序、恰好一次地回来：每收到一块数据就把它转成大写写回去，不增加也不丢掉任何东西。',
  'slow-reader.title': '读得慢的客户端不会让服务器无限缓冲，也不会挡住别人',
  'slow-reader.1': 'A 发送了 {payload} MiB，却什么都不读。你的服务器仍然不停地读：A 不取走的回复都去了哪里？',
  'slow-reader.2':
    'socket.write() 在缓冲区满时返回 false：在 "drain" 之前停止读取（if (!socket.write(reply)) await once(socket, "drain")），或者让 pipeline(socket, transform, socket) 替你做这件事。',
  'slow-reader.note.1': 'A 以内核能接受的最快速度发送 {payload} MiB，一个字节也不读',
  'slow-reader.fail.1': 'A 还在发送时，你的服务器就关闭了它的连接{andExited}。读得慢的客户端也仍然是要服务的客户端。',
  'slow-reader.note.2':
    'A 交给内核 {handedMib} MiB；其中 {inKernelMib} MiB 在内核缓冲区里，你的服务器持有 {heldMib} MiB；它的内存增长了 {grownMib} MiB',
  'slow-reader.fail.2':
    'A 什么都不读的时候，你的服务器在内核缓冲区之外又把 A 的数据流中的 {heldMib} MiB 读进了自己的内存，内存增长了 {grownMib} MiB。持有不超过 {heldLimit} MiB、增长不超过 {growthAllowedMib} MiB 是可以的：回复积压时就停止读取的服务器几乎什么都不持有。',
  'slow-reader.note.3': 'A 交给内核 {handedMib} MiB（服务器持有多少只能在 Linux 上测量）',
  'slow-reader.check': 'A 不读数据的时候，B 在 {replyMs} 毫秒内没有得到回复：一个慢客户端挡住了你的整个服务器。',
  'slow-reader.note.4': 'A 开始读取',
  'slow-reader.fail.3':
    'A 收到的回复从第 {at} 个字节起与它发送的 {payload} MiB 的大写形式不同。每个字节都要按顺序、不多不少地回来。',
  'slow-reader.why.1': '{cap} 毫秒内',
  'slow-reader.why.2': '服务器就关闭了连接',
  'slow-reader.why.3': '之后 {replyMs} 毫秒内再没有收到任何数据',
  'slow-reader.fail.4': 'A 开始读取后，只收回了 {payload} MiB 中的 {receivedMib} MiB，{why}{andExited}。',
  'slow-reader.note.5': 'A 用 {ms} 毫秒读回了全部 {payload} MiB，每个字节都正确',
  'burst-unfinished':
    '这些客户端没能全部得到服务，所以没有判断你的服务器的内存：它停止了回答，或者回答得非常慢。其他不成立的评分项会告诉你原因；先修好它们。',
  'stays-small.title': '{burst} 个客户端来了又走之后，内存回到原来的水平附近',
  'stays-small.1':
    '{burst} 个客户端来过、说过话、又离开了，你的服务器的内存却没有降下来。客户端离开之后，它还留着这个客户端的什么东西？',
  'stays-small.2':
    '属于一个客户端的东西要放在它自己的对话里（局部变量），而不是模块级的数组或 Map；如果一定要用 Map，就在 "close" 时删除对应的条目。',
  'stays-small.note.1':
    '服务器占用 {beforeMib} MiB 内存；接下来 {burst} 个客户端，最多 {burstAtOnce} 个同时在线，各按自己的节奏（不逐一列出）',
  'stays-small.fail.1':
    '{burstMs} 毫秒后，{burst} 个客户端（最多 {burstAtOnce} 个同时在线，每个 {rounds} 条消息）中只有 {served} 个得到了服务：你的服务器太慢，没法在它们之后判断它的内存。',
  'stays-small.fail.2': '第 {n} 个客户端（共 {burst} 个）没能完成对话：{text}',
  'stays-small.note.2': '{burst} 个客户端都已离开；高峰时服务器占用 {peakMib} MiB，现在 {afterMib} MiB',
  'stays-small.fail.3':
    '客户端到来之前你的服务器占用 {beforeMib} MiB；{burst} 个客户端全部离开 {waited} 毫秒后，它仍占用 {afterMib} MiB，相当于每个已离开的客户端约 {perClientKiB} KiB。比开始时多出不超过 {settledLimit} MiB 是可以的。',

  // course/properties/framing.ts
  'framing.echoed': '{what}：回复是把请求连同长度头一起转成大写原样发回（{bytes} 字节），不是一条独立的回复。',
  'framing.byte-order':
    '{what}：回复的长度头按网络字节序（大端）读是 {got}；回复本该长 {due} 字节，而 {due} 按本机字节序（小端）写出，反过来读就是 {got}。',
  'framing.closed': '{what}：你的服务器没有回复就关闭了连接。',
  'framing.fewer': {
    one: '{what}：{total} 条消息只收到 {count} 条回复。',
    other: '{what}：{total} 条消息只收到 {count} 条回复。',
  },
  'framing.read-byte-order':
    '{what}：回复以“{named}:”开头，可消息长 {length} 字节：你的服务器按本机字节序（小端）读了它的长度头 {header}，而不是按网络字节序（大端）。',
  'framing.wrong': '{what}：回复不是一条带长度头的消息，或者它的内容不是“长度、冒号、a–z 转成大写的内容”。',
  'framed-reply.title': '一条消息得到它的一条带长度头的回复',
  'framed-reply.1':
    '先读 4 字节的长度，再读正好那么多字节：这才是一条消息。回复也是一条消息：4 字节长度，然后是内容“N:”加上转成大写的消息（hello → 5:HELLO）。',
  'framed-reply.2':
    'buffer.readUInt32BE(0) 读出长度；回复时 const payload = Buffer.concat([Buffer.from(String(n) + ":"), upperAscii(message)])，用 header.writeUInt32BE(payload.length) 写出 4 字节的长度头，再 socket.write(Buffer.concat([header, payload]))。',
  'framed-reply.2.python':
    "n = struct.unpack('!I', header)[0] 读出长度；reply = str(n).encode() + b':' + message.upper()，然后 conn.sendall(struct.pack('!I', len(reply)) + reply)。'!' 表示网络字节序，也就是大端。",
  'framed-reply.check': '这条消息',
  'framing.echoed.hint':
    '你的服务器还在回显字节流：连长度头在内都转成大写发回来了。按长度读出每条消息，再用一条独立的消息回复它。',
  'framing.byte-order.hint':
    '你的长度用的是本机字节序。不管在什么机器上，线路上的长度都是大端（网络字节序）：用 readUInt32BE 和 writeUInt32BE，不要用 LE 的版本。',
  'framing.byte-order.hint.python':
    "你的长度用的是本机字节序：struct.pack('i', n) 或不带前缀的 'I' 在大多数机器上是小端。网络字节序是 '!I'，两头都要用：struct.unpack('!I', header) 和 struct.pack('!I', len(reply))。",
  'framing.closed.pieces':
    '你的服务器在一条分成几块到达的消息上挂断了。一次读取没有带来整条消息时，它的循环是不是就退出了（break、return）？把已经收到的留着，继续读，直到长度头和它说的全部字节都到齐。',
  'framing.closed.pieces.python':
    '你的服务器在一条分成几块到达的消息上挂断了。一次 recv() 没有带来整条消息时，它的循环是不是就退出了（break、return）？把已经收到的留着，再调用 recv()，直到 4 字节的长度头和它说的全部字节都到齐（写一个 recv_exact(n) 辅助函数就能做到）。',
  'framing.piece-answered':
    '你的服务器把一条消息的一部分当成整条消息回复了：一次读取只带来了它的一块。一次读取不等于一条消息：把收到的留着，等 4 字节的长度头和它说的全部字节都到齐了再回复。',
  'framing.piece-answered.python':
    '你的服务器把一条消息的一部分当成整条消息回复了：一次 recv() 只带来了它的一块。一次 recv() 不等于一条消息：再调用 recv()，直到 4 字节的长度头和它说的全部字节都到齐（写一个 recv_exact(n) 辅助函数就能做到），然后再回复。',
  'framing.closed.pieces.2':
    '每个连接一个缓冲区：每来一块就追加进去；只要它装着 4 字节的长度头和长度头说的全部字节，就从前面取下这条消息并回复它；不够时就等下一块（继续循环，而不是退出循环）。',
  'framing.closed.pieces.2.python':
    '用一个辅助函数恰好读 n 个字节：def recv_exact(conn, n): buf = b\'\'; while len(buf) < n: part = conn.recv(n - len(buf)); if not part: raise EOFError; buf += part; return buf。然后 header = recv_exact(conn, 4)，length = struct.unpack("!I", header)[0]，body = recv_exact(conn, length)，并像 ConnectionResetError 一样，在整段对话外面捕获 EOFError。',
  'framing.closed.byte-order':
    '你的服务器为什么挂断？它收到的长度头是 {header}：按网络字节序（大端）读是 {length}。按本机字节序（小端）读则是 {swapped}，可能超过了你的上限：用 readUInt32BE 读长度，不要用 readUInt32LE。',
  'framing.closed.byte-order.python':
    "你的服务器为什么挂断？它收到的长度头是 {header}：按网络字节序（大端）读是 {length}。按本机字节序（小端，也就是 struct 里不带前缀的 'I' 或 'i'）读则是 {swapped}，可能超过了你的上限：用 struct.unpack('!I', header)。",
  'two-in-one.title': '一次发送里的两条消息得到两条回复，顺序不变',
  'two-in-one.1':
    '两条消息在同一个报文段里到达，一次读取就拿到了两条（粘包）。处理完第一条消息后，你的服务器怎么处理这次读取里剩下的字节？',
  'two-in-one.2':
    '把还没用到的字节留在缓冲区里：每个连接一个 let pending = Buffer.alloc(0)；每收到一块数据，pending = Buffer.concat([pending, chunk])；然后只要 pending 里有一条完整的消息（4 字节加上它声明的长度），就回复它，再用 pending.subarray(4 + n) 把它切掉。',
  'two-in-one.2.python':
    '需要多少就读多少，不多读：写一个 recv_exact(conn, n) 辅助函数，循环调用 conn.recv(n - len(data))，直到凑够 n 字节。先用 recv_exact(conn, 4) 读长度头，再用 recv_exact(conn, n) 读消息：第二条消息会留在内核的缓冲区里，等下一次调用。',
  'two-in-one.merged':
    '两条消息只收到一条回复：你的服务器把一次读取当成了一条消息，同一次读取里的第二条消息丢了。一次读取不是一条消息：字节流要由你自己分帧。',
  'two-in-one.check': '一次发送里的两条消息',
  'split-header.title': '连长度头在内一次只发一个字节的消息，得到一条完整的回复',
  'split-header.1':
    '一次读取可能比你要求的少，连 4 字节的长度头也不例外：这里每次读取只有一个字节。你的服务器会等凑齐 4 个字节再读长度吗？',
  'split-header.2':
    '只有在 pending.length >= 4 时才读长度，只有在 pending.length >= 4 + n 时才取出消息；在那之前，等下一块数据。',
  'split-header.2.python':
    "conn.recv(4) 可能只返回 1 个字节。用 recv_exact(conn, 4) 读长度头：def recv_exact(conn, n): data = b''; while len(data) < n: chunk = conn.recv(n - len(data)); if not chunk: raise EOFError; data += chunk; return data。",
  'split-header.note': 'A 一次一个字节地发送它的消息，共 {bytes} 次发送，每个字节都等服务器读走后再发下一个',
  'split-header.check': '逐字节发送的消息',
  'empty-message.title': '长度为 0 的消息得到回复（0:），连接继续',
  'empty-message.1':
    '长度为 0 的消息（只有长度头 00 00 00 00）也是一条真正的消息，它的回复内容是“0:”。只有什么都读不到（EOF）才表示客户端已经离开。',
  'empty-message.2': '不要在消息为空时结束对话：要在 socket 结束时结束（for await 循环结束，或 "end" 事件）。',
  'empty-message.2.python':
    "空消息不是 EOF：recv_exact(conn, 0) 不读任何东西就返回 b''。要在 recv_exact 里判断 EOF（conn.recv() 返回 b''），而不是看消息本身。",
  'empty-message.check.1': '这条空消息',
  'empty-message.check.2': '空消息之后的那条消息',
  'empty-message.fail.closed': '回复了空消息之后，你的服务器关闭了连接：空消息并不表示客户端离开了。',
  'large-message.title': '1 MiB 的消息完整、准确地返回',
  'large-message.1': '不管怎么发送，1 MiB 的消息都会分成很多次读取到达。一直读到凑齐 n 个字节，再回复一次。',
  'large-message.2':
    '在 pending.length >= 4 + n 之前一直收集数据块，然后再切出消息；每到一块就回复一块的服务器，发回的是消息的碎片，而不是消息。',
  'large-message.2.python':
    'conn.recv(n) 最多只返回已经到达的数据（通常是 64 KiB）：用 recv_exact(conn, n) 读消息，用 conn.sendall() 发送回复。',
  'large-message.note': 'A 发送一条 {bytes} 字节的消息：服务器必须接受的最大长度',
  'large-message.check': '这条 1 MiB 的消息',
  'oversized-frame.title': '长度头声明超过 1 MiB 时立即关闭连接；同时另一个客户端得到回答',
  'oversized-frame.1':
    '读消息之前先检查长度：超过 1,048,576 字节就立即关闭连接，不要等那些字节，也不要为它们分配空间。恶意的长度头可以声明 4 GiB。',
  'oversized-frame.2':
    '读出长度后马上检查：if (n > 1_048_576) { socket.destroy(); return; }。在这个检查之前绝不要 Buffer.alloc(n)。',
  'oversized-frame.2.python':
    '读出长度后马上检查：if n > 1_048_576: return（with conn: 代码块会关闭连接）。在这个检查之前绝不要 bytearray(n)。',
  'oversized-frame.note': 'A 只发送一个长度头，声明 {bytes} 字节，比服务器必须接受的 {max} 字节多 1 个',
  'oversized-frame.fail.answered':
    'A 声明了 {bytes} 字节，超过 1 MiB 的上限：你的服务器立刻把这个长度头当成一条完整的消息回复了，{closeMs} 毫秒后连接仍然开着。超过上限的长度头要拒绝：关闭连接。',
  'oversized-frame.fail':
    'A 声明了 {bytes} 字节，超过 1 MiB 的上限，{closeMs} 毫秒后连接仍然开着：你的服务器在等待（或准备存放）本该拒绝的字节。',
  'oversized-frame.fail.other':
    'A 的超长长度头还在的时候，B 在 {replyMs} 毫秒内没有得到回复：一个客户端的长度头挡住了其他客户端。',
  'mid-frame-reset.title': '发到一半就重置连接的客户端不会让服务器崩溃',
  'mid-frame-reset.1':
    'A 发了半条消息，然后重置了连接。看看上面你的服务器最后输出了什么：那次读取上的错误是不是结束了你的进程？',
  'mid-frame-reset.2':
    '消息中途的重置只是那个连接上的错误：让 try/catch 包住整个对话（回调写法就给 socket 加一个 "error" 监听器），丢下这个客户端，继续服务。',
  'mid-frame-reset.2.python':
    '在一个客户端的整个对话外面捕获 ConnectionResetError（以及你的 recv_exact 抛出的 EOFError）：with conn: 代码块会关闭它，服务器继续运行。',
  'mid-frame-reset.note': 'A 发送长度头和它声明的 {total} 字节中的 {sent} 字节，然后重置连接',
  'own-buffer.title': '两个客户端的消息各自分几段到达，各自得到自己的回复',
  'own-buffer.1':
    'A 和 B 各发了半条消息，然后各发剩下的部分。你的服务器为还没到齐的消息保存的数据属于某一个连接：这个缓冲区是不是被两个连接共用了？',
  'own-buffer.2':
    '把缓冲区声明在对话里面：在 serve(socket) 里写 let pending = Buffer.alloc(0)，而不是写在文件顶层，那样每个连接都会写进同一个缓冲区。',
  'own-buffer.2.python':
    '还没到齐的消息要放在服务一个客户端的函数的局部变量里（recv_exact 在两次调用之间什么都不保留），绝不要放在全局变量里。',
  'two-in-one.2.python-asyncio':
    '需要多少就读多少：header = await reader.readexactly(4)，然后 message = await reader.readexactly(n)。第二条消息会留在 StreamReader 里，等下一次调用。',
  'split-header.2.python-asyncio':
    'reader.read(4) 可能只返回 1 个字节；await reader.readexactly(4) 会等凑齐 4 个（如果客户端先离开，就抛出 IncompleteReadError）。',
  'large-message.2.python-asyncio':
    'reader.read(n) 最多只返回已经到达的数据：用 await reader.readexactly(n) 读消息，然后 writer.write(reply) 再 await writer.drain()。',
  'mid-frame-reset.2.node-callback':
    '每个 socket 一连上就给它加一个 "error" 监听器，socket.on("error", …)：消息中途的重置是一个 "error" 事件，没人监听的 "error" 事件会结束整个进程。',
  'mid-frame-reset.2.python-asyncio':
    '在处理函数里用 try 包住对话，捕获 asyncio.IncompleteReadError（客户端在消息中途离开）和 ConnectionError，并在 finally 里关闭 writer。',
  'own-buffer.2.node-callback':
    '把 let pending = Buffer.alloc(0) 声明在 "connection" 回调里，和它的 socket.on("data", …) 放在一起，而不是写在文件顶层，那样每个连接都会写进同一个缓冲区。',
  'own-buffer.note': 'A 和 B 各发送一条消息的前半部分，然后各发送剩下的部分',
  'own-buffer.check': '{name} 的消息',

  // course/properties/content.ts
  'uppercases.title': '回复是把 a–z 转成大写的原消息，不多不少',
  'uppercases.1': '对比上面期望的和收到的字节：是少了、多了（比如 \\n？），还是改了不该改的？',
  'uppercases.2': '原样发回读到的内容，只改 a–z（0x61–0x7a）这些字节：upperAscii(chunk)。不要加换行或前缀。',
  'uppercases.check': '问候消息',
  'many-messages.title': '同一个连接上依次回答 5 条消息',
  'many-messages.1': '看看上面的通信记录：最后被回答的是哪条消息？之后服务器做了什么？',
  'many-messages.2':
    '在同一个 socket 上一直读，直到客户端离开：for await (const chunk of socket) { socket.write(upperAscii(chunk)) }',
  'many-messages.check': '第 {i} 条消息（共 {total} 条）',
  'long-message.title': '10,000 字节的长消息完整返回',
  'long-message.1': '长消息会分成好几块到达：一次读取不等于一条消息。回来了多少？',
  'long-message.2': '读到的每一块都要回复，而不只是第一块；也不要把数据截成固定长度。',
  'long-message.check': '10,000 字节的消息',
  'split-character.title': '被拆在两次发送中的字符按字节原样返回',
  'split-character.1': '“你”在 UTF-8 里是三个字节，第一个字节单独先到。你的服务器怎么处理在字符中间断开的数据块？',
  'split-character.2':
    'chunk.toString() 会把半个字符变成 U+FFFD。直接处理字节（对 Buffer 调用 upperAscii），或用 socket.setEncoding("utf8")，它会把半个字符留到其余字节到达。',
  'split-character.fail.1': '服务器在收到消息的第一部分后就关闭了连接，没有等剩下的部分。',
  'split-character.one-read': '你的服务器只回答一次读取就挂断了：先看 many-messages。',
  'split-character.check': '被拆开的消息',

  // course/properties/connect.ts
  'listens.title': '客户端能连上 PORT 端口',
  'listens.1': '用 PORT=5000 手动启动你的服务器再连上去：它报错了吗？它一直在运行吗？',
  'listens.2': '监听环境变量给出的端口：server.listen(Number(process.env.PORT))。不写 host 就会在所有地址上接受连接。',

  // course/properties/one-shot.ts
  'closes-after-reply.title': '回复一次后主动关闭连接',
  'closes-after-reply.1': '回复之后客户端一直在等，连“再见”都没听到：该由谁挂断？',
  'closes-after-reply.2': 'socket.end(reply) 先发送回复，再发送 FIN，关闭你这一端的连接。',
  'closes-after-reply.fail': '回复之后服务器让连接保持打开超过 {closeMs} 毫秒；客户端没有关闭，服务器也没有。',
  'exits-after-client.title': '服务完一个客户端后进程自行退出，退出状态为 0',
  'exits-after-client.1': '当没有任何东西可等时，Node 进程就会结束。你的服务器还在等什么？',
  'exits-after-client.2':
    '关闭连接（socket.end）和监听 socket（server.close()），进程就会自己以 0 退出。不要用别的退出状态调用 process.exit()。',
  'exits-after-client.fail.1': '对话已经结束，但服务器进程还在运行，而且已经 {exitMs} 毫秒什么都没做了。',
  'exits-after-client.fail.2': '服务器进程{status}，而不是以退出状态 0 退出。',
  'exits-cleanly.title': '如果在客户端离开后退出，退出状态为 0',
  'exits-cleanly.1':
    '客户端离开后，你的服务器以异常方式结束了。看看上面它最后的输出：是异常、用别的状态调用了 process.exit，还是退出状态 13（一个永远没有完成的顶层 await）？',
  'exits-cleanly.2':
    '用 await once(socket, "data") 写的循环，在客户端离开后会永远等下去。for await (const chunk of socket) 在 EOF 时结束；之后关闭 socket 和服务器，Node 就会以 0 退出。',
  'exits-cleanly.fail': '客户端离开后，服务器进程{status}。',

  // batch/table.ts
  'batch.note.1': '超出时间上限',
  'batch.note.2': '超出内存上限',
  'batch.note.3': '从未监听',
  'batch.score-label': '得分',
  'batch.submissions': '{count} 份提交',
  'batch.full-report': '查看某份提交的完整报告：',
  'batch.summary':
    '{total} 份提交中 {passing} 份每一项都成立，{count} 份有不成立的项{ungraded}。用时 {seconds} 秒，每次同时评分 {jobs} 份。',
  'batch.ungraded': '，{ungraded} 份无法评分',

  // batch/discover.ts
  'batch.no-folder': '找不到文件夹 {folder}。',
  'batch.is-file': '{folder} 是一个文件：--batch 需要一个文件夹，其中每份提交各占一个子文件夹。',
  'batch.no-subfolders':
    '{folder} 里没有子文件夹。请把每份提交放进各自的文件夹：class/alice/server.py、class/bob/server.ts、class/carol/run。',
  'batch.run-file-lines': '它的 run 文件必须正好包含一行命令（现在有 {lines} 行）',
  'batch.nothing-to-run': '没有可运行的文件：找不到 {expected}',

  // batch/grade-batch.ts
  'batch.grader-failed': '评分器在这份提交上自身出错了（这是 Socket Lab 的缺陷，请报告）：{reason}',

  // i18n/messages.ts
  'say.exit-status.memory': '因占用 {usedMiB} MiB 内存、超过上限 {capMiB} MiB，被评分器终止',
  'say.exit-status.error': '无法启动：{error}',
  'say.exit-status.signal': '被信号 {signal} 终止',
  'say.exit-status.code': '以退出状态 {code} 退出',
  'say.and-exited': '；服务器进程{status}',
  'say.exited-before-listening': '你的服务器在开始监听之前就{status}；它打印的内容见下方。',
  'say.never-listened.used': '（{ms} 毫秒里用了 {cpuMs} 毫秒 CPU 时间）',
  'say.never-listened':
    '服务器一直在工作{used}，但 {within} 毫秒内端口 {port}（127.0.0.1 或 ::1）上没有任何程序接受连接。它是否用环境变量 PORT 给出的端口调用了 listen()？',
  'listens-only-sometimes':
    '在本次评分的另一项检查里，你的服务器开始了监听，但在这一项里两次都没有。它每次启动都一样吗？找找写死的端口、它锁住或写入的文件，或时有时无的崩溃。',
  'say.slow-start':
    '你的服务器用了 {seconds} 秒才开始监听；评分器等了它。（启动时一直在工作的服务器，包括经由 pyenv、npx 等启动器启动的，都会得到它需要的时间。）',
  'say.asleep-not-listening':
    '启动 {ms} 毫秒后，你的服务器在运行但处于空闲状态，而端口 {port}（127.0.0.1 或 ::1）上没有任何监听。它是否用环境变量 PORT 给出的端口调用了 listen()？',
  'say.wrong-port.address':
    '你的服务器在 {listenersWhere} 上监听，本机客户端无法通过 127.0.0.1 或 ::1 连到这个地址。请监听所有地址（不写 host），或监听 127.0.0.1。',
  'say.wrong-port.port':
    '你的服务器在 {listenersWhere} 上监听，而不是 PORT={port}。请从环境变量 PORT 读取端口（{read}）。',
  'say.tried-other-port':
    '你的服务器试图在端口 {taken} 上监听，而不是 PORT={port}，而 {taken} 已被占用。请从环境变量 PORT 读取端口（{read}）。',
  'say.connect-failed.server-gone': '客户端 {client} 的连接被拒绝：服务器已经不在运行了（它{status}）。',
  'say.connect-failed.not-listening':
    '客户端 {client} 的连接被拒绝：服务器进程还在，但端口 {port} 上已经没有监听了。它是不是关闭了监听 socket？',
  'say.connect-failed.timed-out': '客户端 {client} 连不上：握手没有按时完成（监听队列满了吗？）。',
  'say.connect-failed.other': '客户端 {client} 无法连接：{code}。',
  'say.no-reply.reset': '客户端 {name} 没有收到回复：服务器重置（RST）了连接{tail}。',
  'say.no-reply.fin': '客户端 {name} 没有收到回复：服务器没有回答就关闭了连接（FIN）{tail}。',
  'say.no-reply.silence': '客户端 {name} 在 {ms} 毫秒内没有收到回复{tail}。',
  'say.no-fin-yet':
    '{client} 给了服务器 {ms} 毫秒（不算它等 CPU 的时间）来关闭它那一端，它没有关闭，{client} 只好自己关闭',
  'no-reply':
    "什么都没有返回。消息到达时，你的服务器有没有写回复（socket.write 或 socket.end），代码执行到那一行了吗？两个陷阱：同步的 while (true) 循环会卡住 Node 的事件循环，任何 'data' 都到不了；createServer({ pauseOnConnect: true }) 的 socket 会一直暂停，直到用 for await 去读（只加 'data' 监听器的话，要先调用 socket.resume()）。",
  'no-reply.python':
    '什么都没有返回。recv() 收到消息后，你的服务器有没有在连接 socket（不是监听 socket）上调用 sendall() 发回复？代码执行到那一行了吗？',
  'no-reply.other':
    '什么都没有返回。消息到达时，你的服务器有没有往这个连接写回复，代码执行到那一行了吗（回复有没有留在缓冲区里，一直没被发出去）？',
  'to-upper-case': 'é 变成了 É：toUpperCase() 改变的不只是 a–z。只改 0x61–0x7a 这些字节，就像 upperAscii() 那样。',
  'server-gone': '你的服务器已经不在运行了（它{status}），所以没有人来回答：先解决这个问题。{printed}',
  'server-gone.printed': '它最后打印的内容在上面。',
  'stopped-listening':
    '你的服务器还在运行，但已经不再监听：它是不是在第一个客户端之后调用了 server.close()？连接循环要一直保持监听。',
  'other-port': '用一个不常见的端口手动启动你的服务器，比如 PORT=5123：它说自己在 5123 上监听了吗？',
  'exit-status.unsettled-await':
    '你的服务器{status}：一个顶层 await 还在等待，却已经没有任何东西能唤醒它。是哪个 await 在等一个早已离开的客户端？',
  'exit-status.by-itself':
    '你的服务器自己{status}。不要调用 process.exit()：关闭 socket（socket.end）和服务器（server.close），Node 会自己以 0 退出。',
  'say.wrong-reply': '{what}：回复不是把 a–z 转成大写后的原消息。',
  'say.and-stopped-for-memory': '{message}服务器{status}。',
  'say.past-time-cap': '整次评分的时间上限是 {seconds} 秒，这一项在此之前没有得出结论：评分器终止了服务器。',
  'past-time-cap':
    '单独评分这个服务器（npm run grade -- <阶段> --file <路径>）：报告会显示它卡在哪里。机器较慢时，可以用 --time-cap <秒数> 放宽时间。',
  'say.not-judged': '未评判：服务器从未开始监听（见 listens）。',
  'say.needs-proc': '已跳过：测量这一项需要 Linux 的 /proc，本机没有。',

  // subject/platform.ts：本平台不能完整评分某个阶段时，报告顶部的那一行
  'platform.no-proc': '{platform}：有 {count} 个评分项需要 Linux 的 /proc，在这里跳过：{ids}。',
  'platform.windows':
    '原生 Windows：在这里评分未经测试（本实验室的 CI 在 Windows 上只检查单元测试），另有 {count} 个评分项需要 Linux 的 /proc，已跳过：{ids}。要使用完整的评分器，请用 WSL 2。',
  'platform.windows.all-run':
    '原生 Windows：在这里评分未经测试（本实验室的 CI 在 Windows 上只检查单元测试）。要使用完整的评分器，请用 WSL 2。',

  // subject/platform.ts：沙箱评分时，报告顶部说明本机缺少哪些限制的那一行
  'sandbox.missing': '沙箱：本机缺少{missing}。',
  'sandbox.limit.network': '“只有回环网络”',
  'sandbox.limit.files': '“文件只读”',
  'sandbox.limit.processes': '“进程数上限”',
  'sandbox.missing.not-linux': '{limits}（命名空间只有 Linux 才有）',
  'sandbox.missing.turned-off': '{limits}（SOCKET_LAB_NO_BOX=1 关掉了盒子）',
  'sandbox.missing.no-tools': '{limits}（缺少 util-linux 的 setpriv、unshare、nsenter、mount 或 prlimit）',
  'sandbox.missing.no-namespaces': '{limits}（这台机器不允许普通用户创建命名空间）',
  'sandbox.missing.no-ip': '{limits}（没有 `ip` 命令：请安装 iproute2）',
  'sandbox.missing.no-remount': '{limits}（无法把文件系统设为只读）',
  'sandbox.missing.root':
    '{limits}（以 root 运行时，服务器仍有 root 对设备、root 的本地套接字和进程数的权限：请以普通用户评分）',

  // 列表的连接符
  'sep.sentence': '',
  'sep.list': '、',
  'sep.clause': '；',
  'sep.or': ' 或 ',
  'sep.and': ' 和 ',
  'sep.clause-more': '；…',

  // cli/watch.ts
  'watch.footer': '\n正在监视 {dir}：保存文件即重新评分{keys}\n',
  'watch.footer.keys': ' · 回车：立即评分 · h：下一条提示 · q：退出',
  'watch.footer.ctrl-c': ' · Ctrl-C：退出',
  'watch.polling': '每 {seconds} 秒查找一次保存，因为文件事件可能收不到：{why}\n',
  'watch.polling.asked': '{setting} 要求如此',
  'watch.polling.wsl': '此文件夹位于 Windows 驱动器上，在 Windows 中保存不会向 WSL 发送事件',
  'watch.polling.filesystem': '此文件夹位于 {fs} 文件系统上，在别处保存不会发送事件',
  'watch.polling.refused': '系统不再接受监视更多文件夹（{code}）',
  // course/hint-styles.ts
  'listens.2.python':
    '监听环境变量里的端口：socket.create_server(("", int(os.environ["PORT"])))。主机留空即在所有地址上接受连接。',
  'closes-after-reply.2.python':
    'conn.sendall(reply) 之后调用 conn.close()（或在 with conn: 里服务）：这会发送 FIN，关闭你这一端。',
  'exits-after-client.1.python':
    'Python 脚本执行到最后一行就会结束。它是不是还在一个循环里，或者在 accept() 里等一个永远不会来的客户端？',
  'exits-after-client.2.python':
    '只服务一个客户端，不要在 accept() 外面套循环；然后关闭连接和监听 socket（with 语句会替你关闭），脚本就会以退出状态 0 结束。不要用其他状态调用 sys.exit()。',
  'exits-cleanly.1.python':
    '客户端离开后，你的服务器没有正常结束。看看上面它最后的输出：是一个没被捕获的异常（traceback），还是用其他状态调用了 sys.exit()？',
  'exits-cleanly.2.python':
    "客户端离开后 recv() 返回 b''：遇到它就跳出循环（if not data: break），关闭连接和监听 socket，让脚本自然结束。",
  'uppercases.2.python':
    '原样发回你读到的内容，只改变 a–z 这些字节：对 bytes 调用 data.upper()（不要先解码成 str）。不要加换行或前缀。',
  'many-messages.2.node-callback':
    '回答每一个 "data" 事件，而不只是第一个：用 socket.on("data", (chunk) => socket.write(upperAscii(chunk)))，不要用 socket.once。',
  'many-messages.2.python':
    '在同一个连接上一直读，直到客户端离开：while True: data = conn.recv(65536); if not data: break; conn.sendall(data.upper())',
  'split-character.2.python':
    'data.decode() 遇到不完整的字符会出错或乱码。直接处理字节：对 bytes 调用 data.upper() 只改变 a–z，其他字节原样保留。',
  'closes-on-eof.2.node-callback':
    '"end" 事件表示客户端发来了 FIN：socket.on("end", () => socket.end()) 发出你的 FIN。',
  'closes-on-eof.2.python':
    "客户端发来 FIN 后 recv() 返回 b''：if not data: break，然后 conn.close()（或让 with conn: 替你关闭）。",
  'no-busy-loop.1.python':
    "客户端离开后，你的服务器仍在全速运转。客户端发来 FIN 之后，recv() 每次都会立刻返回 b''：你的循环遇到它会停下来吗？",
  'no-busy-loop.2.python': '遇到空读取就跳出循环（if not data: break）并关闭连接，而不是一遍又一遍地调用 recv()。',
  'no-busy-loop.1.python-asyncio':
    "客户端离开后，你的服务器仍在全速运转。客户端发来 FIN 之后，await reader.read() 每次都会立刻返回 b''：你的循环遇到它会停下来吗？",
  'no-busy-loop.2.python-asyncio':
    '遇到空读取就跳出循环（if not data: break）并关闭连接（writer.close()），而不是一遍又一遍地 await reader.read()。',
  'no-reply.python-asyncio':
    '什么都没有返回。reader.read() 收到消息后，你的服务器有没有用 writer.write() 写回复，再 await writer.drain()？代码执行到那一行了吗？',
  'no-reply.spinning':
    '什么都没有返回，而你的服务器这段时间一直在全速运转：有一个从不等待的循环。它是不是还在一个已经离开的客户端上空转（一次又一次读到空数据）？同步循环还会卡住 Node 的事件循环。',
  'no-reply.spinning.python':
    "什么都没有返回，而你的服务器这段时间一直在全速运转：它还在一个已经离开的客户端上空转。收到 FIN 之后，recv() 会立刻返回 b''，永远如此。遇到它就跳出循环：if not data: break。",
  'no-reply.spinning.python-asyncio':
    "什么都没有返回，而你的服务器这段时间一直在全速运转：它还在一个已经离开的客户端上空转。收到 FIN 之后，await reader.read() 会立刻返回 b''，永远如此。遇到它就跳出循环：if not data: break。",
  'next-client.2.python':
    '把对话包在一个遍历连接的循环里：while True: conn, _ = server.accept()，然后服务 conn 直到对话结束，并保持监听 socket 打开。',
  'survives-reset.2.node-callback':
    '在 Node 里，没有监听器的 "error" 事件会结束整个进程。给每个 socket 加上 "error" 监听器（socket.on("error", () => socket.destroy())），这样重置只会结束这一次对话。',
  'survives-reset.2.python':
    '重置会让 recv() 或 sendall() 抛出 ConnectionResetError（或 BrokenPipeError）。在一次对话外面捕获它（try: … except (ConnectionResetError, BrokenPipeError):），丢下这个客户端，继续下一个。',
  'queued-clients.2.python':
    '你忙的时候连进来的客户端，内核会替你排队，最多 listen() 的 backlog 那么多：在循环里一个接一个地 accept() 它们，不要用 listen(0)，也不要在中途关闭监听 socket。',
  'queued-reset.1.node-callback':
    'A 还在被服务时，B 重置了连接。看看上面服务器最后的输出：是不是一个还没有 "error" 监听器的 socket 抛出的 ECONNRESET 结束了它？',
  'queued-reset.1.python':
    'A 还在被服务时，B 重置了连接。看看上面服务器最后的输出：是不是一个没被你的 try/except 包住的连接抛出的 ConnectionResetError 结束了它？',
  'queued-reset.2.node-callback':
    'Node 会立刻读取每个已接受的 socket，即使它还在排队：在 "connection" 处理函数里，先给每个 socket 加上 "error" 监听器（socket.on("error", () => socket.destroy())）。',
  'queued-reset.2.python':
    '排队时重置连接的客户端照样会被 accept()，它的第一次 recv() 就会抛出 ConnectionResetError：让 try/except 包住每一次对话，从第一次 recv() 开始。',
  'no-fd-leak.2.python':
    '对话的每个出口都要关闭连接：with conn:（或在 finally 中 conn.close()）无论是 FIN 还是重置之后都会关闭它。',
  'idle-client-no-block.2.python':
    '每个客户端用一个自己的线程来服务：threading.Thread(target=serve, args=(conn,), daemon=True).start()，然后直接回到 accept()；一言不发的客户端只会阻塞它自己的线程。',
  'idle-client-no-block.2.python-asyncio':
    'asyncio.start_server(serve, …) 为每个客户端各运行一次 serve，作为独立的任务：不要在接受下一个客户端的地方 await 某个客户端的对话，也不要在协程里调用阻塞的 recv() 或 time.sleep()。',
  'many-clients.2.python':
    '每个连接一到就为它启动一个线程（threading.Thread(…).start()），不要用固定数量的工作线程池（ThreadPoolExecutor(max_workers=4) 只能服务四个），并给 listen() 一个足够容纳一大群客户端的 backlog。',
  'many-clients.2.python-asyncio':
    '让 asyncio.start_server 为每个客户端启动一个任务，不要限制它们的数量（serve 外面不要套 Semaphore）；任何协程里的阻塞调用都会让它们全部停下。',
  'backlog-full':
    '你的服务器的监听 backlog，即内核里等待 accept() 的客户端队列，容不下一大群客户端。接受得快一些，或者给 listen() 一个更大的 backlog（server.listen(port, 1024)）。',
  'backlog-full.python':
    '你的监听 backlog，即等待 accept() 的客户端队列，容不下一大群客户端：listen(5) 只能让五个客户端再加一个在那里等。改用 socket.create_server(("", port), backlog=1024) 或 listen(1024)。',
  'slow-reader.2.node-callback':
    'socket.write() 在缓冲区满时返回 false：这时调用 socket.pause()，不再有 "data" 到来，再用 socket.once("drain", () => socket.resume()) 恢复。在 "data" 处理函数里 await 拦不住事件。',
  'slow-reader.2.python':
    'A 不读的时候 conn.sendall() 会等待，于是服务 A 的线程也停止读取：这正是你要的背压。每个客户端用一个自己的线程来服务，这样这种等待只会拖住 A。',
  'slow-reader.2.python-asyncio':
    'writer.write() 只是把回复排进队列：每次写之后 await writer.drain()，A 不读时它会等待，于是你也停止从 A 读取。',
  'slow-reader.stopped.node-callback':
    'A 重新开始读取后，你的服务器也要重新开始读取：被你暂停的 socket 要在 "drain" 时调用 socket.resume()（socket.once("drain", () => socket.resume())）。',
  'slow-reader.stopped.python':
    'A 重新开始读取后，sendall() 就会返回：然后回到 recv() 读剩下的数据。慢吞吞的 sendall() 之后，你的循环还在运行吗？',
  'slow-reader.stopped.python-asyncio':
    'A 重新开始读取后，await writer.drain() 就会返回：然后回到 reader.read() 读剩下的数据。drain 之后你的循环还会再读吗？',
  'stays-small.2.python':
    '属于一个客户端的东西放在它自己的函数里（局部变量），不要放在模块级的 list 或 dict 里；如果一定要放，就在对话结束时（在 finally 中）删掉那一项。',
  'to-upper-case.python':
    'é 回来变成了 É：str.upper() 改变的不止 a–z。直接处理字节：对 bytes 调用 data.upper() 只改变 0x61–0x7a。',
  'stopped-listening.python':
    '你的服务器还在运行，但已经不再监听了：它是不是在第一个客户端之后关闭了监听 socket（或离开了它的 with 块）？连接循环会让它一直打开。',
  'crossed.python':
    '每个回复都必须从它的消息来的那个连接发回去。把连接放在对话自己的作用域里（serve(conn) 的参数 conn），不要放在所有对话共享的全局变量里。',
  'no-fd-leak.2.node-callback':
    '对话的每个出口都要关闭 socket：在 "end" 时调用 socket.end()，在 "error" 时调用 socket.destroy()。',
  'no-fd-leak.2.python-asyncio':
    '对话的每个出口都要关闭连接：在 finally 中调用 writer.close()，无论是 FIN 还是重置之后。',
  'closes-on-eof.2.python-asyncio':
    "客户端发来 FIN 后 await reader.read() 返回 b''：if not data: break，然后 writer.close()。",
  'survives-reset.2.python-asyncio':
    '重置会让 reader.read() 或 writer.drain() 抛出 ConnectionResetError。在 serve 里捕获它（try: … except ConnectionError:）：这只会结束这个客户端的任务，服务器继续运行。',
  'many-messages.2.python-asyncio':
    '在同一个连接上一直读，直到客户端离开：while data := await reader.read(65536): writer.write(data.upper()); await writer.drain()',
  'next-client.2.python-asyncio':
    '让 asyncio.start_server(serve, port=…) 为每个客户端调用 serve，并让服务器一直运行：async with server: await server.serve_forever()。',
  'next-client.2.node-callback':
    '服务每一个连接，而不只是第一个：createServer((socket) => { … }) 会在每个客户端到来时调用你的函数；保持服务器监听（不要调用 server.close()）。',
  'queued-clients.2.node-callback':
    'createServer((socket) => { … }) 会为每个连接调用，包括别的客户端正在被服务时到达的那些：在那里设置好每个 socket，也不要把 server.maxConnections 设为 1。',
  'exits-cleanly.2.node-callback':
    '客户端离开时会触发 "end"：在那里结束 socket 并关闭服务器（socket.on("end", () => { socket.end(); server.close(); })），Node 就会自己以退出状态 0 结束。',
  'closes-on-eof.1.python':
    "客户端已经道别（FIN）：从此 recv() 会立刻返回 b''。你的循环遇到它会停下来（if not data: break）并关闭连接吗？",
  'closes-on-eof.1.python-asyncio':
    "客户端已经道别（FIN）：从此 await reader.read() 会立刻返回 b''。你的循环遇到它会停下来（if not data: break）并关闭连接（writer.close()）吗？",
  // course/hint-follow-ups.ts：第一条提示说出了自己的原因时，接在它后面的提示（见 FOLLOW_UPS）
  'server-gone.crashed':
    '找出是什么结束了它：上面它最后的输出写着错误的名字和出错的那一行。没有人捕获的错误会结束整个进程：用 try/catch 包住每一次对话（重置会让 for await 以 ECONNRESET 抛出），这样一个客户端出的问题只结束这个客户端。',
  'server-gone.crashed.node-callback':
    '找出是什么结束了它：上面它最后的输出写着错误的名字和出错的那一行。没有监听器的 "error" 事件会结束整个进程：每个 socket 一到就给它加上一个（socket.on("error", () => socket.destroy())），这样一个客户端的重置只结束这个客户端。',
  'server-gone.crashed.python':
    '找出是什么结束了它：traceback 的最后几行写着异常的名字和你的那一行代码。没有人捕获的异常会结束整个脚本：用 try/except (ConnectionResetError, BrokenPipeError) 包住每一次对话，这样一个客户端出的问题只结束这个客户端。',
  'server-gone.crashed.python-asyncio':
    '找出是什么结束了它：traceback 的最后几行写着异常的名字和你的那一行代码。在 serve 里包住每一次对话来捕获它（try: … except ConnectionError:），这样一个客户端的重置只结束它自己的任务；并让 main 一直等着（await server.serve_forever()）。',
  'server-gone.ended':
    '它自己结束了，退出状态为 0，而客户端还需要它：Node 进程在没有任何东西可等时就会退出。是什么过早放手了：一次 server.close()，一个在第一条消息或第一个客户端之后就离开的循环，还是一次 process.exit()？',
  'server-gone.ended.python':
    "它自己结束了，退出状态为 0，而客户端还需要它：脚本走到了最后一行（或调用了 sys.exit()）。是哪个循环结束得太早：包住 recv() 的那个只应在 b'' 时结束；（从阶段 3 起）包住 accept() 的那个永远不该结束。",
  'server-gone.ended.python-asyncio':
    '它自己结束了，退出状态为 0，而客户端还需要它：main 一返回，asyncio.run(main()) 就返回。只要服务器还要服务，就让 main 一直等着：await server.serve_forever()（从阶段 3 起），或者等一个 serve 在客户端离开时设置的事件。',
  'listens-only-sometimes.2':
    '亲手同时启动它两次，在两个终端里，各用自己的端口（PORT=5001，然后 PORT=5002）：第二个也开始监听了吗？评分器为每项检查启动一个全新的服务器，一次好几个，各有自己的 PORT。',
  'no-reply.spinning.2':
    '在读到空数据的那一次结束循环：for await (const chunk of socket) 收到 FIN 时会自己结束，而包住 socket.read() 的 while (true) 永远不会，同时还会卡住其他所有事件。',
  'no-reply.spinning.2.python':
    "完整的循环就是这样：while True: data = conn.recv(1024); if not data: break; conn.sendall(data.upper())。没有这个 break，recv() 会一次又一次地返回 b''，CPU 有多快就转多快。",
  'no-reply.spinning.2.python-asyncio':
    "完整的循环就是这样：while True: data = await reader.read(1024); if not data: break; writer.write(data.upper()); await writer.drain()。没有这个 break，read() 会不停地立刻返回 b''，别的任务都没法运行。",
  'stopped-listening.2':
    '在一个永不结束的循环里接受连接：for await (const [socket] of on(server, "connection")) { … }，只在服务器要彻底停下时才调用 server.close()。',
  'stopped-listening.2.node-callback':
    '只要服务器还在监听，createServer((socket) => { … }) 就会为每个客户端调用你的函数：不要在里面调用 server.close()。',
  'stopped-listening.2.python':
    '在整个循环期间保持监听 socket 打开：with socket.create_server(("", port)) as server:，然后在这个 with 块里 while True: conn, _ = server.accept()；一个客户端结束时，只关闭 conn。',
  'stopped-listening.2.python-asyncio':
    '让服务器保持打开：async with server: await server.serve_forever()，客户端离开时不要关闭它。',
  'backlog-full.2':
    '客户端来得多快，就要多快地清空队列：在 "connection" 处理函数里（或遍历连接的循环里），启动每一次对话但不 await 它，在接受下一个之前不做任何慢的事。',
  'backlog-full.2.python':
    '让 accept 循环只做这一件事：conn, _ = server.accept()，为这个客户端启动线程，然后立刻回到 accept()。有了 backlog=1024，一批同时到来的客户端会在队列里等，而不是超时。',
  'backlog-full.python-asyncio':
    '你的监听 backlog，即等待被接受的客户端队列，容不下一大群客户端。给它足够的空间：asyncio.start_server(serve, port=port, backlog=1024)（默认只有 100）。',
  'backlog-full.2.python-asyncio':
    'start_server 会为每个客户端把 serve 作为一个独立的任务运行，所以接受连接从不等待某次对话；除非某个协程调用了会阻塞的东西（time.sleep、socket 的 recv）：那会让接受连接也停下来。',
  'crossed.2':
    '找找每个连接都会赋值、回复又都经过的那个变量（let client = socket、this.socket）：最新的客户端会覆盖它。在你的对话拿到的那个 socket 上回复（serve(socket)），不要用共享的那个。',
  'crossed.2.node-callback':
    '找找每个连接都会赋值、回复又都经过的那个变量（let client = socket）：最新的客户端会覆盖它。在 "connection" 处理函数拿到的那个 socket 上回复：在函数里面写 socket.on("data", (chunk) => socket.write(…))。',
  'crossed.2.python':
    '找找每个连接都会赋值、回复又都经过的那个全局变量（global conn，或一个类属性）：最新的客户端会覆盖它。把 conn 作为参数传给这次对话（threading.Thread(target=serve, args=(conn,))），在它上面回复。',
  'crossed.2.python-asyncio':
    '找找每个连接都会赋值、回复又都经过的那个全局变量：最新的客户端会覆盖它。在 serve(reader, writer) 拿到的那个 writer 上回复，不要用共享的那个。',
  // platforms/autograder/command.ts
  'autograder.usage':
    '用法：npm run autograder -- gradescope <阶段> [--out <文件.zip>]\n                        prairielearn <阶段> [--out <文件夹>]\n                        github-classroom [<阶段>] [--out <文件.yml>]\n在这里给出的评分选项 --lang、--points、--time-cap 和 --max-memory 会写进生成的文件。',
  'autograder.unknown-platform': '没有“{name}”这个平台：请选 {known}。',
  'autograder.needs-stage':
    '{platform} 的一份作业评一个阶段：请写明阶段，例如：npm run autograder -- {platform} stage-3',
  'autograder.points-need-stage': '--points 写的是某个阶段的评分项：请同时写明阶段。',
  'autograder.write-failed': '无法写出文件：{reason}',
  'autograder.wrote.gradescope':
    '已写出 {path}（{size}）。在 Gradescope 上：建一个 Programming Assignment，进入 Configure Autograder，上传这个 zip（基础镜像 Ubuntu 22.04），点 Update Autograder。学生提交 {stage} 的服务器文件，或整个仓库。',
  'autograder.wrote.prairielearn':
    '已写出 {path}/：构建并推送它的镜像（docker build -t <你>/socket-lab-{stage} {path} && docker push <你>/socket-lab-{stage}），再把 {path}/info.json 里的 externalGradingOptions（换成你的镜像名）放进题目的 info.json。',
  'autograder.wrote.github-classroom': '已写出 {path}：把它提交到模板仓库。学生仓库的每次推送都会评分 {stages}。',

  // report/formats/clip.ts
  'clip.cut': '……（还有 {bytes} 字节未显示）',
  // report/formats/points.ts
  'points.bad-item': '--points 接受用逗号分隔的“评分项=分值”，例如 listens=2,no-busy-loop=0.5：“{item}”不是这种形式。',
  'points.unknown-id': '--points 里的“{id}”不是 {stage} 的评分项。它的评分项是：{known}。',
  'points.twice': '--points 给了“{id}”两次。',

  // platforms/run-engine.ts
  'engine.no-root':
    '{root} 不是一个文件夹：--engine-root 指的是平台的文件夹（对 Gradescope 来说，是包含 submission/ 和 results/ 的那个）。',
  'engine.no-folder': '没有提交任何东西：提交是空的。',
  'engine.nothing-to-run':
    '提交里没有可运行的东西：它的文件夹、下一层文件夹和 stages/{stage}/ 里都没有名为 {expected} 的文件（提交里有：{found}）。',
  'engine.several': '提交里有不止一个可运行的服务器（{found}）：只上传一个。',
  'engine.summary': 'Socket Lab {id}：得 {held} 分，满分 {max}；{count} 个评分项中 {passed} 个成立。{seedNote}',
  'engine.not-graded': '未评分：{reason}',
  'engine.not-graded.short': '未评分：原因见上面的总结。',
  'engine.written': '{platform} 的结果：{path}',
  'engine.no-github-output': '没有设置 GITHUB_OUTPUT（这不是 GitHub Actions 的步骤）：下面是这个步骤本会设置的那一行。',
  'engine.graded-file': '评分的文件：{file}',

  // report/html/
  'html.arrow.connect': '连接',
  'html.arrow.close': '关闭了 socket',
  'html.arrow.refused': '被拒绝：没有程序在监听',
  'html.arrow.reset-while-connecting': '连接时被重置',
  'html.arrow.no-answer': '没有应答',
  'html.skipped': '… 省略 {skipped} 个事件 …',
  'html.axis': '毫秒',
  'html.diagram.title': '线上的对话（时序图）',
  'html.diagram.desc': '{parties} 条生命线，{count} 个事件；时间从上往下走。下面有同样内容的文字版。',
  'html.more-lines': '… 还有 {count} 行',
  'html.verdicts': '评分结果',
  'html.status.pass': '成立',
  'html.status.fail': '不成立',
  'html.status.skip': '已跳过',
  'html.wire.caption':
    '通信记录：端口 {port}，时间从服务器启动时算起（毫秒）；灰色横条表示停顿。服务器打印的内容画在评分器读到它的时刻。',
  'html.wire.as-text': '同样的通信记录（文字版）',
  'html.hints': '提示',
  'html.class.passing': '{count} 份提交中有 {passing} 份全部成立',
  'html.class.ungraded': '；{count} 份无法评分',
  'html.class.legend':
    '✔ 成立 · ✘ 不成立 · – 已跳过（在本机无法测量）· · 未评分。点一下格子，就会打开那份报告的那个评分项。',
  'html.class.heat': '提交 × 评分项',
  'html.class.share': '每个评分项在全班的成立比例（最低的在前）',
  'html.class.groups': '不成立项完全相同的提交',
  'html.class.reports': '每份提交的报告',
  'html.class.submission': '提交',
  'html.class.holds': '成立',
  'html.class.share-row': '{of} 份中 {held} 份',
  'html.class.group.all-hold': '{count} 份提交全部成立',
  'html.class.group.fail': '{count} 份提交不成立：{ids}',
  'html.class.group.ungraded': '{count} 份提交无法评分',
  'html.cell.pass': '成立',
  'html.cell.fail': '不成立',
  'html.cell.skip': '已跳过',
  'html.cell.error': '未评分',
  'html.written': '报告：{path}',
  'html.opened': '报告：{path}（已在浏览器中打开）',
  'html.open-failed': '报告：{path}（浏览器没能启动，请自己用浏览器打开这个文件）',
  'html.no-browser': '报告：{path}（这里没有浏览器，请自己用浏览器打开）',
};

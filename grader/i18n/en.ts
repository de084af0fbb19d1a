// Every sentence a learner reads in English, keyed by id: this catalogue defines the ids, zh.ts must
// give each one. `{name}` is a placeholder; an entry with `one`/`other` is chosen by its `count`.
import type { Entry } from './entry.ts';

export const en = {
  // engine/harness.ts
  'wire.connected-from': '{host} port {localPort}',
  'say.exited-and-why': '{exited} {why}',

  // hands-on/messages.ts
  'client.what-now': 'What now: :reconnect opens a new connection to the same port; :quit leaves.',
  'client.server-label': 'server',
  'client.bad-port': '--port takes a port number from 1 to 65535, not "{port}".',
  'client.no-target':
    'Which server? Give --port <port> for one already running, or a stage (like stage-2) to start yours.',
  'client.port-and-server':
    '--port talks to a server already running; a stage, --solution or --file starts one. Choose one of the two.',
  'client.host-without-port': '--host goes with --port: a server this client starts is reached on 127.0.0.1 or ::1.',
  'client.solution-and-file': 'Choose one server: --solution or --file.',
  'client.too-many-stages': 'One stage at a time: what is "{extra}"?',
  'client.unknown-stage': 'There is no stage "{name}". The stages are: {known}.',
  'client.unknown-stage.did-you-mean': 'There is no stage "{name}". Did you mean {suggestion}?',
  'client.solution-needs-stage':
    '--solution starts the reference solution of a stage: name the stage, like stage-2 --solution.',
  'client.not-a-terminal':
    'The hands-on client is interactive: run it in a terminal (its input is not a terminal now).',
  'client.starting': 'Starting {label} on port {port} (PORT={port}); its output is shown as "server | …".',
  'client.exited-before-listening': 'Your server {status} before it was listening; what it printed is shown above.',
  'client.connected': 'Connected to {host} port {port} (this client is port {localPort}).',
  'client.welcome':
    'Type a message and press Enter: its bytes go out as UTF-8, exactly as typed, with no newline added. :help lists the commands.',
  'client.refused':
    'Nothing listens on {host} port {port}: the connection was refused. Start your server first, in another terminal: PORT={port} node --import tsx stages/<stage>/server.ts — or let this client start it on a free port: npm run client -- <stage> (like stage-2).',
  'client.refused-still-running':
    'The connection was refused: your server still runs, but nothing listens on port {port} any more. Did it close its listening socket? (A stage 2 server does, after its one client.)',
  'client.refused-server-gone':
    'The connection was refused: your server is no longer running (it {status}). A server of stage 1 or 2 serves one client, then ends; :quit and start the client again to restart it.',
  'client.connect-failed': 'Could not connect to {host} port {port}: {code}.',
  'client.prompt': 'to {host}:{port}',
  'client.help':
    'Type a message and press Enter: its bytes are sent as UTF-8, exactly as typed; no newline is added\n(to send one, use :raw hello\\n). Then the client shows the reply as it came: bytes escaped so that\na newline shows as \\n, how many, and how long from the send to the last byte. A reply is over once\nno byte has come for a short while: TCP is a stream and never says where a message ends.\n\n  :help                  this list\n  :fin                   half-close: send FIN (you will send nothing more), keep reading, and show\n                         the server\'s FIN when it comes\n  :rst                   reset the connection: send RST instead of FIN, as a crashed client would\n  :reconnect             close this connection and open a new one to the same port\n  :several a | b | c     send several messages in ONE write, and see how the replies arrive\n  :raw <escaped>         send raw bytes written with escapes \\n \\r \\t \\0 \\\\ \\" \\xNN \\u{HEX}\n                         e.g. :raw caf\\xc3\\xa9\\n\n  :quit                  close the connection and leave (Ctrl-D on an empty line too)\n\nUp and Down recall what you typed before.',
  'client.empty':
    'Nothing sent. An empty message is zero bytes, and sending zero bytes puts nothing on the wire: the server receives nothing, so a reply would never come, and waiting for one would hang forever. (A classic bug of simple Python clients: they send "" and then block in recv() forever.) To send a newline, use :raw \\n',
  'client.welcome.framed':
    'Stage 5 speaks in frames: each line you type goes out as one message, a 4-byte length and then its UTF-8 bytes, and an empty line is an empty message. Replies are shown as [length] "payload". :help lists the commands.',
  'client.help.framed':
    'At stage 5, every message is framed with its length (4 bytes, big-endian):\n  (an empty line)        send an empty message: its header alone, 00 00 00 00\n  :several a | b         send the messages framed, all in ONE write: make 粘包 happen by hand\n  :header <n>            send a header alone, announcing n bytes (e.g. :header 1048577)\n  :raw <escaped>         send bytes as they are, unframed: half a message, or a header cut in two',
  'client.problem.header-empty': 'Give the length after :header, e.g. :header 5 (then :raw hello sends those 5 bytes).',
  'client.problem.framed-only':
    ':{name} sends a length header, which only stage 5 speaks: start the client with stage-5, or add --framed.',
  'client.problem.bad-length': '"{text}" is not a length: :header takes a whole number from 0 to 4294967295.',
  'client.sent-frames': {
    one: 'sent {count} message: {frames} ({size} on the wire)',
    other: 'sent {count} messages in one write: {frames} ({size} on the wire)',
  },
  'client.sent-header':
    'sent a header alone: {header}, announcing {announced}. :raw sends bytes as they are, unframed.',
  'client.frame-reply': 'reply: {frame} (+{ms} ms)',
  'client.frame-partial': 'reply so far: {size} of a message still coming (its header announces {announced})',
  'client.frame-partial.header': 'reply so far: {size} of a header still coming',
  'client.not-the-reply':
    "That is not the reply stage 5 asks for: to {message}, a server answers {due} (the message's length, a colon, the message upper-cased, framed).",
  'client.framed-lesson.whole': {
    one: 'You sent {messages} messages in one write and got {count} reply. The length in front of each message says where it ends, however TCP cut or joined the bytes.',
    other:
      'You sent {messages} messages in one write and got {count} replies, each whole: the length in front of each message says where it ends, however TCP cut or joined the bytes.',
  },
  'client.framed-lesson.fewer': {
    one: 'You sent {messages} messages in one write and got {count} reply: did the server take one read for one message? Both were in the same read (粘包); only the lengths say where each ends.',
    other:
      'You sent {messages} messages in one write and got {count} replies: did the server take one read for one message? They were in the same read (粘包); only the lengths say where each ends.',
  },
  'client.flags.framed.help': "with --port: speak stage 5's framing, a 4-byte length before each message",
  'client.problem.unknown-command':
    'There is no command :{name}; :help lists them. To send text that starts with ":", use :raw, e.g. :raw :{name}',
  'client.problem.several-empty': 'Give the messages after :several, separated by |, e.g. :several one | two',
  'client.problem.raw-empty': 'Give the bytes after :raw, e.g. :raw hello\\n',
  'client.problem.takes-nothing': ':{name} takes nothing after it.',
  'client.problem.empty-message':
    'Message {index} of :several is empty: it would add no bytes. Write something between each |.',
  'client.problem.unknown-escape':
    '{sequence} is not an escape :raw knows: use \\n \\r \\t \\0 \\\\ \\" \\xNN or \\u{HEX} (a backslash itself is \\\\).',
  'client.problem.bad-hex': '{sequence} is not a byte: \\x takes exactly two hex digits, like \\x0a or \\xc3.',
  'client.problem.bad-code-point':
    '{sequence} is not a character: \\u takes a code point in braces, like \\u{e9} or \\u{4f60}.',
  'client.problem.dangling-backslash': 'The last \\ escapes nothing: a backslash itself is written \\\\.',
  'client.sent': 'sent {size}: {bytesShown}',
  'client.sent-several': 'sent {messages} messages ({parts}) in one write: {size}, {allShown}',
  'client.reply': 'reply: {bytesShown} ({size}, {ms} ms)',
  'client.pieces': 'it came in {count} pieces (reads):',
  'client.bytes': { one: '{count} byte', other: '{count} bytes' },
  'client.piece': '  {index}. +{ms} ms  {bytesShown} ({size})',
  'client.no-reply': 'no reply within {ms} ms. (If one comes later, it is shown when it arrives.)',
  'client.several-lesson.as-sent':
    'You sent {messages} messages and the replies came in {pieces} pieces, this time. TCP promises nothing of the kind: it is a byte stream and keeps no message boundaries.',
  'client.several-lesson.merged': {
    one: 'You sent {messages} messages; the replies came in {count} piece. TCP is a byte stream and keeps no message boundaries: the server read bytes, not your {messages} messages. A program that needs messages must mark where each ends (a newline, a length).',
    other:
      'You sent {messages} messages; the replies came in {count} pieces. TCP is a byte stream and keeps no message boundaries: the server read bytes, not your {messages} messages. A program that needs messages must mark where each ends (a newline, a length).',
  },
  'client.fin-sent':
    'sent FIN: you will send nothing more on this connection; still reading, waiting for the server to close its side…',
  'client.fin-sent-last':
    'sent FIN. The server had already closed its side, so with yours the connection is over, both ways.',
  'client.fin-after-fin':
    'the server closed its side too (FIN), {ms} ms after yours: it read your EOF and hung up. The connection is over.',
  'client.no-fin-yet':
    "no FIN from the server within {ms} ms: it keeps its side open. A server that never notices the client's EOF (an empty read) never closes. If the FIN comes later, it is shown.",
  'client.rst-sent':
    "reset the connection (RST): it is gone at once, both ways; the server's next read fails with ECONNRESET. A server must survive that.",
  'client.server-closed': 'the server closed the connection (FIN): it will send nothing more.',
  'client.server-reset.epipe':
    'the connection was reset: writing failed with EPIPE (the server had already closed or reset it).',
  'client.server-reset.econnreset': 'the server reset the connection (RST, ECONNRESET).',
  'client.server-reset.other': 'the connection broke: {code}.',
  'client.late': 'more bytes arrived: {bytesShown} ({size})',
  'client.cannot-send.fin-sent':
    'Not sent: you sent FIN (:fin) on this connection, so it carries no more bytes from you. :reconnect opens a new one.',
  'client.cannot-send.closed': 'Not sent: this connection is closed. :reconnect opens a new one to the same port.',
  'client.after-server-fin':
    '(the server had closed its side, so no reply will come; if it has closed its socket altogether, its kernel answers these bytes with a reset)',
  'client.not-connected-for-fin': 'There is no open connection to half-close. :reconnect opens a new one.',
  'client.fin-already-sent': "You already sent FIN on this connection; the server's FIN is shown when it comes.",
  'client.not-connected-for-rst': 'There is no open connection to reset. :reconnect opens a new one.',
  'client.closing-old': 'closed the old connection (FIN).',
  'client.server-exited': 'the server process {status}.',
  'client.bye': 'Bye.',
  'client.interrupted': 'Interrupted (Ctrl-C).',
  'client.end-of-input': 'End of input (Ctrl-D).',
  'client.crashed':
    'The hands-on client itself failed; this is a bug in Socket Lab, not in your server. Please report it with this trace:',

  // hands-on/flags.ts, and the usage in hands-on/messages.ts
  'client.flags.port.help': 'talk to a server already running on this port (host 127.0.0.1 by default)',
  'client.flags.solution.help': 'start the reference solution instead',
  'client.flags.file.help': 'start any .ts/.js/.mjs/.py server file instead',
  'client.flags.lang.help': 'the language of the client (default: from LANG/LC_ALL)',
  'client.usage.synopsis': 'Usage: npm run client -- {running}\n       npm run client -- {starting}',
  'client.usage.stage.help':
    'stage-1 to stage-5 (or 1 to 5): start your stages/<stage>/server.ts on a\nfree port, show its output, and stop it when the client ends',
  'client.usage.pointer': 'Usage: npm run client -- {stage} | {port}; all options: npm run client -- --help',
  'client.usage.examples': 'Examples: npm run client -- stage-2\n          npm run client -- --port 5000',

  // report/render.ts
  'report.expected': 'expected',
  'report.received': 'received',
  'report.difference': 'first difference at byte {at} (counting from 0)',
  'report.size': ' ({bytes} bytes)',
  'report.wire': 'on the wire',
  'report.port': 'port',
  'report.output': 'your server printed',
  'report.hint': 'hint',
  'report.subject': 'subject',
  'report.seed': 'seed',
  'report.more-hints': 'one more hint',
  'report.learned': 'What you learned',
  'report.next': 'Next',
  'report.next-stage': '{id} · {title}: {readme}, {command}',
  'report.last-stage':
    'That was the last stage: your server now serves many clients at once and finds every message whole in a byte stream. npm run progress shows the whole course.',
  'report.colon': ': ',
  'report.heading': ':',
  'report.failure-details.where': " ({port} {port2}, times from the server's start):",
  'report.ladder-top': 'No more hints for {id}: the reference solution is {solution}.',
  'report.summary.skipped-note': ' ({skipped} skipped: not measurable here)',
  'report.summary.line': '{held}/{measured} properties hold{skippedNote}',
  'report.summary': '. Stage passed!',
  'report.summary.next': '. Start with {id}, then grade again.',
  'report.seed-note': 'seed {seed} (--seed {seed} replays this traffic)',

  // report/formats/gradescope.ts
  'gradescope.summary': 'Socket Lab {id}: {held}/{max} properties hold. {seedNote}',

  // report/formats/write.ts
  'write.failed': 'Could not write {path}: {reason}',

  // report/wire-story.ts
  'wire.arrows.connect': 'connected',
  'wire.arrows.fin-out': '→ FIN (client half-closes)',
  'wire.arrows.fin-in': '← FIN (server closed its side)',
  'wire.arrows.rst-out': '→ RST (client resets)',
  'wire.arrows.rst-in': '← RST (server reset the connection)',
  'wire.arrows.close': 'closed its socket',
  'wire.arrows.exit': 'process',
  'wire.who.grader': 'grader',
  'wire.connect-failed.econnrefused': '✗ connection refused: nothing listens',
  'wire.connect-failed.econnreset': '✗ connection reset while connecting',
  'wire.connect-failed.etimedout': '✗ no answer to the connection',
  'wire.could-not-connect': 'could not connect',
  'wire.words': ' ({words})',
  'wire.gap': '             … {skipped} more events …',

  // subject/friendly-errors.ts
  'startup.cjs-top-level-await':
    'This file is loaded as CommonJS, where top-level await is not allowed: no package.json with "type": "module" is near it. Rename it to .mts, or put {"type": "module"} in a package.json in its folder.',
  'startup.syntax-error': 'Your server does not compile: the error below names the file and line.',
  'startup.module-not-found':
    'Something your server imports could not be found: check the import path (relative imports need ./ and, in ESM, the file extension).',
  'startup.bad-port':
    'listen() got no valid port: read it from the PORT environment variable as a number, Number(process.env.PORT).',

  // subject/launch.ts
  'launch.no-file': 'There is no file at {file}. Check the path (it is taken from {base}).',
  'launch.is-folder': '{file} is a folder, not a server file.',
  'launch.unknown-kind':
    'Can\'t run {label}: the grader runs files ending in {known}. For anything else use --cmd "<command>".',
  'launch.empty-command': 'The command after --cmd is empty. Example: --cmd "python3 server.py"',

  // progress/render.ts
  'progress.usage': 'npm run progress shows every stage, so it takes no "{stray}". Run it as: {command}',
  'progress.usage.npm-kept-lang':
    'npm run progress shows every stage, so it takes no "{stray}"; and npm kept --lang for itself: through npm, options go after --. Run it as: {command}',
  'progress.heading': 'Socket Lab · your progress',
  'progress.best': ', best {held}/{total}',
  'progress.failing': 'failing',
  'progress.readme': 'README.md',
  'progress.next': 'Next: read {readme}, then {command}',
  'progress.all-passed': 'Every stage passed. Well done! Your server now serves many clients at once.',

  // reset/command.ts
  'reset.usage': 'Usage: npm run reset -- <stage> [--lang en|zh], the stage one of {known}.',
  'reset.npm-kept-lang':
    'npm kept --lang for itself and left only "{extra}": through npm, options go after --. Run it as: {fixed}',
  'reset.no-such-stage': 'There is no stage "{stage}". Usage: npm run reset -- <stage>, the stage one of {known}.',
  'reset.done': '{file} is the starter again. Your file is kept, unchanged, as {saved}.',
  'reset.was-missing': '{file} was missing: it is the starter again.',
  'reset.untouched': '{file} is already the untouched starter: nothing changed.',
  'reset.no-starter':
    "The starter of {stage} can't be found: this copy of the lab has no git history that holds it (a zip download?). Nothing changed. Take {file} from the course's repository.",

  // progress/status.ts
  'status.not-tried': 'not tried',
  'status.failing': 'failing {failing} of {total}',
  'status.passed': { one: 'passed ({count} grade)', other: 'passed ({count} grades)' },

  // cli/picker.ts
  'picker.message': 'Which stage do you want to grade?',

  // cli/main.ts
  'main.which-stage': 'Which stage? Name one.',
  'main.no-such-stage': 'There is no stage "{stage}". The stages are: {known}.',
  'main.no-such-stage.did-you-mean': 'There is no stage "{stage}". Did you mean {suggestion}?',
  'main.written-note': 'Results written: ',
  'main.hint-command': 'press h',
  'main.run-as': 'Run it as: {command}',
  'main.npm-kept-flags': "npm kept {flags} for itself: the grader's options go after --, like this: {fixed}",
  'main.watch-not-json': '--watch prints reports for people; it does not go with --json.',

  // cli/entry.ts
  'main.crashed':
    'The grader itself failed; this is a bug in Socket Lab, not in your server. Please report it with this trace:',

  // cli/flags.ts: a valued flag's value as the usage shows it (hands-on/flags.ts too), and what each flag does
  'flags.value.path': '<path>',
  'flags.value.command': '"<command>"',
  'flags.value.folder': '<folder>',
  'flags.value.count': '<n>',
  'flags.value.number': '<n>',
  'flags.value.file': '<file>',
  'flags.value.seconds': '<seconds>',
  'flags.value.mib': '<MiB>',
  'flags.value.lang': 'en|zh',
  'flags.value.port': '<port>',
  'flags.value.host': '<host>',
  'flags.value.engine': '<platform>',
  'flags.value.points': '<id=n,…>',
  'flags.solution.help': 'grade the reference solution',
  'flags.file.help': 'grade any .ts/.js/.mjs/.py file',
  'flags.cmd.help':
    'grade a server in any language: run through the shell, PORT in its environment,\n{port} replaced by the port',
  'flags.batch.help':
    'grade every subfolder of the folder (one submission each): its run file (one\ncommand line), server.ts, server.js, server.mjs or server.py',
  'flags.jobs.help': 'submissions graded at once (default: the number of CPU cores)',
  'flags.json.help': 'print one JSON object on stdout, nothing else',
  'flags.hint.help': 'show one more hint for the first failing property with one left, down to the API involved',
  'flags.watch.help': 'grade again every time you save a file',
  'flags.seed.help': 'replay the traffic of an earlier grade (every report prints its seed)',
  'flags.out.help': 'write every report as JSON',
  'flags.csv.help': 'one row per submission: a column per property, and the score',
  'flags.junit.help': 'JUnit XML: a testsuite per submission, a testcase per property',
  'flags.html.help':
    'the report as one self-contained web page, a sequence diagram per failure;\nwith --batch, the class as a heat map',
  'flags.open.help': 'write the HTML report to .socket-lab/report.html and open it in your browser',
  'flags.sandbox.help':
    'run each server with no network but loopback, the files read-only but its own folder, and few processes\n(always so with --batch and --engine)',
  'flags.engine.help':
    'grade the submission where a platform puts it, and write its results file:\ngradescope, prairielearn or github-classroom',
  'flags.engine-root.help': "with --engine: the platform's folder (default /autograder, /grade, the repository)",
  'flags.points.help': 'what each property is worth, like listens=2,no-busy-loop=0.5 (default 1 each)',
  'flags.gradescope.help': "Gradescope's results.json; with --batch, a folder with one file per submission",
  'flags.time-cap.help': 'the longest one grade may take (default with --batch or --engine: {seconds})',
  'flags.max-memory.help': 'resident memory each server may use (default: {mib})',
  'flags.lang.help': 'the language of the report (default: from LANG/LC_ALL)',

  // cli/args.ts: the usage (usage.stage.label also in the client's)
  'usage.synopsis': 'Usage: npm run grade -- <stage> [{subjects}] [options]',
  'usage.stage.label': '<stage>',
  'usage.stage.item': '{id} ({title})',
  'usage.stage.help':
    '{stages}; the number alone ({numbers}) works too; in a terminal, leave it out to pick from a list',
  'usage.default.label': '(default)',
  'usage.default.help': 'grade your stages/<stage>/server.ts',
  'usage.exit-codes':
    "Exit status: 0 every property holds, 1 some fail, 2 usage error or the server can't be started,\n130 interrupted, 3 the grader itself failed.",
  'usage.examples':
    'Examples: {first}\n          npm run grade -- 3 --cmd "python3 server.py"{lang}\n          npm run grade -- 3 --batch ~/class --csv results.csv{lang}\n          npm run grade -- 3 --engine gradescope   (on Gradescope: npm run autograder -- gradescope 3)',

  // cli/args.ts: what is off in a command line (args.node-reason and args.bad-lang also in the client's)
  'args.no-such-option': 'There is no option {option}.',
  'args.no-such-option.did-you-mean': 'There is no option {option}. Did you mean {suggestion}?',
  'args.needs-value': '{option} needs a value right after it.',
  'args.takes-no-value': '{option} takes no value.',
  'args.node-reason': '{reason}',
  'args.whole-number': '--{flag} takes a whole number from {min} to {max}, not "{raw}".',
  'args.bad-lang': '--lang takes en or zh, not "{lang}".',
  'args.one-stage':
    'One stage at a time: what is "{extra}"? Options go after --: npm run grade -- {stage} --file <path>. A command with spaces goes in quotes after --cmd.',
  'args.one-stage.lang':
    'npm kept --lang for itself and left only "{extra}": through npm, options go after --. Run it as: npm run grade -- {stage} --lang {extra}',
  'args.one-subject': 'Choose one subject: {subjects}.',
  'args.not-with-batch': {
    one: '{flags} is for one server, not for --batch: grade one submission alone with --file or --cmd.',
    other: '{flags} are for one server, not for --batch: grade one submission alone with --file or --cmd.',
  },
  'args.gradescope-folder':
    'With --batch, --gradescope takes a folder: Gradescope reads one results file per submission, so each goes in it as <submission>.json.',
  'args.bad-engine': '--engine takes {known}, not "{engine}".',
  'args.not-with-engine': {
    one: '{flags} is for a learner at a keyboard, not for --engine: a platform grades once, alone.',
    other: '{flags} are for a learner at a keyboard, not for --engine: a platform grades once, alone.',
  },
  'args.engine-root-alone': "--engine-root says where a platform's folders are: it goes with --engine.",
  'args.jobs-without-batch': '--jobs says how many submissions are graded at once: it goes with --batch.',
  'args.watch-and-files': '--watch grades again and again; result files and --open go with a single grade.',
  'args.output-is-folder': '--{format} names a file, and {path} is a folder: name a file in it, like {example}.',
  'args.needs-file-name': '--{format} needs a file name.',
  // cli/main.ts: after a usage error, in place of the whole usage
  'args.usage-pointer': 'Usage: npm run grade -- <stage> [options]; all options: {help}',

  // course/catalogue.ts
  'stage-1.title': 'one-shot service',
  'stage-1.learned':
    'A server listens, accepts, reads, writes and closes. A write hands bytes to the kernel and returns; TCP carries bytes, not characters; a Node process ends once nothing is left to wait for.',
  'stage-2.title': 'communication loop',
  'stage-2.learned':
    'A conversation is a loop that ends on EOF: an empty read means the peer sent FIN, and a loop that ignores it spins. One read is not one message, and a character may arrive in two pieces.',
  'stage-3.title': 'connection loop',
  'stage-3.learned':
    'A server loops over connections: clients wait their turn in the backlog, a reset (ECONNRESET, EPIPE) is an error to catch rather than a reason to die, and every socket you are done with gets closed.',
  'stage-4.title': 'concurrency',
  'stage-4.learned':
    'A server holds many conversations at once: the accept loop starts each one and moves on, the event loop (or a thread each) interleaves them, and a write that returns false means stop reading until "drain": backpressure keeps a slow reader from filling your memory.',
  'stage-5.title': 'framing',
  'stage-5.learned':
    'A byte stream has no message boundaries: one read can hold two messages or part of one. A protocol frames each message (here with a 4-byte big-endian length), a server reads exactly that many bytes, refuses a length over its limit, and keeps what is left over for the next message, per connection.',

  // course/properties/connection-loop.ts
  'next-client.title': 'after one client leaves, the next is answered',
  'next-client.1':
    'Client A left normally, then B came and waited. Where is your server after A leaves: still with A, or exited?',
  'next-client.2':
    'Wrap the conversation in a loop over connections: for await (const [socket] of on(server, "connection")) { … }, and keep the server listening.',
  'survives-reset.title': 'a client that resets does not take the server down',
  'survives-reset.1':
    "Client A hung up abruptly (RST). Read the server's last words above: did an ECONNRESET or EPIPE end your process?",
  'survives-reset.2':
    'In Node an "error" event nobody listens to ends the process. Catch the error around one conversation (try/catch around the for await), drop that client, and go on.',
  'survives-reset.fail':
    'B was answered, but not by the same server: the process that answered A is gone, and something started another.',
  'empty-session.title': "clients that leave without a word don't block the next",
  'empty-session.1':
    'A connected and left by FIN, B connected and reset, neither sent a byte; then C got no answer. Does your server wait for a first message that never comes?',
  'empty-session.2':
    'A connection may end before any data: let the read loop end (or throw) on its own, and treat "no data at all" as a normal, finished conversation.',
  'queued-clients.title': 'three clients connecting at once are all answered',
  'queued-clients.1':
    'Clients that connect while the server is busy must wait their turn, not be lost. Which of the three got nothing, and what did the server do with it?',
  'queued-clients.2':
    'Don\'t re-arm once(server, "connection") after each client: connections that arrive meanwhile are missed. on(server, "connection") queues them for you; and don\'t cap server.maxConnections at 1.',
  'queued-clients.fail': '{failed} of {clients} clients were not answered. {reasons}',
  'queued-reset.title': 'a client that resets while waiting its turn does not take the server down',
  'queued-reset.1':
    'Client B reset while A was still being served. Read the server\'s last words above: did an ECONNRESET end it, from a socket that no try/catch (or "error" listener) was around yet?',
  'queued-reset.2':
    'Node reads every accepted socket at once, even one still waiting for its turn. createServer({ pauseOnConnect: true }) leaves it unread until your loop reaches it; the reset then comes out of its first read, so the try/catch must be around the whole conversation, first read included. Or give every socket an "error" listener the moment it arrives.',
  'no-fd-leak.title': 'after {sessions} clients, no sockets left open',
  'no-fd-leak.1':
    'Every connection is a file descriptor in your process, and it stays until you close it. Which kind of goodbye leaves one behind: FIN, or RST?',
  'no-fd-leak.2':
    'Close the socket on every way out of a conversation: socket.end() after the loop, socket.destroy() in the catch (in Python: conn.close() in a finally).',
  'no-fd-leak.note.1': 'the server holds {before} sockets; now {sessions} more sessions, {atOnce} at a time',
  'no-fd-leak.fail.1': 'Session {n} of {sessions} could not be completed: {text}',
  'no-fd-leak.note.2': 'after {sessions} sessions the server holds {after} sockets',
  'no-fd-leak.fail.2':
    'Before the sessions your server held {before} sockets; after {sessions} sessions (every other one ending in a reset) it holds {after}. It does not close every connection it is done with.',

  // course/properties/closing.ts
  'closes-on-eof.title': 'closes its side promptly after the client sends FIN',
  'closes-on-eof.1':
    "The client said goodbye (FIN): your server's next read returns nothing (EOF). Does your loop notice that empty read?",
  'closes-on-eof.2':
    'for await (const chunk of socket) ends when the client sends FIN; call socket.end() after the loop to send yours.',
  'closes-on-eof.fail': 'The client sent FIN, and {closeMs} ms later the server had still not closed its side.',
  'no-busy-loop.title': 'rests after the client has left, no busy loop',
  'no-busy-loop.1':
    'After the client left, your server kept running flat out. A read that returns nothing means the peer has closed: what does your loop do with it?',
  'no-busy-loop.2':
    'Stop reading once the stream has ended: leave the loop (in Python: if not data: break) and close the socket, instead of reading again and again.',
  'no-busy-loop.fail':
    'The client left, and {elapsed} ms later the server was still busy: runnable (running, or waiting for a CPU) {percent}% of that time, where an idle server sleeps.',
  'no-busy-loop.fail.printing':
    'The client left, and {elapsed} ms later the server was still busy: it had written {bytes} bytes meanwhile, without pause (what it printed is below), where an idle server sleeps. A loop printing what it reads keeps going when every read returns nothing.',

  // course/properties/concurrency.ts
  'idle-forgotten':
    "A stayed connected while B talked; when A spoke at last, nothing came back. Is A's conversation still running, and does its reply go out on A's own socket (not on the newest one)?",
  'idle-client-no-block.title': 'a client that says nothing does not hold up the next',
  'idle-client-no-block.1':
    'A connected and said nothing; B connected, spoke, and got no answer. Whose message is your server waiting for while B waits?',
  'idle-client-no-block.2':
    "Don't await a conversation inside the loop over connections: start it (serve(socket), no await) and go straight back to accepting; the event loop interleaves them. In Python, a thread per client.",
  'idle-client-no-block.note': 'A is connected and stays silent',
  'idle-client-no-block.check.1':
    'B got no reply within {replyMs} ms while A sat connected and silent: your server is still waiting for A.',
  'idle-client-no-block.check.2':
    'B was answered, but when A finally spoke it got no reply within {replyMs} ms: a quiet client must still be served.',
  crossed:
    "Every reply must go back on the socket its message came from. Keep the socket in the conversation's own scope (the parameter of serve(socket)), never in a variable all connections share.",
  'many-clients.title': '{crowd} clients at the same time, {rounds} rounds in lockstep, all answered',
  'many-clients.1':
    '{crowd} clients were connected at once, and none starts a new round before every one has its reply. How many conversations can your server hold at the same time?',
  'many-clients.2':
    "Give every connection its own conversation, started as it arrives and never awaited by the accept loop; don't cap how many run at once (server.maxConnections, a fixed pool of workers).",
  'many-clients.fail.1':
    "{connected} clients are connected, but {waiting} of them still wait in your server's listen backlog after {closeMs} ms: it does not accept() a client while it serves another.",
  'many-clients.fail.backlog':
    'Your server calls listen() with a backlog of {backlog}: that many clients, and one more, can wait for accept(). Here {wave} connect at the same moment, and the kernel drops the handshake of each one that finds the queue full: it tries again a second later, or gives up.',
  'many-clients.note.1':
    '{crowd} clients are connected (#2 to #{crowd} are not shown); now {rounds} rounds, each client sends once per round',
  'many-clients.fail.2':
    'Round {round} of {rounds}: client {name} got replies to other clients\' messages ({others}{more}). Replies are crossing between clients: does one variable hold "the client" for every conversation?',
  'many-clients.silent': {
    one: 'Round {round} of {rounds}: {silent} of {crowd} clients got no reply within {replyMs} ms ({names}){andExited}. {count} was answered. Every client waits for its reply before the next round, so no client leaves to make room.',
    other:
      'Round {round} of {rounds}: {silent} of {crowd} clients got no reply within {replyMs} ms ({names}){andExited}. {count} were answered. Every client waits for its reply before the next round, so no client leaves to make room.',
  },
  'many-clients.note.2': 'round {round}: all {crowd} answered, within {ms} ms',
  'slow-reader.dropped':
    "A slow reader is still a client: don't close its connection because its replies back up; stop reading from it until they drain.",
  'slow-reader.holds-up':
    "While A wasn't reading, your server was stuck with A: in a write that waits for A to read (sendall), or serving one client at a time. Serve each client on its own (the event loop, or a thread each), so a blocked write holds up only its own client.",
  'slow-reader.stopped':
    'Once A reads again, your server must read again too: after "drain", go on (await once(socket, "drain") does; a paused socket needs socket.resume()).',
  'slow-reader.garbled':
    'Every byte A sent must come back once, in order: uppercase each chunk as it comes and write it back, adding nothing and dropping nothing.',
  'slow-reader.title': 'a client that reads slowly is not buffered without bound, and holds up no one',
  'slow-reader.1':
    "A sent {payload} MiB and read nothing. Your server kept reading it anyway: where did the replies A wasn't taking go?",
  'slow-reader.2':
    'socket.write() returns false once its buffer is full: stop reading until "drain" (if (!socket.write(reply)) await once(socket, "drain")), or let pipeline(socket, transform, socket) do that for you.',
  'slow-reader.note.1': 'A sends {payload} MiB, as fast as the kernel takes it, and reads nothing',
  'slow-reader.fail.1':
    "Your server closed A's connection while A was still sending{andExited}. A client that reads slowly is still a client to serve.",
  'slow-reader.note.2':
    'A handed {handedMib} MiB to the kernel; {inKernelMib} MiB of it sit in kernel buffers, your server holds {heldMib} MiB; its memory grew by {grownMib} MiB',
  'slow-reader.fail.2':
    "While A read nothing, your server took {heldMib} MiB of A's stream into its own memory beyond what the kernel's buffers held, and grew by {grownMib} MiB. Up to {heldLimit} MiB held and {growthAllowedMib} MiB of growth is fine: a server that stops reading while its replies back up holds almost nothing.",
  'slow-reader.note.3':
    'A handed {handedMib} MiB to the kernel (how much the server holds can only be measured on Linux)',
  'slow-reader.check':
    'While A was not reading, B got no reply within {replyMs} ms: one slow client holds up your whole server.',
  'slow-reader.note.4': 'A starts reading',
  'slow-reader.fail.3':
    "A's reply differs from its {payload} MiB uppercased at byte {at}. Every byte must come back, in order, once.",
  'slow-reader.why.1': 'in {cap} ms',
  'slow-reader.why.2': 'before the server closed the connection',
  'slow-reader.why.3': 'and then nothing more for {replyMs} ms',
  'slow-reader.fail.4': 'When A read, it got back only {receivedMib} MiB of its {payload} MiB {why}{andExited}.',
  'slow-reader.note.5': 'A read all {payload} MiB back in {ms} ms, every byte as expected',
  'burst-unfinished':
    "The clients could not all be served, so your server's memory was not judged: it stopped answering, or answered very slowly. The other failing properties tell why; fix those first.",
  'stays-small.title': 'after {burst} clients come and go, memory returns near where it was',
  'stays-small.1':
    "{burst} clients came, talked and left, and your server's memory stayed up. What does it keep of a client after that client has gone?",
  'stays-small.2':
    'Keep what belongs to one client inside its conversation (local variables), not in a module-level array or Map; if you must keep a Map, delete the entry on "close".',
  'stays-small.note.1':
    'the server uses {beforeMib} MiB; now {burst} clients, up to {burstAtOnce} at a time, each at its own pace (not shown)',
  'stays-small.fail.1':
    'After {burstMs} ms, only {served} of {burst} clients (up to {burstAtOnce} at a time, {rounds} messages each) had been served: your server is too slow to judge its memory after them.',
  'stays-small.fail.2': 'Client #{n} of {burst} could not finish its conversation: {text}',
  'stays-small.note.2': 'all {burst} have left; at the peak the server used {peakMib} MiB, now {afterMib} MiB',
  'stays-small.fail.3':
    'Before the clients came your server used {beforeMib} MiB; {waited} ms after all {burst} had left it still uses {afterMib} MiB, about {perClientKiB} KiB for every client that has gone. Up to {settledLimit} MiB above where it started is fine.',

  // course/properties/framing.ts
  'framing.echoed':
    '{what}: the reply is the request sent back upper-cased, length header and all ({bytes} bytes), not a reply of its own.',
  'framing.byte-order':
    "{what}: the reply's length header reads {got} in network byte order (big-endian); the reply is {due} bytes long, and {due} written in the machine's byte order (little-endian) reads {got} the other way round.",
  'framing.closed': '{what}: your server closed the connection without replying.',
  'framing.fewer': {
    one: '{what}: {count} reply came back for {total} messages.',
    other: '{what}: {count} replies came back for {total} messages.',
  },
  'framing.read-byte-order':
    '{what}: the reply begins "{named}:", but the message was {length} bytes long: your server read its header, {header}, in the machine\'s byte order (little-endian), not the network\'s (big-endian).',
  'framing.wrong':
    '{what}: the reply is not one framed message whose payload is the length, a colon, and the payload with a–z upper-cased.',
  'framed-reply.title': 'one message gets its one framed reply',
  'framed-reply.1':
    'Read the 4-byte length first, then exactly that many bytes: that is one message. Reply with one message of your own: a 4-byte length, then the payload "N:" and the message upper-cased (hello → 5:HELLO).',
  'framed-reply.2':
    'buffer.readUInt32BE(0) reads the length; for the reply, const payload = Buffer.concat([Buffer.from(String(n) + ":"), upperAscii(message)]), a 4-byte header with header.writeUInt32BE(payload.length), and socket.write(Buffer.concat([header, payload])).',
  'framed-reply.2.python':
    "n = struct.unpack('!I', header)[0] reads the length; reply = str(n).encode() + b':' + message.upper(), then conn.sendall(struct.pack('!I', len(reply)) + reply). The '!' means network byte order: big-endian.",
  'framed-reply.check': 'The message',
  'framing.echoed.hint':
    'Your server still echoes the stream: header bytes and all come back upper-cased. Read each message by its length, and answer it with a message of its own.',
  'framing.byte-order.hint':
    "Your lengths are in the machine's byte order. On the wire they are big-endian (network byte order), whatever the machine: readUInt32BE and writeUInt32BE, not the LE ones.",
  'framing.byte-order.hint.python':
    "Your lengths are in the machine's byte order: struct.pack('i', n) or 'I' without a prefix is little-endian on most machines. Network byte order is '!I', on both sides: struct.unpack('!I', header) and struct.pack('!I', len(reply)).",
  'framing.closed.pieces':
    'Your server hung up on a message that came in pieces. Does its loop leave (break, return) when one read brings less than a whole message? Keep what came, and read on until the header and all the bytes it counts are in.',
  'framing.closed.pieces.python':
    'Your server hung up on a message that came in pieces. Does its loop leave (break, return) when one recv() brings less than a whole message? Keep what came, and call recv() again until the 4-byte header and all the bytes it counts are in (a recv_exact(n) helper does this).',
  'framing.piece-answered':
    'Your server answered part of a message as if it were whole: one read brought only a piece of it. A read is not a message: keep what came, and answer only once the 4-byte header and all the bytes it counts are in.',
  'framing.piece-answered.python':
    'Your server answered part of a message as if it were whole: one recv() brought only a piece of it. A recv() is not a message: call recv() again until the 4-byte header and all the bytes it counts are in (a recv_exact(n) helper does this), then answer.',
  'framing.closed.pieces.2':
    'Keep one buffer per connection: add each chunk to it; while it holds a 4-byte header and all the bytes the header counts, take that message off the front and answer it; when it holds less, wait for the next chunk (continue the loop, never leave it).',
  'framing.closed.pieces.2.python':
    'Read exactly n bytes with a helper: def recv_exact(conn, n): buf = b\'\'; while len(buf) < n: part = conn.recv(n - len(buf)); if not part: raise EOFError; buf += part; return buf. Then header = recv_exact(conn, 4), length = struct.unpack("!I", header)[0], body = recv_exact(conn, length), and catch EOFError around the conversation, as ConnectionResetError.',
  'framing.closed.byte-order':
    "Why did your server hang up? The header it got was {header}: {length} in network byte order (big-endian). Read in the machine's byte order (little-endian), it is {swapped}, which may be over your limit: read lengths with readUInt32BE, never readUInt32LE.",
  'framing.closed.byte-order.python':
    "Why did your server hang up? The header it got was {header}: {length} in network byte order (big-endian). Read in the machine's byte order (little-endian, what struct's 'I' or 'i' without a prefix means), it is {swapped}, which may be over your limit: struct.unpack('!I', header).",
  'two-in-one.title': 'two messages in one write get two replies, in order',
  'two-in-one.1':
    'Two messages came in one segment, so one read held both (粘包, "sticky packets"). After the first message, what does your server do with the bytes left over in that read?',
  'two-in-one.2':
    'Keep the bytes not yet used in a buffer: let pending = Buffer.alloc(0) for each connection; on each chunk, pending = Buffer.concat([pending, chunk]); then, while pending holds a whole message (4 bytes and the length they announce), answer it and cut it off with pending.subarray(4 + n).',
  'two-in-one.2.python':
    "Read exactly what you need, no more: a recv_exact(conn, n) helper that loops on conn.recv(n - len(data)) until it has n bytes. Then read the header with recv_exact(conn, 4) and the message with recv_exact(conn, n): the second message stays in the kernel's buffer for the next call.",
  'two-in-one.merged':
    'One reply came for two messages: your server took one read for one message, and the second message, in the same read, was lost. A read is not a message: frame the stream yourself.',
  'two-in-one.check': 'Two messages in one write',
  'split-header.title': 'a message sent one byte at a time, header included, gets one whole reply',
  'split-header.1':
    'A read can return fewer bytes than you asked for, even for the 4-byte header: here every read held one byte. Does your server wait until it has all 4 before it reads the length?',
  'split-header.2':
    'Read the length only once pending.length >= 4, and take the message only once pending.length >= 4 + n; until then, wait for the next chunk.',
  'split-header.2.python':
    "conn.recv(4) may return 1 byte. Read the header with recv_exact(conn, 4): def recv_exact(conn, n): data = b''; while len(data) < n: chunk = conn.recv(n - len(data)); if not chunk: raise EOFError; data += chunk; return data.",
  'split-header.note':
    'A sends its message one byte at a time, {bytes} writes, each read by the server before the next',
  'split-header.check': 'The message sent byte by byte',
  'empty-message.title': 'a zero-length message gets its reply (0:), and the connection goes on',
  'empty-message.1':
    'A message of length 0 (the header 00 00 00 00 alone) is a real message, and its reply is the payload "0:". Only a read that returns nothing (EOF) means the client has left.',
  'empty-message.2':
    'Don\'t end the conversation when a message is empty: end it when the socket ends (the for await loop finishing, or the "end" event).',
  'empty-message.2.python':
    "An empty payload is not EOF: recv_exact(conn, 0) returns b'' without reading. Look for EOF inside recv_exact (conn.recv() returning b''), never on the message itself.",
  'empty-message.check.1': 'The empty message',
  'empty-message.check.2': 'The message after the empty one',
  'empty-message.fail.closed':
    'After answering the empty message, your server closed the connection: an empty message is not the client leaving.',
  'large-message.title': 'a 1 MiB message comes back whole and exact',
  'large-message.1':
    'A 1 MiB message arrives in many reads, however it was written. Keep reading until you have all n bytes, then answer once.',
  'large-message.2':
    'Gather chunks until pending.length >= 4 + n before you cut the message; a server that answers each chunk as it comes sends a piece, not the message.',
  'large-message.2.python':
    'conn.recv(n) returns at most what has arrived so far (often 64 KiB): read the message with recv_exact(conn, n), and send the reply with conn.sendall().',
  'large-message.note': 'A sends one message of {bytes} bytes: the most a server must take',
  'large-message.check': 'The 1 MiB message',
  'oversized-frame.title':
    'a header announcing more than 1 MiB gets the connection closed at once; another client is answered meanwhile',
  'oversized-frame.1':
    'Check the length before you read the message: over 1,048,576 bytes, close the connection at once, without waiting for those bytes or making room for them. A hostile header could announce 4 GiB.',
  'oversized-frame.2':
    'Right after reading the length: if (n > 1_048_576) { socket.destroy(); return; }. Never Buffer.alloc(n) before that check.',
  'oversized-frame.2.python':
    'Right after reading the length: if n > 1_048_576: return (the with conn: block closes the connection). Never bytearray(n) before that check.',
  'oversized-frame.note': 'A sends only a header announcing {bytes} bytes, one more than the {max} a server must take',
  'oversized-frame.fail.answered':
    'A announced {bytes} bytes, over the 1 MiB limit: your server answered the header at once, as if it were a whole message, and {closeMs} ms later the connection was still open. A header over the limit is refused: close the connection.',
  'oversized-frame.fail':
    'A announced {bytes} bytes, over the 1 MiB limit, and {closeMs} ms later the connection was still open: your server waits for (or makes room for) bytes it should refuse.',
  'oversized-frame.fail.other':
    "While A's oversized header was in, B got no reply within {replyMs} ms: one client's header holds up the others.",
  'mid-frame-reset.title': 'a client that resets halfway through a message does not take the server down',
  'mid-frame-reset.1':
    "A sent half a message, then reset the connection. Read your server's last words above: did the error on that read end your process?",
  'mid-frame-reset.2':
    'A reset in the middle of a message is an error on that connection only: keep the try/catch around the whole conversation (in callback style, an "error" listener on the socket), drop that client and go on.',
  'mid-frame-reset.2.python':
    "Catch ConnectionResetError (and your recv_exact's EOFError) around the whole conversation of one client: the with conn: block closes it, and the server goes on.",
  'mid-frame-reset.note': 'A sends the header and {sent} of the {total} bytes it announces, then resets',
  'own-buffer.title': "two clients' messages, each arriving in pieces, get each its own reply",
  'own-buffer.1':
    'A and B each sent half a message, then the rest. What your server keeps of a message still coming belongs to one connection: is its buffer shared by both?',
  'own-buffer.2':
    'Declare the buffer inside the conversation, let pending = Buffer.alloc(0) in serve(socket), not at the top of the file, where every connection writes into the same one.',
  'own-buffer.2.python':
    'Keep what is left of a message in local variables of the function that serves one client (recv_exact keeps nothing between calls), never in a global.',
  'two-in-one.2.python-asyncio':
    'Read exactly what you need: header = await reader.readexactly(4), then message = await reader.readexactly(n). The second message stays in the StreamReader for the next call.',
  'split-header.2.python-asyncio':
    'reader.read(4) may return 1 byte; await reader.readexactly(4) waits for all 4 (and raises IncompleteReadError if the client leaves first).',
  'large-message.2.python-asyncio':
    'reader.read(n) returns at most what has arrived: read the message with await reader.readexactly(n), then writer.write(reply) and await writer.drain().',
  'mid-frame-reset.2.node-callback':
    'Give every socket an "error" listener, socket.on("error", …), as soon as it connects: a reset halfway through a message is an "error" event, and one nobody listens to ends the process.',
  'mid-frame-reset.2.python-asyncio':
    'Catch asyncio.IncompleteReadError (the client left halfway through a message) and ConnectionError around the conversation in your handler, and close the writer in finally.',
  'own-buffer.2.node-callback':
    'Declare let pending = Buffer.alloc(0) inside the "connection" callback, next to its socket.on("data", …), not at the top of the file, where every connection writes into the same one.',
  'own-buffer.note': 'A and B each send the first half of a message, then each the rest',
  'own-buffer.check': 'The message of {name}',

  // course/properties/content.ts
  'uppercases.title': 'the reply is the message with a–z uppercased, nothing more',
  'uppercases.1':
    'Compare the expected and received bytes above: is something missing, added (a \\n?), or changed that should not be?',
  'uppercases.2':
    'Send back exactly what you read, with only the bytes a–z (0x61–0x7a) changed: upperAscii(chunk). Add no newline or prefix.',
  'uppercases.check': 'The greeting',
  'many-messages.title': 'answers 5 messages on one connection, each in turn',
  'many-messages.1':
    'Read the wire story: which message was the last one answered, and what did the server do after it?',
  'many-messages.2':
    'Keep reading from the same socket until the client leaves: for await (const chunk of socket) { socket.write(upperAscii(chunk)) }',
  'many-messages.check': 'Message {i} of {total}',
  'long-message.title': 'a 10,000-byte message comes back whole',
  'long-message.1': 'A long message arrives in several pieces: one read is not one message. How much of it came back?',
  'long-message.2': 'Answer every chunk you read, not just the first; and do not cut a chunk to a fixed size.',
  'long-message.check': 'The 10,000-byte message',
  'split-character.title': 'a character split across two writes comes back byte-exact',
  'split-character.1':
    '你 is three bytes in UTF-8, and the first arrived alone. What does your server do with a chunk that ends mid-character?',
  'split-character.2':
    'chunk.toString() turns a partial character into U+FFFD. Work on the bytes (upperAscii on the Buffer), or use socket.setEncoding("utf8"), which holds a partial character back until the rest arrives.',
  'split-character.fail.1':
    'The server closed the connection after the first piece of the message, without waiting for the rest.',
  'split-character.one-read': 'Your server answers only one read, then hangs up: see many-messages first.',
  'split-character.check': 'The split message',

  // course/properties/connect.ts
  'listens.title': 'a client can connect to PORT',
  'listens.1': 'Start your server by hand with PORT=5000 and connect to it: does it print an error? Does it stay up?',
  'listens.2':
    'Listen on the port from the environment: server.listen(Number(process.env.PORT)). Leave the host out to accept on every address.',

  // course/properties/one-shot.ts
  'closes-after-reply.title': 'closes the connection after its one reply',
  'closes-after-reply.1':
    'After replying, the client waits and hears nothing more, not even a goodbye: who should hang up?',
  'closes-after-reply.2': 'socket.end(reply) sends the reply and then FIN, which closes your side of the connection.',
  'closes-after-reply.fail':
    'After its reply the server kept the connection open for {closeMs} ms; the client never closed, and neither did the server.',
  'exits-after-client.title': 'the process exits by itself, status 0, after its one client',
  'exits-after-client.1':
    'A Node process ends when nothing is left to wait for. What is your server still waiting for?',
  'exits-after-client.2':
    'Close the connection (socket.end) and the listening socket (server.close()); then the process exits with 0 on its own. Avoid process.exit() with another status.',
  'exits-after-client.fail.1':
    'The conversation is over, but the server process is still running, and has done nothing for {exitMs} ms.',
  'exits-after-client.fail.2': 'The server process {status}, not with status 0.',
  'exits-cleanly.title': 'if it exits after its client, it exits with status 0',
  'exits-cleanly.1':
    'Your server ended badly after its client left. Read its last words above: an exception, a process.exit with another status, or status 13 (a top-level await that never settled)?',
  'exits-cleanly.2':
    'A loop of await once(socket, "data") waits forever once the client has left. for await (const chunk of socket) ends on EOF; after it, close the socket and the server, and Node exits with 0.',
  'exits-cleanly.fail': 'After its client left, the server process {status}.',

  // batch/table.ts
  'batch.note.1': 'time cap',
  'batch.note.2': 'memory cap',
  'batch.note.3': 'never listened',
  'batch.score-label': 'score',
  'batch.submissions': '{count} submissions',
  'batch.full-report': "A submission's full report: ",
  'batch.summary': {
    one: '{passing} of {total} submissions pass every property; {count} fails some{ungraded}. {seconds} s, {jobs} at a time.',
    other:
      '{passing} of {total} submissions pass every property; {count} fail some{ungraded}. {seconds} s, {jobs} at a time.',
  },
  'batch.ungraded': '; {ungraded} could not be graded',

  // batch/discover.ts
  'batch.no-folder': 'There is no folder at {folder}.',
  'batch.is-file': '{folder} is a file: --batch takes a folder with one subfolder per submission.',
  'batch.no-subfolders':
    '{folder} has no subfolders. Put each submission in a folder of its own: class/alice/server.py, class/bob/server.ts, class/carol/run.',
  'batch.run-file-lines': 'its run file must hold exactly one command line (it has {lines})',
  'batch.nothing-to-run': 'nothing to run: no {expected}',

  // batch/grade-batch.ts
  'batch.grader-failed': 'the grader itself failed on this one (a bug in Socket Lab; please report it): {reason}',

  // i18n/messages.ts
  'say.exit-status.memory': 'was stopped by the grader for using {usedMiB} MiB of memory, over the cap of {capMiB} MiB',
  'say.exit-status.error': 'could not be started: {error}',
  'say.exit-status.signal': 'was ended by signal {signal}',
  'say.exit-status.code': 'exited with status {code}',
  'say.and-exited': '; the server process {status}',
  'say.exited-before-listening': 'Your server {status} before it was listening; what it printed is shown below.',
  'say.never-listened.used': ' (it used {cpuMs} ms of CPU time in {ms} ms)',
  'say.never-listened':
    'Nothing accepted a connection on port {port} (127.0.0.1 or ::1) within {within} ms, though the server kept working{used}. Does it call listen() with the port from the PORT environment variable?',
  'listens-only-sometimes':
    'Your server listened for another check of this grade, but not for this one, twice. Does it start the same way every time? Look for a fixed port, a file it locks or writes, or a crash that comes and goes.',
  'say.slow-start':
    'Your server took {seconds} s to start listening; the grader waited for it. (A server that keeps working at starting, through a launcher such as pyenv or npx, is given the time it needs.)',
  'say.asleep-not-listening':
    '{ms} ms after it started, your server is running but idle, and nothing listens on port {port} (127.0.0.1 or ::1). Does it call listen() with the port from the PORT environment variable?',
  'say.wrong-port.address':
    "Your server is listening on {listenersWhere}, an address a client on this machine can't reach as 127.0.0.1 or ::1. Listen on all addresses (leave the host out) or on 127.0.0.1.",
  'say.wrong-port.port':
    'Your server is listening on {listenersWhere}, not on PORT={port}. Read the port from the PORT environment variable ({read}).',
  'say.tried-other-port':
    'Your server tried to listen on port {taken}, not on PORT={port}, and {taken} was taken. Read the port from the PORT environment variable ({read}).',
  'say.connect-failed.server-gone': 'Client {client} was refused: the server is no longer running (it {status}).',
  'say.connect-failed.not-listening':
    'Client {client} was refused: the server process still runs, but nothing listens on port {port} any more. Did it close its listening socket?',
  'say.connect-failed.timed-out':
    'Client {client} could not even connect: the handshake did not complete in time (is the listen backlog full?).',
  'say.connect-failed.other': 'Client {client} could not connect: {code}.',
  'say.no-reply.reset': 'Client {name} got no reply: the server reset the connection instead{tail}.',
  'say.no-reply.fin': 'Client {name} got no reply: the server closed the connection (FIN) without answering{tail}.',
  'say.no-reply.silence': 'Client {name} got no reply within {ms} ms{tail}.',
  'say.no-fin-yet':
    '{client} gave the server {ms} ms to close its side (time it waited for a CPU not counted); it did not, so {client} closes anyway',
  'no-reply':
    "Nothing came back at all. Does your server write a reply (socket.write or socket.end) when a message arrives, and does it reach that line? Two traps: a synchronous while (true) loop blocks Node's event loop, so no 'data' can arrive; and a socket of createServer({ pauseOnConnect: true }) stays paused until read with for await (a 'data' listener alone needs socket.resume()).",
  'no-reply.python':
    'Nothing came back at all. When recv() returns a message, does your server call sendall() with the reply, on the connection socket (not the listening one)? Does it reach that line?',
  'no-reply.other':
    'Nothing came back at all. When a message arrives, does your server write a reply to that connection, and does it reach that line (no output buffered and never flushed)?',
  'to-upper-case':
    'é came back as É: toUpperCase() changes more than a–z. Change only the bytes 0x61–0x7a, as upperAscii() does.',
  'server-gone':
    'Your server is no longer running (it {status}), so no one was there to answer: fix that first.{printed}',
  'server-gone.printed': ' What it printed last is above.',
  'stopped-listening':
    'Your server still runs but no longer listens: did it call server.close() after its first client? A connection loop keeps listening.',
  'other-port': 'Start your server by hand with an unusual port, PORT=5123: does it say it listens on 5123?',
  'exit-status.unsettled-await':
    'Your server {status}: a top-level await was still waiting when nothing was left that could wake it. Which await was waiting for a client that had already gone?',
  'exit-status.by-itself':
    "Your server {status} by itself. Don't call process.exit(): close the socket (socket.end) and the server (server.close), and Node exits with 0 on its own.",
  'say.wrong-reply': '{what}: the reply is not the message with a–z uppercased.',
  'say.and-stopped-for-memory': '{message} The server {status}.',
  'say.past-time-cap':
    'Not decided within the time cap of {seconds} s for the whole grade: the grader stopped the server.',
  'past-time-cap':
    'Grade this server on its own (npm run grade -- <stage> --file <path>): the report shows where it gets stuck. A slow machine can allow more time with --time-cap <seconds>.',
  'say.not-judged': 'Not judged: the server never listened (see listens).',
  'say.needs-proc': 'Skipped: measuring this needs Linux /proc, which this machine does not have.',

  // subject/platform.ts: the one line at the top of a report where this platform can't serve a stage fully
  'platform.no-proc': {
    one: "{platform}: {count} check that needs Linux's /proc is skipped here: {ids}.",
    other: "{platform}: {count} checks that need Linux's /proc are skipped here: {ids}.",
  },
  'platform.windows': {
    one: "Native Windows: grading here is untested (the lab's CI checks only its unit tests on Windows), and {count} check that needs Linux's /proc is skipped: {ids}. For the full grader, use WSL 2.",
    other:
      "Native Windows: grading here is untested (the lab's CI checks only its unit tests on Windows), and {count} checks that need Linux's /proc are skipped: {ids}. For the full grader, use WSL 2.",
  },
  'platform.windows.all-run':
    "Native Windows: grading here is untested (the lab's CI checks only its unit tests on Windows). For the full grader, use WSL 2.",

  // subject/platform.ts: the one line at the top of a sandboxed grade's report, for what was missing
  'sandbox.missing': 'Sandbox: not on this machine: {missing}.',
  'sandbox.limit.network': 'no network but loopback',
  'sandbox.limit.files': 'read-only files',
  'sandbox.limit.processes': 'the process cap',
  'sandbox.missing.not-linux': '{limits} (namespaces are Linux only)',
  'sandbox.missing.turned-off': '{limits} (SOCKET_LAB_NO_BOX=1 turns boxes off)',
  'sandbox.missing.no-tools': "{limits} (util-linux's setpriv, unshare, nsenter, mount or prlimit is missing)",
  'sandbox.missing.no-namespaces': '{limits} (this machine does not let a user make namespaces)',
  'sandbox.missing.no-ip': '{limits} (no `ip` command: install iproute2)',
  'sandbox.missing.no-remount': '{limits} (the file system could not be made read-only)',
  'sandbox.missing.root':
    "{limits} (as root, a server keeps root's rights over devices, root's local sockets and the number of processes: grade as an ordinary user)",

  // joining a list, per language
  'sep.sentence': ' ',
  'sep.list': ', ',
  'sep.clause': '; ',
  'sep.or': ' or ',
  'sep.and': ' and ',
  'sep.clause-more': '; …',

  // cli/watch.ts
  'watch.footer': '\nwatching {dir}: save a file to grade again{keys}\n',
  'watch.footer.keys': ' · Enter: grade now · h: next hint · q: quit',
  'watch.footer.ctrl-c': ' · Ctrl-C: quit',
  'watch.polling': 'looking for saves every {seconds} s, as file events may not arrive: {why}\n',
  'watch.polling.asked': '{setting} asks for it',
  'watch.polling.wsl': 'this folder is on a Windows drive, and saves made in Windows send WSL no events',
  'watch.polling.filesystem': 'this folder is on a {fs} filesystem, where saves made elsewhere send no events',
  'watch.polling.refused': 'the system watches no more folders ({code})',
  // course/hint-styles.ts: rungs said for one style (see HINT_STYLES)
  'listens.2.python':
    'Listen on the port from the environment: socket.create_server(("", int(os.environ["PORT"]))). An empty host accepts on every address.',
  'closes-after-reply.2.python':
    'After conn.sendall(reply), call conn.close() (or serve inside with conn:): that sends FIN and closes your side.',
  'exits-after-client.1.python':
    'A Python script ends when it reaches its last line. Is it still inside a loop, or waiting in accept() for a client that never comes?',
  'exits-after-client.2.python':
    'Serve one client without a loop around accept(), then close the connection and the listening socket (with blocks do both); the script then ends with status 0. Avoid sys.exit() with another status.',
  'exits-cleanly.1.python':
    'Your server ended badly after its client left. Read its last words above: an uncaught exception (a traceback), or sys.exit() with another status?',
  'exits-cleanly.2.python':
    "recv() returns b'' once the client has left: leave the loop on it (if not data: break), close the connection and the listening socket, and let the script end.",
  'uppercases.2.python':
    'Send back exactly what you read, with only the bytes a–z changed: data.upper() on the bytes (not on a decoded str). Add no newline or prefix.',
  'many-messages.2.node-callback':
    'Answer every "data" event, not just the first: socket.on("data", (chunk) => socket.write(upperAscii(chunk))), not socket.once.',
  'many-messages.2.python':
    'Keep reading from the same connection until the client leaves: while True: data = conn.recv(65536); if not data: break; conn.sendall(data.upper())',
  'split-character.2.python':
    'data.decode() fails or garbles on a partial character. Work on the bytes: data.upper() on bytes changes only a–z and keeps every other byte as it is.',
  'closes-on-eof.2.node-callback':
    'The "end" event says the client sent FIN: socket.on("end", () => socket.end()) sends yours.',
  'closes-on-eof.2.python':
    "recv() returns b'' once the client sent FIN: if not data: break, then conn.close() (or let with conn: close it).",
  'no-busy-loop.1.python':
    "After the client left, your server kept running flat out. Once the client has sent FIN, recv() returns b'' at once, every time: does your loop stop on it?",
  'no-busy-loop.2.python':
    'Leave the loop on the empty read (if not data: break) and close the connection, instead of calling recv() again and again.',
  'no-busy-loop.1.python-asyncio':
    "After the client left, your server kept running flat out. Once the client has sent FIN, await reader.read() returns b'' at once, every time: does your loop stop on it?",
  'no-busy-loop.2.python-asyncio':
    'Leave the loop on the empty read (if not data: break) and close the connection (writer.close()), instead of awaiting reader.read() again and again.',
  'no-reply.python-asyncio':
    'Nothing came back at all. When reader.read() returns a message, does your server call writer.write() with the reply, then await writer.drain()? Does it reach that line?',
  'no-reply.spinning':
    "Nothing came back, and your server was running flat out meanwhile: a loop that never waits. Is it still spinning on a client that has left (a read that returns nothing, again and again)? A synchronous loop also blocks Node's event loop.",
  'no-reply.spinning.python':
    "Nothing came back, and your server was running flat out meanwhile: it is still spinning on a client that left. After a FIN, recv() returns b'' at once, forever. Leave the loop on it: if not data: break.",
  'no-reply.spinning.python-asyncio':
    "Nothing came back, and your server was running flat out meanwhile: it is still spinning on a client that left. After a FIN, await reader.read() returns b'' at once, forever. Leave the loop on it: if not data: break.",
  'next-client.2.python':
    'Wrap the conversation in a loop over connections: while True: conn, _ = server.accept(), then serve conn until it ends, and keep the listening socket open.',
  'survives-reset.2.node-callback':
    'In Node an "error" event nobody listens to ends the process. Give every socket an "error" listener (socket.on("error", () => socket.destroy())), so a reset ends that conversation only.',
  'survives-reset.2.python':
    'A reset makes recv() or sendall() raise ConnectionResetError (or BrokenPipeError). Catch it around one conversation (try: … except (ConnectionResetError, BrokenPipeError):), drop that client, and go on.',
  'queued-clients.2.python':
    "The kernel queues clients that connect while you are busy, up to listen()'s backlog: accept() them one after another in a loop, and don't listen(0) or close the listening socket in between.",
  'queued-reset.1.node-callback':
    'Client B reset while A was still being served. Read the server\'s last words above: did an ECONNRESET end it, from a socket that had no "error" listener yet?',
  'queued-reset.1.python':
    "Client B reset while A was still being served. Read the server's last words above: did a ConnectionResetError end it, from a connection your try/except was not around?",
  'queued-reset.2.node-callback':
    'Node reads every accepted socket at once, even one still waiting for its turn: give every socket an "error" listener in the "connection" handler, before anything else (socket.on("error", () => socket.destroy())).',
  'queued-reset.2.python':
    'A client that reset while it waited is accepted all the same, and its first recv() raises ConnectionResetError: put the try/except around every conversation, from its first recv().',
  'no-fd-leak.2.python':
    'Close the connection on every way out of a conversation: with conn: (or conn.close() in a finally) closes it after a FIN and after a reset alike.',
  'idle-client-no-block.2.python':
    'Serve each client in a thread of its own: threading.Thread(target=serve, args=(conn,), daemon=True).start(), and go straight back to accept(); a quiet client then blocks only its own thread.',
  'idle-client-no-block.2.python-asyncio':
    "asyncio.start_server(serve, …) runs serve once per client, as a task of its own: don't await one client's conversation where the next is accepted, and never call a blocking recv() or time.sleep() in a coroutine.",
  'many-clients.2.python':
    'Start a thread for every connection as it arrives (threading.Thread(…).start()), with no fixed pool of workers (ThreadPoolExecutor(max_workers=4) serves only four), and give listen() a backlog big enough for a crowd.',
  'many-clients.2.python-asyncio':
    'Let asyncio.start_server start a task for every client and keep no cap on them (no Semaphore around serve); a blocking call in any coroutine stops them all.',
  'backlog-full':
    "Your server's listen backlog, the kernel's queue of clients waiting for accept(), has no room for a crowd. Accept faster, or give listen() a larger backlog (server.listen(port, 1024)).",
  'backlog-full.python':
    'Your listen backlog, the queue of clients waiting for accept(), has no room for a crowd: with listen(5), five clients, and one more, can wait there. Use socket.create_server(("", port), backlog=1024) or listen(1024).',
  'slow-reader.2.node-callback':
    'socket.write() returns false once its buffer is full: then socket.pause(), so no more "data" comes, and socket.once("drain", () => socket.resume()). In a "data" handler an await does not stop the events.',
  'slow-reader.2.python':
    'conn.sendall() waits while A is not reading, so the thread that serves A stops reading too: that is the backpressure you want. Serve each client in a thread of its own, so that wait holds up only A.',
  'slow-reader.2.python-asyncio':
    'writer.write() only queues the reply: await writer.drain() after each write, which waits while A is not reading, so you stop reading from A too.',
  'slow-reader.stopped.node-callback':
    'Once A reads again, your server must read again too: a socket you paused needs socket.resume() on "drain" (socket.once("drain", () => socket.resume())).',
  'slow-reader.stopped.python':
    'Once A reads again, sendall() returns: then go back to recv() for the rest. Is the loop still running after a slow sendall()?',
  'slow-reader.stopped.python-asyncio':
    'Once A reads again, await writer.drain() returns: then go back to reader.read() for the rest. Does your loop read again after the drain?',
  'stays-small.2.python':
    'Keep what belongs to one client in its own function (local variables), not in a module-level list or dict; if you must keep one, remove the entry when the conversation ends (in a finally).',
  'to-upper-case.python':
    'é came back as É: str.upper() changes more than a–z. Work on the bytes: data.upper() on bytes changes only 0x61–0x7a.',
  'stopped-listening.python':
    'Your server still runs but no longer listens: did it close the listening socket (or leave its with block) after its first client? A connection loop keeps it open.',
  'crossed.python':
    "Every reply must go back on the connection its message came from. Keep the connection in the conversation's own scope (the conn parameter of serve(conn)), never in a global every conversation shares.",
  'no-fd-leak.2.node-callback':
    'Close the socket on every way out of a conversation: socket.end() on "end", socket.destroy() on "error".',
  'no-fd-leak.2.python-asyncio':
    'Close the connection on every way out of a conversation: writer.close() in a finally, after a FIN and after a reset alike.',
  'closes-on-eof.2.python-asyncio':
    "await reader.read() returns b'' once the client sent FIN: if not data: break, then writer.close().",
  'survives-reset.2.python-asyncio':
    "A reset makes reader.read() or writer.drain() raise ConnectionResetError. Catch it in serve (try: … except ConnectionError:): that ends this client's task only, and the server goes on.",
  'many-messages.2.python-asyncio':
    'Keep reading from the same connection until the client leaves: while data := await reader.read(65536): writer.write(data.upper()); await writer.drain()',
  'next-client.2.python-asyncio':
    'Let asyncio.start_server(serve, port=…) call serve for every client, and keep the server running: async with server: await server.serve_forever().',
  'next-client.2.node-callback':
    'Serve every connection, not just the first: createServer((socket) => { … }) calls your function for each client as it comes; keep the server listening (no server.close()).',
  'queued-clients.2.node-callback':
    "createServer((socket) => { … }) is called for every connection, also those that arrive while another is served: set every socket up there, and don't cap server.maxConnections at 1.",
  'exits-cleanly.2.node-callback':
    'When the client leaves, "end" comes: end the socket and close the server there (socket.on("end", () => { socket.end(); server.close(); })), and Node exits with 0 on its own.',
  'closes-on-eof.1.python':
    "The client said goodbye (FIN): from then on recv() returns b'' at once. Does your loop stop on it (if not data: break) and close the connection?",
  'closes-on-eof.1.python-asyncio':
    "The client said goodbye (FIN): from then on await reader.read() returns b'' at once. Does your loop stop on it (if not data: break) and close the connection (writer.close())?",
  // course/hint-follow-ups.ts: the rungs after a first hint that names a cause of its own (see FOLLOW_UPS)
  'server-gone.crashed':
    "Find what ended it: its last words above name the error and the line it came from. An error no one catches ends the whole process: put try/catch around each conversation (a reset rejects the for await with ECONNRESET), so a client's trouble ends only that client.",
  'server-gone.crashed.node-callback':
    'Find what ended it: its last words above name the error and the line it came from. An "error" event with no listener ends the whole process: give every socket one as it arrives (socket.on("error", () => socket.destroy())), so a client\'s reset ends only that client.',
  'server-gone.crashed.python':
    "Find what ended it: the traceback's last lines name the exception and your line. An exception no one catches ends the script: put try/except (ConnectionResetError, BrokenPipeError) around each conversation, so a client's trouble ends only that client.",
  'server-gone.crashed.python-asyncio':
    "Find what ended it: the traceback's last lines name the exception and your line. Catch it around each conversation in serve (try: … except ConnectionError:), so a client's reset ends only that client's task, and keep main waiting (await server.serve_forever()).",
  'server-gone.ended':
    'It ended by itself, with status 0, while a client still needed it: a Node process exits once nothing is left to wait for. What let go too early: a server.close(), a loop left after the first message or client, or a process.exit()?',
  'server-gone.ended.python':
    "It ended by itself, with status 0, while a client still needed it: the script reached its last line (or sys.exit()). Which loop ended too early: the one around recv(), which ends only on b'', or (from stage 3 on) the one around accept(), which never ends?",
  'server-gone.ended.python-asyncio':
    'It ended by itself, with status 0, while a client still needed it: asyncio.run(main()) returns as soon as main does. Keep main waiting for as long as the server serves: await server.serve_forever() (from stage 3 on), or an event serve sets when its client has left.',
  'listens-only-sometimes.2':
    'Start it twice at once by hand, in two terminals, each with its own port (PORT=5001, then PORT=5002): does the second listen too? The grader starts a fresh server for each check, several at a time, each with its own PORT.',
  'no-reply.spinning.2':
    'End the loop on the read that returns nothing: for await (const chunk of socket) ends by itself on FIN, but a while (true) around socket.read() never does, and blocks every other event meanwhile.',
  'no-reply.spinning.2.python':
    "This is the whole loop: while True: data = conn.recv(1024); if not data: break; conn.sendall(data.upper()). Without the break, recv() returns b'' again and again, as fast as the CPU allows.",
  'no-reply.spinning.2.python-asyncio':
    "This is the whole loop: while True: data = await reader.read(1024); if not data: break; writer.write(data.upper()); await writer.drain(). Without the break, read() returns b'' again and again without waiting, and no other task runs.",
  'stopped-listening.2':
    'Accept in a loop that never ends: for await (const [socket] of on(server, "connection")) { … }, and call server.close() only when the server should stop for good.',
  'stopped-listening.2.node-callback':
    "createServer((socket) => { … }) calls your function for every client as long as the server listens: don't call server.close() in it.",
  'stopped-listening.2.python':
    'Keep the listening socket open for the whole loop: with socket.create_server(("", port)) as server:, then while True: conn, _ = server.accept() inside that with block; when a client is done, close only conn.',
  'stopped-listening.2.python-asyncio':
    "Keep the server open: async with server: await server.serve_forever(), and don't close it when a client leaves.",
  'backlog-full.2':
    'Empty the queue as fast as clients arrive: in the "connection" handler (or the loop over connections), start each conversation without awaiting it, and do nothing slow before the next.',
  'backlog-full.2.python':
    "Keep the accept loop doing nothing else: conn, _ = server.accept(), start that client's thread, and go straight back to accept(). With backlog=1024, a burst waits in the queue instead of timing out.",
  'backlog-full.python-asyncio':
    'Your listen backlog, the queue of clients waiting to be accepted, has no room for a crowd. Give it room: asyncio.start_server(serve, port=port, backlog=1024) (its default is 100).',
  'backlog-full.2.python-asyncio':
    "start_server runs serve as a task of its own for every client, so accepting never waits for a conversation, unless a coroutine calls something that blocks (time.sleep, a socket's recv): that stops the accepting too.",
  'crossed.2':
    'Look for one variable every connection assigns (let client = socket, this.socket) that replies go through: the newest client overwrites it. Reply on the socket your conversation was given (serve(socket)), never on a shared one.',
  'crossed.2.node-callback':
    'Look for one variable every connection assigns (let client = socket) that replies go through: the newest client overwrites it. Reply on the socket the "connection" handler was given: socket.on("data", (chunk) => socket.write(…)) inside it.',
  'crossed.2.python':
    'Look for a global every connection assigns (global conn, a class attribute) that replies go through: the newest client overwrites it. Pass conn to the conversation as its argument (threading.Thread(target=serve, args=(conn,))) and reply on that.',
  'crossed.2.python-asyncio':
    'Look for a global every connection assigns that replies go through: the newest client overwrites it. Reply on the writer serve(reader, writer) was given, never on a shared one.',
  // platforms/autograder/command.ts
  'autograder.usage':
    "Usage: npm run autograder -- gradescope <stage> [--out <file.zip>]\n                        prairielearn <stage> [--out <folder>]\n                        github-classroom [<stage>] [--out <file.yml>]\nThe grade's options --lang, --points, --time-cap and --max-memory, given here, are baked in.",
  'autograder.unknown-platform': 'There is no platform "{name}": choose {known}.',
  'autograder.needs-stage':
    '{platform} grades one stage per assignment: name it, like this: npm run autograder -- {platform} stage-3',
  'autograder.points-need-stage': "--points names a stage's properties: name the stage too.",
  'autograder.write-failed': 'Could not write the files: {reason}',
  'autograder.wrote.gradescope':
    'Wrote {path} ({size}). On Gradescope: a Programming Assignment, Configure Autograder, upload this zip (base image Ubuntu 22.04), Update Autograder. Students submit their server file, or their whole repository, for {stage}.',
  'autograder.wrote.prairielearn':
    "Wrote {path}/: build and push its image (docker build -t <you>/socket-lab-{stage} {path} && docker push <you>/socket-lab-{stage}), then put {path}/info.json's externalGradingOptions, with your image's name, in the question's info.json.",
  'autograder.wrote.github-classroom':
    "Wrote {path}: commit it to the template repository. Each push to a student's repository grades {stages}.",

  // report/formats/clip.ts
  'clip.cut': '… ({bytes} more bytes not shown)',
  // report/formats/points.ts
  'points.bad-item':
    '--points takes id=number pairs separated by commas, like listens=2,no-busy-loop=0.5: "{item}" is not one.',
  'points.unknown-id': '--points names "{id}", which is not a property of {stage}. Its properties are: {known}.',
  'points.twice': '--points gives "{id}" twice.',

  // platforms/run-engine.ts
  'engine.no-root':
    "There is no folder at {root}: --engine-root names the platform's folder (for Gradescope, the one holding submission/ and results/).",
  'engine.no-folder': 'Nothing was submitted: the submission is empty.',
  'engine.nothing-to-run':
    'Nothing to run in the submission: no file named {expected} in its folder, one folder down, or in stages/{stage}/ (it holds: {found}).',
  'engine.several': 'The submission holds more than one server to run ({found}): upload only one.',
  'engine.summary': 'Socket Lab {id}: {held} of {max} points; {passed} of {count} properties hold. {seedNote}',
  'engine.not-graded': 'Not graded: {reason}',
  'engine.not-graded.short': 'Not graded: the summary above says why.',
  'engine.written': 'Results for {platform}: {path}',
  'engine.no-github-output':
    'GITHUB_OUTPUT is not set (this is not a GitHub Actions step): here is the line the step would have set.',
  'engine.graded-file': 'Graded: {file}',

  // report/html/
  'html.arrow.connect': 'connect',
  'html.arrow.close': 'closed its socket',
  'html.arrow.refused': 'refused: nothing listens',
  'html.arrow.reset-while-connecting': 'reset while connecting',
  'html.arrow.no-answer': 'no answer',
  'html.skipped': '… {skipped} more events …',
  'html.axis': 'ms',
  'html.diagram.title': 'The conversation on the wire, as a sequence diagram',
  'html.diagram.desc': {
    one: '{parties} lifelines, {count} event; time runs down the page. The same story as text follows.',
    other: '{parties} lifelines, {count} events; time runs down the page. The same story as text follows.',
  },
  'html.more-lines': { one: '… and {count} more line', other: '… and {count} more lines' },
  'html.verdicts': 'Verdicts',
  'html.status.pass': 'holds',
  'html.status.fail': 'fails',
  'html.status.skip': 'skipped',
  'html.wire.caption':
    "On the wire: port {port}, times in ms from the server's start; a shaded band is a pause. What your server printed stands where the grader read it.",
  'html.wire.as-text': 'The same story as text',
  'html.hints': 'Hints',
  'html.class.passing': {
    one: '{passing} of {count} submission passes every property',
    other: '{passing} of {count} submissions pass every property',
  },
  'html.class.ungraded': '; {count} could not be graded',
  'html.class.legend':
    '✔ holds · ✘ fails · – skipped (not measurable here) · · not graded. A cell opens that report at that property.',
  'html.class.heat': 'Submissions × properties',
  'html.class.share': 'How much of the class holds each property, the least held first',
  'html.class.groups': 'Submissions that fail the same properties',
  'html.class.reports': "Each submission's report",
  'html.class.submission': 'submission',
  'html.class.holds': 'holds',
  'html.class.share-row': '{held} of {of}',
  'html.class.group.all-hold': {
    one: '{count} submission holds every property',
    other: '{count} submissions hold every property',
  },
  'html.class.group.fail': { one: '{count} submission fails {ids}', other: '{count} submissions fail {ids}' },
  'html.class.group.ungraded': {
    one: '{count} submission could not be graded',
    other: '{count} submissions could not be graded',
  },
  'html.cell.pass': 'holds',
  'html.cell.fail': 'fails',
  'html.cell.skip': 'skipped',
  'html.cell.error': 'not graded',
  'html.written': 'Report: {path}',
  'html.opened': 'Report: {path} (opened in your browser)',
  'html.open-failed': 'Report: {path} (your browser could not be started: open the file in one)',
  'html.no-browser': 'Report: {path} (no browser here: open it in one)',
} as const satisfies Record<string, Entry>;

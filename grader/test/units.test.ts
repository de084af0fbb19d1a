// The pure parts, one table each.

import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { notACheckout, sharedStages } from '../bench/against.ts';
import { parseRequest } from '../cli/args.ts';
import { FLAGS } from '../cli/flags.ts';
import { hintCommand } from '../cli/main.ts';
import { shellQuote } from '../cli/shell-quote.ts';
import { closest } from '../cli/suggest.ts';
import { findStage, ROOT, STAGES } from '../course/catalogue.ts';
import { UsageError } from '../engine/errors.ts';
import { takenPort } from '../engine/harness.ts';
import { limitsFor, timeoutScale } from '../engine/limits.ts';
import { pause, TIMED_OUT, within } from '../engine/wait.ts';
import { detectLang } from '../i18n/text.ts';
import { displayWidth, escapeBytes, firstDifference, grouped, quote, quoteAt, upperAscii } from '../report/bytes.ts';
import { wireStory } from '../report/wire-story.ts';
import { releasePort, reservePort } from '../subject/port.ts';
import {
  groupUsage,
  HAS_PROC,
  parseTcpTables,
  runnableLedger,
  serverEnd,
  socketInodes,
  tcpTable,
  WrittenLedger,
} from '../subject/procfs.ts';

const b = (s: string) => Buffer.from(s, 'utf8');
const STAGE_IDS = STAGES.map((s) => s.id);
const FLAG_NAMES = Object.keys(FLAGS).map((name) => `--${name}`);

describe('bytes', () => {
  test.each([
    ['hello', 'hello'],
    ['line\n', 'line\\n'],
    ['tab\there\r', 'tab\\there\\r'],
    ['quote " and \\', 'quote \\" and \\\\'],
    ['你好', '你好'],
  ])('escapeBytes(%j) = %s', (input, shown) => expect(escapeBytes(b(input))).toBe(shown));

  test('broken UTF-8 shows as \\x escapes, and U+FFFD is named', () => {
    expect(escapeBytes(Buffer.from([0x61, 0xe4, 0xbd]))).toBe('a\\xe4\\xbd');
    expect(escapeBytes(b('a\ufffdb'))).toBe('a\\u{fffd}b');
  });

  test('upperAscii changes a–z only', () => {
    expect(upperAscii(b('abc xyz ABC 09 é 你')).toString()).toBe('ABC XYZ ABC 09 é 你');
    const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const changed = [...upperAscii(every)].flatMap((byte, i) => (byte === i ? [] : [[i, byte]]));
    expect(changed).toEqual(Array.from({ length: 26 }, (_, k) => [0x61 + k, 0x41 + k]));
  });

  test.each([
    ['same', 'same', -1],
    ['abc', 'abd', 2],
    ['abc', 'abcd', 3],
    ['', 'x', 0],
  ])('firstDifference(%j, %j) = %i', (x, y, at) => expect(firstDifference(b(x), b(y))).toBe(at));

  test('quote shortens long bytes around the point of interest', () => {
    const long = b(`${'a'.repeat(100)}B${'a'.repeat(100)}`);
    expect(quote(long, { focus: 100, width: 20 })).toBe('…"aaaaaaBaaaaaaaaaaaaa"… (201 bytes)');
    expect(quote(b('short'))).toBe('"short"');
  });

  test('a count is grouped by thousands exactly as en-US writes it', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 999_999, 1_048_577, -1_234_567, 67_108_864, 2 ** 53, 1.5, 1234.5678])
      expect(grouped(n)).toBe(n.toLocaleString('en-US'));
  });

  test("the size of a long quote is said in the reader's language, grouped", () => {
    const long = b('a'.repeat(1200));
    expect(quote(long, { width: 4, lang: 'en' })).toBe('"aaaa"… (1,200 bytes)');
    expect(quote(long, { width: 4, lang: 'zh' })).toBe('"aaaa"…（1,200 字节）');
  });

  // The caret's column is counted on what is shown: a character is one piece however many bytes it
  // takes, a CJK character takes two columns, an escape as many as it has characters.
  const caretCases: [string, Buffer, Buffer, string][] = [
    ['an ASCII difference', b('abc'), b('abX'), '"ab'],
    ['after é (2 bytes)', b('café!'), b('cafÉ!'), '"caf'],
    ['after é, the byte after it', b('café!'), b('café?'), '"café'],
    ['after 你 (two columns)', b('你a'), b('你b'), '"你'],
    ['inside a character (你 vs 好)', b('x你'), b('x好'), '"x'],
    ['at an escaped byte', Buffer.from([0x61, 0x62]), Buffer.from([0x61, 0xe4]), '"a'],
    ['after an escaped byte', Buffer.from([0x61, 0xe4, 0x62]), Buffer.from([0x61, 0xe4, 0x63]), '"a\\xe4'],
    ['after U+FFFD', b('\ufffdx'), b('\ufffdy'), '"\\u{fffd}'],
  ];
  test.each(caretCases)('the caret stands under the first difference: %s', (_, expected, received, before) => {
    const at = firstDifference(expected, received);
    expect(quoteAt(received, { focus: at }).column).toBe(displayWidth(before));
  });

  test('an added trailing \\n: the caret stands under it', () => {
    const received = quoteAt(b('CAFÉ\n'), { focus: firstDifference(b('CAFÉ'), b('CAFÉ\n')) });
    expect(received.text).toBe('"CAFÉ\\n"');
    expect(received.text.slice(received.column)).toBe('\\n"');
  });

  test('a shortened quote is cut between whole characters, never into escapes', () => {
    const text = quoteAt(b(`${'é'.repeat(50)}X`), { focus: 99, width: 20 }).text;
    expect(text).not.toContain('\\x');
    expect(text).toContain('X');
  });
});

describe('command line', () => {
  test.each([
    [['stage-2'], { stage: 'stage-2', subject: { kind: 'starter' }, json: false }],
    [['2', '--solution'], { stage: '2', subject: { kind: 'solution' } }],
    [['3', '--file', 'my.ts', '--json'], { subject: { kind: 'file', path: 'my.ts' }, json: true }],
    [['3', '--cmd', 'python3 s.py {port}'], { subject: { kind: 'cmd', command: 'python3 s.py {port}' } }],
    [['1', '--lang', 'zh'], { lang: 'zh' }],
    [['-h'], { help: true }],
  ])('%j', (argv, expected) => expect(parseRequest(argv)).toMatchObject(expected));

  test.each([[['1', '--file', 'a.ts', '--solution']], [['1', '--nope']], [['1', '--lang', 'de']], [['1', '2']]])(
    '%j is a usage error',
    (argv) => expect(() => parseRequest(argv)).toThrow(UsageError),
  );

  test.each([
    ['stage-2', 'stage-2'],
    ['2', 'stage-2'],
    ['Stage-3', 'stage-3'],
    ['stage2', 'stage-2'],
    ['Stage4', 'stage-4'],
    ['4', 'stage-4'],
    ['9', undefined],
    ['stage', undefined],
  ])('findStage(%s) is %s', (name, id) => expect(findStage(name)?.id).toBe(id));

  test.each([
    ['stag-2', STAGE_IDS, 'stage-2'],
    ['stgae-3', STAGE_IDS, 'stage-3'],
    ['Stage_1', STAGE_IDS, 'stage-1'],
    // As near to every stage as to any: no guess.
    ['stage-9', STAGE_IDS, undefined],
    ['hello', STAGE_IDS, undefined],
    ['--jsn', FLAG_NAMES, '--json'],
    ['--soltion', FLAG_NAMES, '--solution'],
    ['--bogus', FLAG_NAMES, undefined],
  ])('did you mean: %s → %s', (word, known, suggestion) => expect(closest(word, known)).toBe(suggestion));

  // Printed commands are checked by a real shell: it must read back exactly the words meant.
  const shellWords = (command: string) =>
    execFileSync('sh', ['-c', `set -- ${command}; printf '%s\\0' "$@"`], {
      encoding: 'utf8',
    })
      .split('\0')
      .slice(0, -1);

  test.each([
    ['plain', 'hint', 'hint'],
    ['spaces', 'python3 server.py {port}', "'python3 server.py {port}'"],
    ['a single quote', "it's", "'it'\\''s'"],
    ['empty', '', "''"],
  ])('shellQuote: %s', (_, word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
    expect(shellWords(shellQuote(word))).toEqual([word]);
  });

  test('the hint command for --cmd and --file runs as printed', () => {
    const stage = findStage('2');
    if (!stage) throw new Error('no stage-2');
    const command = `python3 "my server.py" --name 'it's' {port}`;
    const printed = hintCommand(stage, { kind: 'cmd', command });
    expect(printed).toBe(
      `npm run grade -- stage-2 --cmd 'python3 "my server.py" --name '\\''it'\\''s'\\'' {port}' --hint`,
    );
    expect(shellWords(printed)).toEqual(['npm', 'run', 'grade', '--', 'stage-2', '--cmd', command, '--hint']);
    const file = hintCommand(stage, { kind: 'file', path: 'my work/server.ts' });
    expect(file).toBe("npm run grade -- stage-2 --file 'my work/server.ts' --hint");
    expect(hintCommand(stage, { kind: 'starter' })).toBe('npm run grade -- stage-2 --hint');
    // Asked for in Chinese with --lang: the next hint comes in Chinese too.
    expect(hintCommand(stage, { kind: 'starter' }, 'zh')).toBe('npm run grade -- stage-2 --hint --lang zh');
  });
});

describe('settings', () => {
  test.each([
    [undefined, 1],
    ['2', 2],
    ['0.5', 0.5],
    ['0', 1],
    ['-3', 1],
    ['fast', 1],
  ])('SOCKET_LAB_TIMEOUT_SCALE=%s scales by %d', (raw, scale) => {
    expect(timeoutScale(raw === undefined ? {} : { SOCKET_LAB_TIMEOUT_SCALE: raw })).toBe(scale);
  });

  test('the scale stretches every wait but not the width of the busy-loop measurement', () => {
    const base = limitsFor(1);
    const slow = limitsFor(3);
    expect(slow.replyMs).toBe(3 * base.replyMs);
    expect(slow.startMs).toBe(3 * base.startMs);
    expect(slow.busyWindowMs).toBe(base.busyWindowMs);
    expect(slow.busyObserveMs).toBe(3 * base.busyObserveMs);
  });

  test.each([
    [{ LANG: 'zh_CN.UTF-8' }, 'zh'],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'zh_TW.UTF-8' }, 'zh'],
    [{ LANG: 'fr_FR.UTF-8' }, 'en'],
    [{}, 'en'],
  ])('language of %j is %s', (env, lang) => expect(detectLang(env)).toBe(lang));

  test.each([
    ['Error: listen EADDRINUSE: address already in use :::8888', 8888],
    ['Error: listen EADDRINUSE: address already in use 127.0.0.1:5000', 5000],
    ['OSError: [Errno 98] Address already in use', null],
  ])('takenPort(%j) = %s', (stderr, port) => expect(takenPort(stderr)).toBe(port));
});

describe('the wire story', () => {
  test('receives in a row read as one arrival, and a long story keeps its ends', () => {
    const events = [
      { at: 1, who: 'A', kind: 'send' as const, bytes: b('hi\n') },
      { at: 2, who: 'A', kind: 'recv' as const, bytes: b('H') },
      { at: 3, who: 'A', kind: 'recv' as const, bytes: b('I\n') },
      { at: 4, who: 'A', kind: 'fin-in' as const },
    ];
    expect(wireStory(events, 'en')).toEqual([
      '     1.0 ms  A      → "hi\\n"',
      '     2.0 ms  A      ← "HI\\n"',
      '     4.0 ms  A      ← FIN (server closed its side)',
    ]);
    const long = Array.from({ length: 40 }, (_, i) => ({ at: i, who: 'A', kind: 'send' as const, bytes: b(`${i}`) }));
    const story = wireStory(long, 'en', 10);
    expect(story).toHaveLength(10);
    expect(story[8]).toContain('… 31 more events …');
    expect(story.at(-1)).toContain('"39"');
  });

  test("the grader's notes stand in the arrows' column, in both languages", () => {
    const events = [
      { at: 1, who: 'A', kind: 'send' as const, bytes: b('hi') },
      { at: 2, who: 'grader', kind: 'note' as const, detail: { en: 'A sends 64 MiB', zh: 'A 发送 64 MiB' } },
    ];
    for (const lang of ['en', 'zh'] as const) {
      const [send = '', note = ''] = wireStory(events, lang);
      const arrow = displayWidth(send.slice(0, send.indexOf('→')));
      const words = displayWidth(note.slice(0, note.indexOf('A', 14)));
      expect(words, lang).toBe(arrow);
    }
  });
});

describe('TCP tables', () => {
  const HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
  const V4 = [
    '   0: 0100007F:1F90 00000000:0000 0A 00000000:00000003 00:00000000 00000000  1000        0 4242 1 0000000000000000 100 0 0 10 0',
    '10001: 0100007F:8000 0100007F:B28D 06 00000000:00000000 03:00000BF5 00000000     0        0 0 3 0000000043076bf0',
    '   2: 0100007F:1F90 0100007F:D431 01 0000000A:00000014 00:00000000 00000000  1000        0 77 1 0000000000000000 20 4 30 10 -1',
  ];
  const V6 =
    '   0: 00000000000000000000000001000000:1F91 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 99 1 0000000000000000 100 0 0 10 0';
  const fields = (texts: string[]) =>
    parseTcpTables(texts).map((e) => [
      e.family,
      e.localAddress,
      e.localPort,
      e.remotePort,
      e.state,
      e.inode,
      e.txQueue,
      e.rxQueue,
    ]);

  test('rows are read at the places the kernel prints them: ports, state, queues, inode; TIME_WAIT owns no inode', () => {
    expect(fields([`${HEADER}${V4.join('\n')}\n`, `${HEADER}${V6}\n`])).toEqual([
      [4, '127.0.0.1', 8080, 0, 0x0a, 4242, 0, 3],
      [4, '127.0.0.1', 32768, 45709, 0x06, 0, 0, 0],
      [4, '127.0.0.1', 8080, 54321, 0x01, 77, 10, 20],
      [6, '::1', 8081, 0, 0x0a, 99, 0, 0],
    ]);
  });

  test('a line laid out otherwise is read column by column, to the same fields', () => {
    // Spaced differently: the places don't hold, the columns do.
    const respaced = (line: string) =>
      line.replace(': ', ':   ').replaceAll(' 0A ', '  0A  ').replaceAll(' 01 ', '  01 ');
    const texts = [`${HEADER}${V4.join('\n')}\n`, `${HEADER}${V6}\n`];
    expect(fields(texts.map((t) => t.split('\n').map(respaced).join('\n')))).toEqual(fields(texts));
    expect(parseTcpTables([`${HEADER}   0: garbage\n\n`, ''])).toEqual([]);
  });

  test.runIf(HAS_PROC)("this machine's own tables read the same both ways", () => {
    const texts = ['/proc/net/tcp', '/proc/net/tcp6'].map((f) => (existsSync(f) ? readFileSync(f, 'utf8') : ''));
    const respaced = texts.map((t) => t.replaceAll(': ', ':  '));
    expect(fields(respaced)).toEqual(fields(texts));
    expect(fields(texts).length).toBeGreaterThan(0);
  });
});

describe.runIf(HAS_PROC)('/proc', () => {
  // Listening on :: (Node's default) is the case that matters most: its IPv4 clients live in tcp6.
  test.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::1', '::1'],
    ['::', '127.0.0.1'],
  ])('sees a server listening on %s, and the server end of a connection from %s', async (host, from) => {
    {
      const server = createServer().listen(0, host);
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      const mine = socketInodes([process.pid]);
      const entry = (await tcpTable()).find((e) => e.localPort === port && e.state === 0x0a);
      expect(entry?.localAddress).toBe(host);
      expect(mine.has(entry?.inode ?? -1)).toBe(true);

      const accepted = once(server, 'connection') as Promise<[Socket]>;
      const client = connect(port, from);
      await once(client, 'connect');
      const [serverSide] = await accepted;
      const end = await serverEnd(port, client.localPort ?? 0);
      expect(end.state).toBe('accepted');
      expect(socketInodes([process.pid]).has(end.state === 'accepted' ? end.inode : -1)).toBe(true);
      client.destroy();
      serverSide.destroy();
      server.close();
    }
  });

  test("a group's CPU time counts its helpers that have already exited, and goes on through an exec", async () => {
    // As a version manager's shim does: children that compute and exit, then exec of a program that waits.
    const script =
      'for i in 1 2 3; do x=$(sh -c "i=0; while [ \\$i -lt 40000 ]; do i=\\$((i+1)); done; echo y"); done; exec sleep 5';
    const shim = spawn('bash', ['-c', script], { detached: true, stdio: 'ignore' });
    const pid = shim.pid ?? -1;
    try {
      let usage = groupUsage(pid);
      // Until the shim has exec'd sleep: from then on, only what its helpers used can count.
      for (let i = 0; i < 500 && !readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('sleep'); i++)
        await new Promise((r) => setTimeout(r, 10));
      usage = groupUsage(pid);
      expect(usage.members).toEqual([pid]);
      const own = readFileSync(`/proc/${pid}/stat`, 'utf8')
        .slice(readFileSync(`/proc/${pid}/stat`, 'utf8').lastIndexOf(')') + 2)
        .split(' ');
      const ownMs = (Number(own[11]) + Number(own[12])) * 10;
      expect(usage.cpuMs).toBeGreaterThan(ownMs + 30);
    } finally {
      process.kill(-pid, 'SIGKILL');
    }
  });

  test('bytes written count as each write returns, read by us or not, and stay counted after the writer exits', async () => {
    // Nothing reads this child's stdout: what it wrote sits in the pipe, and the kernel counted it.
    const writer = spawn('sh', ['-c', 'printf 0123456789; exec sleep 0.3'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const pid = writer.pid ?? -1;
    const ledger = new WrittenLedger();
    const exited = once(writer, 'exit');
    for (let i = 0; i < 500 && !readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('sleep'); i++)
      await new Promise((r) => setTimeout(r, 10));
    const written = ledger.read([pid]);
    expect(written).toBeGreaterThanOrEqual(10); // and a byte or so of the shell's own
    await exited;
    expect(ledger.read([pid])).toBe(written);
    expect(new WrittenLedger().read([pid])).toBeNull();
    writer.stdout?.destroy();
  });

  test('a spinning process is runnable all the time, whatever else runs; a sleeping one adds nothing', async () => {
    const spinner = spawn(process.execPath, ['-e', 'console.log("go"); for (;;);'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const sleeper = spawn('sleep', ['5'], { stdio: 'ignore' });
    try {
      await once(spinner.stdout as NodeJS.ReadableStream, 'data');
      const [spinning, sleeping] = [runnableLedger(), runnableLedger()];
      const pids = { spinner: [spinner.pid ?? -1], sleeper: [sleeper.pid ?? -1] };
      const before = { spinner: spinning.read(pids.spinner), sleeper: sleeping.read(pids.sleeper) };
      const started = performance.now();
      await new Promise((r) => setTimeout(r, 200));
      const wall = performance.now() - started;
      // On a CPU or waiting for one: the two add up to the wall time that passed, on any machine.
      expect(spinning.read(pids.spinner) - before.spinner).toBeGreaterThan(0.8 * wall);
      expect(sleeping.read(pids.sleeper) - before.sleeper).toBeLessThan(5);
    } finally {
      spinner.kill('SIGKILL');
      sleeper.kill('SIGKILL');
    }
  });
});

describe('ports', () => {
  test('a port is reserved across processes: held, released, and reclaimed from a grader that is gone', () => {
    const port = 1000 + Math.floor(Math.random() * 1000); // below the grader's range: no live grader uses it
    const lock = join(tmpdir(), 'socket-lab-ports', String(port));
    expect(reservePort(port)).toBe(true);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    expect(reservePort(port)).toBe(false); // held by a live grader (this one)
    releasePort(port);
    expect(existsSync(lock)).toBe(false);
    writeFileSync(lock, '2147483646'); // a grader long gone
    expect(reservePort(port)).toBe(true);
    releasePort(port);
  });
});

describe('deadlines', () => {
  test('an event that came in time wins over a deadline that passed while the grader was starved', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    const connected = once(client, 'connect').then(() => 'connected');
    const verdict = within(connected, 50);
    // Starve the event loop past the deadline: the connect completes meanwhile, but is not yet read.
    const until = Date.now() + 200;
    while (Date.now() < until);
    expect(await verdict).toBe('connected');
    client.destroy();
    server.close();
  });

  test('a sampling pause ends after what came meanwhile was read: a printing server is not left blocked on our pipe', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    const [[theirs]] = await Promise.all([once(server, 'connection') as Promise<[Socket]>, once(client, 'connect')]);
    let read = 0;
    client.on('data', (chunk: Buffer) => {
      read += chunk.length;
    });
    // From the check phase, so that the next phase to run is the timers', before any look at I/O.
    await new Promise((resolve) => setImmediate(resolve));
    const paused = pause(10);
    theirs.write('printed while the grader was starved\n');
    const until = Date.now() + 100;
    while (Date.now() < until);
    await paused;
    expect(read).toBeGreaterThan(0);
    client.destroy();
    theirs.destroy();
    server.close();
  });

  test('a deadline still passes when nothing came', async () => {
    expect(await within(new Promise(() => {}), 10)).toBe(TIMED_OUT);
  });
});

describe('bench --against', () => {
  test('another checkout is one with a package.json and its node_modules, and is compared on the stages both have', () => {
    const there = mkdtempSync(join(tmpdir(), 'socket-lab-against-'));
    try {
      expect(notACheckout(there)).toMatch(/no package\.json/);
      writeFileSync(join(there, 'package.json'), '{}');
      expect(notACheckout(there)).toMatch(/no node_modules: run npm ci there/);
      mkdirSync(join(there, 'node_modules'));
      expect(notACheckout(there)).toBeNull();
      mkdirSync(join(there, 'solutions', 'stage-1'), { recursive: true });
      mkdirSync(join(there, 'solutions', 'stage-9'), { recursive: true });
      expect(sharedStages(ROOT, there, [...STAGES.map((s) => s.id), 'stage-9'])).toEqual(['stage-1']);
    } finally {
      rmSync(there, { recursive: true, force: true });
    }
  });
});

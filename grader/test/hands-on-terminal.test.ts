// The hands-on client in a real pseudo-terminal, typed at as a learner would. After every run, no
// process it started (found by a tag in their environment) may be left.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { command, fixture, processesTagged, ROOT, TAG } from './run-grader.ts';
import { runInTerminal, type Step, type TerminalOptions, type TerminalRun } from './terminal.ts';

// A fresh prompt, or the prompt redrawn. Wait for a command's own output first, then for this: the
// first prompt after that output is the fresh one. A server the client starts is reached on 127.0.0.1
// or ::1, whichever answers first: one that starts listening between the two tries is met on ::1.
const PROMPT = /to (?:127\.0\.0\.1|::1):\d+ \S/;
const PROMPT_ZH = /发往 (?:127\.0\.0\.1|::1):\d+ \S/;

/** Type a line, press Enter, wait for what it should show and for the next prompt. */
function enter(line: string, shows: string | RegExp, prompt: RegExp = PROMPT): Step[] {
  return [{ type: line }, { key: 'enter' }, { waitFor: shows }, { waitFor: prompt }];
}

async function client(
  args: string[],
  steps: Step[],
  opts: TerminalOptions = {},
): Promise<TerminalRun & { orphans: number[] }> {
  const tag = randomUUID();
  const run = await runInTerminal([process.execPath, ...command('grader/hands-on/cli.ts'), ...args], steps, {
    cwd: ROOT,
    ...opts,
    env: { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', [TAG]: tag, ...opts.env },
  });
  return { ...run, orphans: processesTagged(tag) };
}

describe.skipIf(process.platform !== 'linux')('the hands-on client in a terminal', () => {
  test('starts the reference server, and shows replies, TCP streams, FIN, reconnect and RST', async () => {
    const run = await client(
      ['stage-3', '--solution'],
      [
        { waitFor: /server \| listening on port \d+/ },
        { waitFor: PROMPT },
        ...enter('hello', 'reply: "HELLO" (5 bytes,'),
        ...enter('', 'Nothing sent. An empty message is zero bytes'),
        ...enter(':several one | two', 'You sent 2 messages'),
        ...enter(':fin', 'the server closed its side too (FIN)'),
        ...enter('after fin', 'Not sent: you sent FIN (:fin)'),
        ...enter(':reconnect', /Connected to (?:127\.0\.0\.1|::1) port \d+/),
        ...enter('again', 'reply: "AGAIN"'),
        ...enter(':raw caf\\xc3\\xa9\\n', 'reply: "CAFé\\n" (6 bytes,'),
        ...enter(':rst', 'reset the connection (RST)'),
        // The reference survives the reset and says so; the client shows its words as they come.
        { waitFor: 'server | client left abruptly: ECONNRESET' },
        ...enter('anyone?', 'Not sent: this connection is closed. :reconnect'),
        ...enter(':help', ':several a | b | c'),
        ...enter(':bogus', 'There is no command :bogus'),
        { type: ':quit' },
        { key: 'enter' },
        { waitFor: 'Bye.' },
      ],
    );
    expect(run.code).toBe(0);
    expect(run.output).toContain('sent 2 messages ("one" + "two") in one write: 6 bytes, "onetwo"');
    expect(run.output).toContain('reply: "ONETWO" (6 bytes,');
    expect(run.output).toContain('What now: :reconnect opens a new connection to the same port; :quit leaves.');
    expect(run.orphans).toEqual([]);
  });

  test('at stage 5 it speaks in frames: empty messages, two in one write, a header alone', async () => {
    const run = await client(
      ['stage-5', '--solution'],
      [
        { waitFor: /server \| listening on port \d+/ },
        { waitFor: PROMPT },
        ...enter('hello', 'reply: [7] "5:HELLO" (+'),
        ...enter('', 'reply: [2] "0:" (+'),
        ...enter(':several one | two', 'You sent 2 messages in one write and got 2 replies'),
        // Half a header: the server waits for the rest, so no reply comes yet.
        ...enter(':raw \\0\\0', 'no reply within'),
        ...enter(':raw \\0\\x02hi', 'reply: [4] "2:HI" (+'),
        ...enter(':header 1048577', 'the server closed the connection (FIN)'),
        { type: ':quit' },
        { key: 'enter' },
        { waitFor: 'Bye.' },
      ],
    );
    expect(run.code).toBe(0);
    expect(run.output).toContain('sent 1 message: [5] "hello" (9 bytes on the wire)');
    expect(run.output).toContain('sent 2 messages in one write: [3] "one" [3] "two" (14 bytes on the wire)');
    expect(run.output).toContain('sent a header alone: [1048577], announcing 1048577 bytes.');
    expect(run.orphans).toEqual([]);
  });

  test('says so when nothing listens on the port, and how to start a server', async () => {
    const port = await closedPort();
    const run = await client(['--port', String(port)], [{ waitFor: 'connection was refused' }]);
    expect(run.code).toBe(1);
    expect(run.output).toContain(
      `Nothing listens on 127.0.0.1 port ${port}: the connection was refused. Start your server first`,
    );
    expect(run.output).toContain('npm run client -- <stage>');
    expect(run.orphans).toEqual([]);
  });

  test('speaks Chinese when asked', async () => {
    const run = await client(
      ['stage-3', '--solution', '--lang', 'zh'],
      [
        { waitFor: PROMPT_ZH },
        ...enter('hello', '回复："HELLO"（5 字节', PROMPT_ZH),
        // Up recalls the line typed before.
        { key: 'up' },
        { key: 'enter' },
        { waitFor: '已发送 5 字节："hello"' },
        { waitFor: PROMPT_ZH },
        ...enter('', '没有发送。空消息就是 0 个字节', PROMPT_ZH),
        ...enter(':fin', '服务器也关闭了它那一端（FIN）', PROMPT_ZH),
        { type: ':quit' },
        { key: 'enter' },
        { waitFor: '再见。' },
      ],
    );
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/服务器 \| listening on port \d+/);
    expect(run.orphans).toEqual([]);
  });

  describe('with a server played by the test', () => {
    let server: Server | null = null;
    afterEach(async () => {
      server?.close();
      server = null;
    });

    test('reports the server closing or resetting the connection while the learner is typing', async () => {
      const sockets: Socket[] = [];
      server = createServer((socket) => {
        sockets.push(socket);
        socket.on('error', () => {});
      });
      // The client may print "Connected" before this process has run its accept: wait for it.
      const accepted = async (n: number): Promise<Socket> => {
        while (sockets.length < n) await once(server as Server, 'connection');
        return sockets[n - 1] as Socket;
      };
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      const run = await client(
        ['--port', String(port)],
        [
          { waitFor: PROMPT },
          { type: 'hel' },
          { waitFor: /:\d+ \S hel/ }, // the half-typed line is on screen
          { run: async () => void (await accepted(1)).end() },
          { waitFor: 'the server closed the connection (FIN): it will send nothing more.' },
          { waitFor: /:\d+ \S hel/ }, // the prompt is drawn again, with what was typed so far
          { type: 'lo' },
          { key: 'enter' },
          { waitFor: 'sent 5 bytes: "hello"' },
          { waitFor: '(the server had closed its side, so no reply will come' },
          { waitFor: PROMPT },
          ...enter(':reconnect', /Connected to 127\.0\.0\.1 port/),
          { run: async () => void (await accepted(2)).resetAndDestroy() },
          { waitFor: 'the server reset the connection (RST, ECONNRESET).' },
          { waitFor: PROMPT },
          { key: 'ctrl-d' },
          { waitFor: 'End of input (Ctrl-D).' },
        ],
      );
      expect(run.code).toBe(0);
      expect(sockets).toHaveLength(2);
      expect(run.orphans).toEqual([]);
    });
  });

  test('a one-client server: its FIN and exit are reported, and a reconnect is refused with the reason', async () => {
    const run = await client(
      ['stage-1', '--solution'],
      [
        { waitFor: PROMPT },
        ...enter('hello', 'the server closed the connection (FIN)'),
        ...enter(':fin', 'The server had already closed its side, so with yours the connection is over'),
        ...enter(':reconnect', 'The connection was refused: your server'),
        { key: 'ctrl-d' },
        { waitFor: 'End of input' },
      ],
    );
    expect(run.output).toContain('reply: "HELLO" (5 bytes,');
    expect(run.output).toMatch(
      /The connection was refused: your server (is no longer running \(it exited with status 0\)|still runs)/,
    );
    expect(run.code).toBe(0);
    expect(run.orphans).toEqual([]);
  });

  test('a server that crashes at start: its last words, why, and no prompt', async () => {
    const run = await client(
      ['stage-1', '--file', fixture('hostile/crashes-at-start.ts')],
      [{ waitFor: 'before it was listening' }],
    );
    expect(run.output).toContain('server | ');
    expect(run.output).toContain('boom: this server crashes before it listens');
    expect(run.output).toContain('Your server exited with status 1 before it was listening');
    expect(run.code).toBe(1);
    expect(run.orphans).toEqual([]);
  });

  test('Ctrl-C at the prompt stops the server and exits 130', async () => {
    const run = await client(
      ['stage-3', '--solution'],
      [{ waitFor: PROMPT }, { type: 'half typed' }, { key: 'ctrl-c' }, { waitFor: 'Interrupted (Ctrl-C).' }],
    );
    expect(run.code).toBe(130);
    expect(run.orphans).toEqual([]);
  });

  test('Ctrl-C while the server is starting (no prompt yet: a SIGINT) stops it and exits 130', async () => {
    const run = await client(
      ['stage-1', '--file', fixture('hostile/never-listens.ts')],
      [{ waitFor: 'server | thinking about it' }, { key: 'ctrl-c' }, { waitFor: 'Interrupted (Ctrl-C).' }],
    );
    expect(run.code).toBe(130);
    expect(run.orphans).toEqual([]);
  });

  test('a closed terminal (SIGHUP) stops the server too', async () => {
    const run = await client(['stage-3', '--solution'], [{ waitFor: PROMPT }], { exitTimeoutMs: 200 });
    expect(run.hungUp).toBe(true);
    expect(run.orphans).toEqual([]);
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

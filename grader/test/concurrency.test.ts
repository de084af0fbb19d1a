// Stage 4's measuring parts on their own: the slow reader's verdict on memory, its byte-by-byte check,
// the kernel's queues seen from /proc, and the crowd's traffic.
import { once } from 'node:events';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { BulkClient, CHUNK } from '../client/bulk-client.ts';
import { openSocket } from '../client/scripted-client.ts';
import { Wire } from '../client/wire.ts';
import { findStage, ROOT, type Stage } from '../course/catalogue.ts';
import { GARBAGE_PER_BYTE, GROWTH_LIMIT, HELD_LIMIT, holding } from '../course/properties/concurrency.ts';
import { BULK_BLOCK_BYTES, trafficFor } from '../course/traffic.ts';
import { grade } from '../engine/grade.ts';
import { limitsFor, timeoutScale } from '../engine/limits.ts';
import { upperAscii } from '../report/bytes.ts';
import { fileLaunch } from '../subject/launch.ts';
import { listenBacklog, parseListeners } from '../subject/listen-backlog.ts';
import { HAS_PROC, inFlight } from '../subject/procfs.ts';
import { fixture } from './run-grader.ts';

const MIB = 1024 * 1024;

describe('slow-reader: what a server holds', () => {
  test.each([
    // handed, in kernel, sent back, grown (MiB) → holds
    ['a server that paused: nothing held, the garbage of 4 MiB sent back', 8.2, 8.1, 4.1, 16.8, true],
    ['a server on a kernel that buffers more: more garbage, still nothing held', 40, 39.5, 16, 90, true],
    ['a server that ignored write(): 57 MiB held', 64, 6.7, 4.1, 88.9, false],
    ['just over the limit held', 20, 20 - HELD_LIMIT / MIB - 0.1, 1, 0, false],
    [
      'nothing held on the wire, but memory grew far past the garbage',
      8,
      8,
      1,
      GROWTH_LIMIT / MIB + GARBAGE_PER_BYTE + 1,
      false,
    ],
  ])('%s', (_, handed, inKernel, sentBack, grown, ok) => {
    const judged = holding({
      handed: handed * MIB,
      inKernel: inKernel * MIB,
      sentBack: sentBack * MIB,
      grown: grown * MIB,
    });
    expect(judged.ok).toBe(ok);
    expect(judged.held).toBe(Math.max(0, (handed - inKernel) * MIB));
  });

  // The queues measured can add up to more than A handed over (a write half taken, a byte on its way
  // counted at both ends): the figures printed still never say the kernel holds more than it was given.
  test.each([
    ['the queues add up to more than was handed', 7, 7.2],
    ['the queues hold less', 7, 2.5],
    ['nothing handed yet, something queued', 0, 0.5],
  ])('the figures agree: %s', (_, handed, inKernel) => {
    const judged = holding({ handed: handed * MIB, inKernel: inKernel * MIB, sentBack: 0, grown: 0 });
    expect(judged.handed).toBe(handed * MIB);
    expect(judged.inKernel).toBeLessThanOrEqual(judged.handed);
    expect(judged.held).toBeGreaterThanOrEqual(0);
    expect(judged.inKernel + judged.held).toBe(judged.handed);
  });
});

describe('the slow reader', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.close();
    server = undefined;
  });

  async function serve(onConnection: (socket: Socket) => void): Promise<number> {
    server = createServer((socket) => {
      socket.on('error', () => socket.destroy()); // the test's client leaves by destroying its socket
      onConnection(socket);
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    return (server.address() as AddressInfo).port;
  }

  async function bulk(port: number, total: number): Promise<BulkClient> {
    const opened = await openSocket(port, '127.0.0.1', 1000);
    if (!opened.ok) throw new Error(opened.code);
    return new BulkClient('A', opened.socket, new Wire(), trafficFor(7).bulkBlock(), total);
  }

  /** An echo server that uppercases, and lets `corrupt` spoil the byte at one offset of the stream. */
  const upperEcho =
    (corruptAt = -1) =>
    (socket: Socket) => {
      let offset = 0;
      socket.on('data', (chunk: Buffer) => {
        const reply = upperAscii(chunk);
        if (corruptAt >= offset && corruptAt < offset + chunk.length) reply[corruptAt - offset] = 0x7f; // not in the block's alphabet
        offset += chunk.length;
        if (!socket.write(reply)) socket.pause();
      });
      socket.on('drain', () => socket.resume());
      socket.on('end', () => socket.end());
    };

  test("gets every byte back, across the block's seam, and sees the server close", async () => {
    const total = 3 * BULK_BLOCK_BYTES + 12345;
    const client = await bulk(await serve(upperEcho()), total);
    client.startSending();
    client.startReading();
    expect(
      await client.whileMoving(
        () => client.received,
        () => client.finReceived,
        2000,
        30_000,
      ),
    ).toBe('done');
    expect(client.mismatch).toBeNull();
    expect(client.received).toBe(total);
    expect(client.handed).toBe(total);
    client.socket.destroy();
  });

  test('finds the one byte that differs, and where', async () => {
    const at = BULK_BLOCK_BYTES + 777;
    const client = await bulk(await serve(upperEcho(at)), 2 * BULK_BLOCK_BYTES);
    client.startSending();
    client.startReading();
    await client.whileMoving(
      () => client.received,
      () => client.mismatch !== null || client.finReceived,
      2000,
      30_000,
    );
    expect(client.mismatch?.at).toBe(at);
    expect(client.mismatch?.actual.includes(0x7f)).toBe(true);
    client.socket.destroy();
  });

  test('says a stream has stopped when the server reads nothing', async () => {
    const client = await bulk(await serve((socket) => socket.pause()), 64 * MIB);
    client.startSending();
    expect(
      await client.whileMoving(
        () => client.handed,
        () => client.handed >= 64 * MIB,
        300,
        10_000,
      ),
    ).toBe('stalled');
    expect(client.handed).toBeLessThan(64 * MIB);
    if (HAS_PROC) {
      // All it handed over is in the kernel: less what the paused server read into its own buffer before
      // it stopped (one read), more the part of a write whose callback hasn't come (at most one chunk).
      const flight = await inFlight((server?.address() as AddressInfo | undefined)?.port ?? 0, client.localPort);
      expect(flight?.toClient).toBe(0);
      const uncounted = (flight?.toServer ?? 0) - client.handed;
      expect(uncounted).toBeGreaterThanOrEqual(-64 * 1024);
      expect(uncounted).toBeLessThan(CHUNK);
    }
    client.socket.destroy();
  });
});

describe("the crowd's traffic", () => {
  test('every client says something different in every round, in ASCII, and a seed replays it', () => {
    const traffic = trafficFor(42);
    const seen = new Set<string>();
    for (let n = 1; n <= 200; n++) {
      for (let round = 1; round <= 5; round++) {
        const message = traffic.crowdMessage(n, round);
        expect(message.every((b) => b < 0x80)).toBe(true);
        seen.add(message.toString());
      }
    }
    expect(seen.size).toBe(1000);
    expect(trafficFor(42).crowdMessage(17, 3)).toEqual(traffic.crowdMessage(17, 3));
  });

  test('the bulk block is ASCII, of its odd length, and the same for the same seed', () => {
    const block = trafficFor(9).bulkBlock();
    expect(block.length).toBe(BULK_BLOCK_BYTES);
    expect(block.every((b) => b < 0x80)).toBe(true);
    expect(upperAscii(block).equals(block)).toBe(false);
    expect(trafficFor(9).bulkBlock().equals(block)).toBe(true);
    expect(trafficFor(10).bulkBlock().equals(block)).toBe(false);
  });
});

describe('many-clients', () => {
  // Not a row of the fixture table: the same bug fails other properties only by the luck of timing
  // (whether a second client connects before the first one's reply), so only this verdict is asserted.
  test('names replies that cross between clients as such, with their own hint', async () => {
    const stage = findStage('stage-4') as Stage;
    const only = { ...stage, properties: stage.properties.filter((p) => p.id === 'many-clients') };
    const report = await grade(only, fileLaunch(resolve(ROOT, fixture('stage-4/replies-to-the-newest.ts')), ROOT), {
      limits: limitsFor(timeoutScale()),
      seed: 3,
    });
    await report.stopped;
    const [result] = report.results;
    expect(result?.status).toBe('fail');
    expect(result?.message.en).toContain(
      "client #200 got replies to other clients' messages (#1, round 1; #2, round 1; #3, round 1; …)",
    );
    expect(result?.hints[0]?.en).toContain('its message came from');
  });
});

describe("a listening socket's backlog", () => {
  test("read from ss's lines: the number listen() was given, per listening socket", () => {
    const text = 'LISTEN 0      5      127.0.0.1:33729 0.0.0.0:*\nLISTEN 2      7          [::1]:33729    [::]:*\n';
    expect(parseListeners(text)).toEqual([5, 7]);
    expect(parseListeners('')).toEqual([]);
  });

  test.runIf(process.platform === 'linux')('read from the kernel: what listen() asked for', async () => {
    const server = createServer();
    await new Promise<void>((done) => server.listen({ port: 0, host: '127.0.0.1', backlog: 7 }, done));
    try {
      const room = await listenBacklog((server.address() as AddressInfo).port);
      // Null only where ss is missing: then many-clients goes on without it.
      if (room !== null) expect(room.backlog).toBe(Math.min(7, room.cap));
    } finally {
      server.close();
    }
  });
});

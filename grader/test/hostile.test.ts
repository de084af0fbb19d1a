// Servers that fight back: each still gets a full, clear report in bounded time, and nothing it started
// outlives the grader — not a child that ignores SIGTERM, not on Ctrl-C.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { describe, expect, test } from 'vitest';
import { boxed, findBox } from '../subject/contain.ts';
import { fixture, GRADER, leftBehind, parseReport, processesTagged, ROOT, runGrader, TAG } from './run-grader.ts';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Start the grader, press Ctrl-C once `processes` of its own are running, and check nothing outlives it. */
async function interruptOnceRunning(args: string[], processes: number): Promise<void> {
  const tag = randomUUID();
  const grader = spawn(process.execPath, [...GRADER, ...args], {
    cwd: ROOT,
    env: { ...process.env, [TAG]: tag },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  grader.stdout.resume();
  grader.stderr.resume();
  const exited = new Promise<number | null>((resolve) => grader.on('close', resolve));
  // The most seen at once: one of them may be gone again by the time a second look is taken.
  let seen = 0;
  for (let i = 0; i < 1000 && seen < processes; i++) {
    seen = Math.max(seen, processesTagged(tag).length);
    if (seen < processes) await new Promise((r) => setTimeout(r, 10));
  }
  expect(seen).toBeGreaterThanOrEqual(processes);
  grader.kill('SIGINT');
  expect(await exited).toBe(130);
  expect(processesTagged(tag)).toEqual([]);
  expect(leftBehind(grader.pid ?? -1)).toEqual([]);
}

// Whether this machine boxes servers decides which tests below run.
await findBox();

describe.concurrent('hostile servers', () => {
  test('one that crashes at start is reported with its exit status and last words', async () => {
    const run = await runGrader(['stage-1', '--file', fixture('hostile/crashes-at-start.ts')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Your server exited with status 1 before it was listening');
    expect(run.stdout).toContain('boom: this server crashes before it listens');
    expect(run.stdout).toContain('Not judged: the server never listened (see listens)');
    expect(run.orphans).toEqual([]);
    expect(run.leftovers).toEqual([]);
  });

  test('one that never listens, and sleeps, is given up on once it has idled for a while', async () => {
    const run = await runGrader(['stage-1', '--file', fixture('hostile/never-listens.ts'), '--json']);
    const listens = parseReport(run).properties.find((p) => p.id === 'listens');
    expect(listens?.status).toBe('fail');
    expect(listens?.message).toMatch(
      /^\d+ ms after it started, your server is running but idle, and nothing listens on port \d+/,
    );
    expect(run.orphans).toEqual([]);
    expect(run.leftovers).toEqual([]);
  });

  test('one that never listens, and keeps busy, is given up on after the start timeout, scaled', async () => {
    const run = await runGrader(['stage-1', '--file', fixture('hostile/busy-never-listens.ts'), '--json'], {
      SOCKET_LAB_TIMEOUT_SCALE: '0.25',
    });
    const listens = parseReport(run).properties.find((p) => p.id === 'listens');
    expect(listens?.status).toBe('fail');
    expect(listens?.message).toMatch(/^Nothing accepted a connection on port \d+ .* within 1250 ms/);
    expect(run.orphans).toEqual([]);
    expect(run.leftovers).toEqual([]);
  });

  test('one that listens on a port of its own is told which port, and that it is not PORT', async () => {
    const own = await freePort();
    const run = await runGrader(['stage-1', '--file', fixture('hostile/ignores-port.ts'), '--json'], {
      SOCKET_LAB_FIXTURE_PORT: String(own),
    });
    const report = parseReport(run);
    expect(report.properties.every((p) => p.status === 'fail')).toBe(true);
    const listens = report.properties.find((p) => p.id === 'listens');
    // The server that got the port is seen listening there; the others find it taken. Both name it.
    expect(listens?.message).toContain(`${own}, not on PORT=`);
    expect(run.orphans).toEqual([]);
    expect(run.leftovers).toEqual([]);
  });

  test.each([
    ['stage-1', 'hostile/ipv6-only.ts'],
    ['stage-1', 'hostile/floods-stdout.ts'],
    ['stage-3', 'hostile/ignores-sigterm.ts'],
    ['stage-3', 'hostile/forks-child.ts'],
  ])('%s %s: a correct server however awkward passes, and is fully stopped', async (stage, path) => {
    const run = await runGrader([stage, '--file', fixture(path), '--json']);
    expect(parseReport(run).properties.filter((p) => p.status !== 'pass')).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.orphans).toEqual([]);
    expect(run.leftovers).toEqual([]);
  });

  // Linux with PID namespaces (see contain.ts): elsewhere a server can still leave its group.
  // In the box, and in the sandbox (its helper too must go).
  const modes = [['in its box', []] as const, ['sandboxed', ['--sandbox']] as const];
  test.runIf(boxed()).each(modes)(
    'one that leaves its process group (setsid, a double fork) leaves nothing behind, %s',
    async (_, flags) => {
      const run = await runGrader(['stage-3', '--file', fixture('hostile/escapes-the-group.ts'), '--json', ...flags]);
      expect(parseReport(run).properties.filter((p) => p.status !== 'pass')).toEqual([]);
      expect(run.orphans).toEqual([]);
      expect(run.leftovers).toEqual([]);
    },
  );

  test.runIf(boxed()).each(modes)(
    'nor when the grader itself is killed with SIGKILL in the middle of a grade, %s',
    async (_, flags) => {
      const tag = randomUUID();
      const grader = spawn(
        process.execPath,
        [...GRADER, 'stage-3', '--file', fixture('hostile/escapes-the-group.ts'), ...flags],
        {
          cwd: ROOT,
          env: { ...process.env, [TAG]: tag },
          stdio: ['ignore', 'ignore', 'ignore'],
        },
      );
      const exited = new Promise((resolve) => grader.on('close', resolve));
      // Kill it once servers and their escapees are up: the grader, a box (unshare, its shell, its watcher)
      // and a server with two escapees make seven; several servers start at once.
      let seen = 0;
      for (let i = 0; i < 3000 && seen < 12; i++) {
        seen = processesTagged(tag).length;
        if (seen < 12) await new Promise((r) => setTimeout(r, 10));
      }
      expect(seen).toBeGreaterThanOrEqual(12);
      grader.kill('SIGKILL');
      await exited;
      // The kernel ends each box once its grader is gone: no event of ours to wait on, so look, bounded.
      let left = processesTagged(tag);
      for (let i = 0; i < 500 && left.length > 0; i++) {
        await new Promise((r) => setTimeout(r, 10));
        left = processesTagged(tag);
      }
      expect(left).toEqual([]);
    },
  );

  test('Ctrl-C stops every server, even one that ignores SIGTERM, and exits 130', async () => {
    // Interrupt once a server's forked child is up: the moment a learner would press Ctrl-C.
    await interruptOnceRunning(['stage-3', '--file', fixture('hostile/forks-child.ts')], 3);
  });

  test('a reader gone from its output (`| head -1`) ends it with 141, as a pipe ends a program, and nothing is left', async () => {
    const tag = randomUUID();
    const grader = spawn(process.execPath, [...GRADER, 'stage-3', '--solution'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', [TAG]: tag },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    grader.stderr.resume();
    const exited = new Promise<number | null>((resolve) => grader.on('close', resolve));
    // The first line read, the reader goes, as head does; what the grader writes next fails.
    await new Promise((resolve) => grader.stdout.once('data', resolve));
    grader.stdout.destroy();
    expect(await exited).toBe(141);
    expect(processesTagged(tag)).toEqual([]);
    expect(leftBehind(grader.pid ?? -1)).toEqual([]);
  });

  test("Ctrl-C in the middle of a batch stops every submission's servers and exits 130", async () => {
    // The grader and servers of two submissions at once: interrupt once several are up (how many run at
    // one instant depends on the machine's load and on the other graders starting servers beside it, so
    // only the grader and two servers are waited for).
    await interruptOnceRunning(['stage-3', '--batch', fixture('class')], 3);
  });
});

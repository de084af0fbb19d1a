// The one server clock: wall time less time spent waiting for a CPU, within STARVED_CAP.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, expect, test, vi } from 'vitest';
import { afterServerTime, STARVED_CAP, serverClock, serverDeadline } from '../engine/server-clock.ts';
import { HAS_PROC, starvationLedger, starvedMs } from '../subject/procfs.ts';

afterEach(() => {
  vi.useRealTimers();
});

test('the clock gives back the time spent starved, yet runs at least 1/STARVED_CAP as fast as wall time', () => {
  vi.useFakeTimers();
  let starved = 0;
  const clock = serverClock(() => starved);
  vi.advanceTimersByTime(100);
  expect(clock()).toBeCloseTo(100, 0);
  starved = 60;
  expect(clock()).toBeCloseTo(40, 0);
  starved = 1000; // starved more than the wall time that passed: the cap holds
  expect(clock()).toBeCloseTo(100 / STARVED_CAP, 0);
  const passed = serverDeadline(50, () => starved);
  vi.advanceTimersByTime(50 * STARVED_CAP);
  expect(passed()).toBe(true);
});

test('a timer on the server clock waits again for the time given back, and is cancelled', () => {
  vi.useFakeTimers();
  let starved = 0;
  const fired = vi.fn();
  afterServerTime(100, () => starved, fired);
  starved = 30;
  vi.advanceTimersByTime(101);
  expect(fired).not.toHaveBeenCalled();
  vi.advanceTimersByTime(31);
  expect(fired).toHaveBeenCalledTimes(1);
  const never = vi.fn();
  afterServerTime(10, () => 0, never)();
  vi.advanceTimersByTime(100);
  expect(never).not.toHaveBeenCalled();
});

test.skipIf(!HAS_PROC)(
  "the starvation ledger keeps an ended thread's wait: a server's exit never sends its clock ahead",
  async () => {
    // Two programs spinning on one CPU wait for it in turn. Each says when it has spun for 200 ms of wall
    // time (so both have waited), and spins on until its stdin closes.
    const spinner = () =>
      spawn(
        'taskset',
        [
          '-c',
          '0',
          process.execPath,
          '-e',
          `let open = true; process.stdin.on('end', () => (open = false)).resume();
           const t = Date.now(); let said = false;
           const spin = () => { const s = Date.now(); while (Date.now() - s < 20); if (!said && Date.now() - t > 200) { said = true; console.log('spun'); } if (open) setImmediate(spin); else process.exit(0); };
           spin();`,
        ],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      );
    const [a, b] = [spinner(), spinner()];
    try {
      await Promise.all([a, b].map((child) => once(child.stdout as NodeJS.ReadableStream, 'data')));
      const pids = [a.pid ?? 0, b.pid ?? 0];
      const ledger = starvationLedger();
      const before = ledger.read(pids);
      expect(before).toBeGreaterThan(0);
      a.stdin?.end();
      await once(a, 'exit');
      // A plain sum over what is alive lost a's wait; the ledger kept it.
      const after = ledger.read(pids);
      expect(after).toBeGreaterThanOrEqual(before);
      expect(starvedMs(pids)).toBeLessThan(after);
    } finally {
      for (const child of [a, b]) child.kill('SIGKILL');
    }
  },
);

// The one server clock: wall time less time spent waiting for a CPU, within STARVED_CAP.
import { afterEach, expect, test, vi } from 'vitest';
import { afterServerTime, STARVED_CAP, serverClock, serverDeadline } from '../engine/server-clock.ts';

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

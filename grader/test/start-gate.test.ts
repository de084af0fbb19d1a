// The order in which one grade starts its servers: the pathfinder alone, then the rest, a few at a time.
import { rmSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { StartGate, type StartTicket } from '../engine/start-gate.ts';
import { lockFolder } from '../subject/machine-locks.ts';

const kind = `starts-test-${process.pid}`;
afterAll(() => rmSync(lockFolder(kind), { recursive: true, force: true }));
const settle = () => new Promise((resolve) => setImmediate(resolve));

test('the first server starts alone; the others wait until it listens, then start at most `slots` at a time', async () => {
  const gate = new StartGate<string>(2, kind);
  const first = (await gate.enter()) as StartTicket;
  expect(first.pathfinder).toBe(true);
  const entered: StartTicket[] = [];
  for (let i = 0; i < 3; i++) void gate.enter().then((t) => entered.push(t as StartTicket));
  await settle();
  expect(entered).toEqual([]); // waiting for the pathfinder
  first.listening(1234);
  expect(gate.startMs).toBe(1234);
  for (let i = 0; i < 5 && entered.length < 2; i++) await settle();
  expect(entered.length).toBe(2); // two places
  expect(entered.every((t) => !t.pathfinder)).toBe(true);
  entered[0]?.listening(10); // a place freed: the third starts
  for (let i = 0; i < 5 && entered.length < 3; i++) await settle();
  expect(entered.length).toBe(3);
  for (const t of [first, ...entered]) t.done();
});

test('a pathfinder that never listens closes the gate: no other server starts, and each learns why', async () => {
  const gate = new StartGate<string>(2, kind);
  const first = (await gate.enter()) as StartTicket;
  const others = [gate.enter(), gate.enter()];
  gate.close('exited before listening');
  first.done(true);
  expect(await Promise.all(others)).toEqual([null, null]);
  expect(gate.failed()).toBe('exited before listening');
  expect(gate.startMs).toBe(null);
});

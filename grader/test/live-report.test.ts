// The report is written as the grade goes: each property's line once it and every one above it are
// decided, in the stage's order; the whole is the same report as printed at once.
import { expect, test } from 'vitest';
import { findStage, type Stage } from '../course/catalogue.ts';
import type { PropertyResult } from '../engine/grade.ts';
import { LiveReport } from '../report/live.ts';
import { runGrader } from './run-grader.ts';

const stage = findStage('stage-1') as Stage;
const result = (id: string): PropertyResult => ({
  id,
  title: { en: id, zh: id },
  status: 'pass',
  message: { en: '', zh: '' },
  hints: [],
  durationMs: 0,
  wire: [],
  port: 0,
  exit: null,
  output: [],
});

test('lines come in the stage order, each as soon as every one above it is decided', () => {
  const writes: string[] = [];
  const live = new LiveReport(
    { stage, subject: 's', seed: 1 },
    (text) => writes.push(text),
    (head) => `head ${head.startMs ?? '-'}\n`,
    (r) => `${r.id}\n`,
  );
  const [first, second, third, fourth] = stage.properties.map((p) => p.id) as [string, string, string, string];
  live.add(result(second));
  expect(writes).toEqual([]);
  live.add(result(first), 1234);
  expect(writes).toEqual([`head 1234\n${first}\n${second}\n`]);
  live.add(result(fourth));
  expect(writes).toHaveLength(1);
  live.finish(stage.properties.map((p) => result(p.id)));
  expect(writes.join('')).toBe(`head 1234\n${first}\n${second}\n${third}\n${fourth}\n`);
});

test('the first line is on screen before the slowest check ends', async () => {
  const run = await runGrader(['stage-4', '--solution']);
  expect(run.code).toBe(0);
  const listens = run.chunks.findIndex((chunk) => chunk.includes('✔ listens'));
  const summary = run.chunks.findIndex((chunk) => chunk.includes('properties hold'));
  expect(listens).toBeGreaterThanOrEqual(0);
  expect(summary).toBeGreaterThan(listens);
});

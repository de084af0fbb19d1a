// The course tests itself: every reference solution passes its stage, every untouched starter fails it
// (and is reported, not crashed on), and every property has a broken server that proves it can fail.
import { describe, expect, test } from 'vitest';
import { STAGES, solutionsOf } from '../course/catalogue.ts';
import { PROPERTIES } from '../course/properties/index.ts';
import { failing, parseReport, runGrader } from './run-grader.ts';

const STARTER_FAILS: Record<string, string[]> = {
  'stage-1': ['closes-after-reply', 'exits-after-client', 'uppercases'],
  'stage-2': ['many-messages', 'split-character'],
  'stage-3': ['empty-session', 'next-client', 'no-fd-leak', 'queued-clients', 'queued-reset', 'survives-reset'],
  'stage-4': ['idle-client-no-block', 'many-clients', 'slow-reader'],
  'stage-5': [
    'empty-message',
    'framed-reply',
    'large-message',
    'oversized-frame',
    'own-buffer',
    'split-header',
    'two-in-one',
  ],
};

describe.concurrent('the course', () => {
  test.each(STAGES.map((s) => s.id))('the reference solution of %s passes every property', async (stage) => {
    const run = await runGrader([stage, '--solution', '--json']);
    const report = parseReport(run);
    expect(report.properties.filter((p) => p.status !== 'pass')).toEqual([]);
    expect(report.passed).toBe(true);
    expect(run.code).toBe(0);
    expect(run.orphans).toEqual([]);
    expect(run.leftovers).toEqual([]);
  });

  // The same solution in Python and in the other styles a ladder may end on (solutions/stage-N/server.*).
  test.each(
    STAGES.flatMap((s) =>
      solutionsOf(s)
        .slice(1)
        .map((file) => [s.id, file]),
    ),
  )('the reference solution of %s in %s passes every property', async (stage, file) => {
    const run = await runGrader([stage, '--file', file, '--json']);
    const report = parseReport(run);
    expect(report.properties.filter((p) => p.status !== 'pass')).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.orphans).toEqual([]);
  });

  test.each(STAGES.map((s) => s.id))('the untouched starter of %s fails, and is reported', async (stage) => {
    const run = await runGrader([stage, '--json']);
    const report = parseReport(run);
    expect(failing(report)).toEqual(STARTER_FAILS[stage]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.orphans).toEqual([]);
    expect(run.leftovers).toEqual([]);
  });
});

test('every stage names known properties, each once, and every property belongs to a stage', () => {
  for (const stage of STAGES) {
    const ids = stage.properties.map((p) => p.id);
    expect(new Set(ids).size, stage.id).toBe(ids.length);
  }
  const used = new Set(STAGES.flatMap((s) => s.properties.map((p) => p.id)));
  expect([...used].sort()).toEqual(PROPERTIES.map((p) => p.id).sort());
});

test('every property speaks both languages: a title and at least two hints', () => {
  for (const property of PROPERTIES) {
    for (const text of [property.title, ...property.hints]) {
      expect(text.en.trim(), property.id).not.toBe('');
      expect(text.zh.trim(), property.id).not.toBe('');
      expect(text.zh, property.id).not.toBe(text.en);
    }
    expect(property.hints.length, property.id).toBeGreaterThanOrEqual(2);
  }
});

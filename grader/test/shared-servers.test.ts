// From stage 3, the short checks of a grade share servers, in chains; every failure is still a fresh
// server's (engine/grade.ts). Which properties go together, and what a grade then shows.
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findStage, ROOT, STAGES, type Stage } from '../course/catalogue.ts';
import { grade, unitsOf } from '../engine/grade.ts';
import { limitsFor, timeoutScale } from '../engine/limits.ts';
import { fileLaunch } from '../subject/launch.ts';
import { fixture } from './run-grader.ts';

const limits = limitsFor(timeoutScale());
const ids = (units: readonly { id: string }[][]) => units.map((unit) => unit.map((p) => p.id));

describe('chains', () => {
  test.each(STAGES.map((s) => [s.id, s] as const))(
    '%s: every property once, own servers alone, chains in the stage order',
    (_, stage) => {
      for (const chains of [0, 1, 2, 5]) {
        const units = ids(unitsOf(stage.properties, chains));
        expect(units.flat().sort()).toEqual(stage.properties.map((p) => p.id).sort());
        for (const unit of units) {
          const order = stage.properties.map((p) => p.id).filter((id) => unit.includes(id));
          expect(unit).toEqual(order);
          if (unit.length > 1)
            for (const id of unit) expect(stage.properties.find((p) => p.id === id)?.ownServer).toBeFalsy();
        }
        const shared = stage.properties.filter((p) => !p.ownServer).length;
        expect(units.length).toBe(
          chains === 0 ? stage.properties.length : stage.properties.length - shared + Math.min(chains, shared),
        );
      }
    },
  );

  test('the heaviest unit goes first, and the chains are about as long as each other', () => {
    const stage = findStage('stage-4') as Stage;
    const units = unitsOf(stage.properties, 2);
    expect(units[0]?.map((p) => p.id)).toEqual(['slow-reader']);
    const chains = units.filter((unit) => unit.length > 1).map((unit) => unit.length);
    expect(chains).toHaveLength(2);
    expect(Math.abs((chains[0] ?? 0) - (chains[1] ?? 0))).toBeLessThanOrEqual(2);
  });
});

/** How many results were judged on each server (a server's port is its own for the whole grade). */
function byServer(results: readonly { id: string; port: number }[]): Map<number, string[]> {
  const servers = new Map<number, string[]>();
  for (const r of results) servers.set(r.port, [...(servers.get(r.port) ?? []), r.id]);
  return servers;
}

describe.concurrent('a grade that shares servers', () => {
  test('stage 3, the solution: every property holds, on fewer servers than properties', async () => {
    const stage = findStage('stage-3') as Stage;
    const report = await grade(stage, fileLaunch(resolve(ROOT, stage.solution), ROOT), { limits });
    await report.stopped;
    expect(report.results.filter((r) => r.status !== 'pass')).toEqual([]);
    const own = stage.properties.filter((p) => p.ownServer).length;
    // A chain that found its server not at rest goes on with a fresh one: at most a few more.
    expect(byServer(report.results).size).toBeLessThan(stage.properties.length - 2);
    expect(byServer(report.results).size).toBeGreaterThanOrEqual(own + 1);
  });

  test('stage 2 shares nothing: its servers may end with their first client', async () => {
    const stage = findStage('stage-2') as Stage;
    const report = await grade(stage, fileLaunch(resolve(ROOT, stage.solution), ROOT), { limits });
    await report.stopped;
    expect(report.passed).toBe(true);
    // `listens` rides on the first server's start, as in every stage.
    expect(byServer(report.results).size).toBe(stage.properties.length - 1);
  });

  test('a failure is a fresh server’s: a server that serves only its first client fails no one-client check', async () => {
    const stage = findStage('stage-3') as Stage;
    const report = await grade(stage, fileLaunch(fixture('stage-3/serves-first-client-only.ts'), ROOT), { limits });
    await report.stopped;
    const servers = byServer(report.results);
    for (const failed of report.results.filter((r) => r.status === 'fail')) {
      // Its server judged nothing else (but `listens`, proven by the first server's start).
      expect(servers.get(failed.port)?.filter((id) => id !== 'listens' && id !== failed.id)).toEqual([]);
    }
    expect(report.results.find((r) => r.id === 'uppercases')?.status).toBe('pass');
    expect(report.results.find((r) => r.id === 'long-message')?.status).toBe('pass');
  });
});

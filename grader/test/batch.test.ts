// Grading a class: a folder of submissions in several languages and with several faults, graded in a
// batch from outside the lab, with every cell of the table and every result file checked.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findStage } from '../course/catalogue.ts';
import { fixture, type GraderRun, ROOT, runGrader } from './run-grader.ts';

const STAGE = findStage('stage-3');
if (!STAGE) throw new Error('no stage-3');
const IDS = STAGE.properties.map((p) => p.id);

/** Each submission of fixtures/class, with the properties it fails (null: it can't be graded at all). */
const CLASS: Record<string, { how: string; fails: string[] | null; note?: string }> = {
  ada: { how: 'server.ts', fails: [] },
  bao: { how: 'server.py', fails: [] },
  chen: { how: 'run: python3 main.py {port}', fails: [] },
  dara: { how: 'server.js', fails: ['many-messages', 'split-character'] },
  emil: {
    how: 'server.mjs',
    fails: ['next-client', 'survives-reset', 'empty-session', 'queued-clients', 'queued-reset', 'no-fd-leak'],
  },
  fay: { how: 'server.py', fails: ['survives-reset', 'empty-session', 'queued-reset', 'no-fd-leak'] },
  gus: { how: 'server.py', fails: IDS.filter((id) => id !== 'listens' && id !== 'no-busy-loop') },
  hana: { how: 'server.js', fails: IDS, note: 'never listened' },
  ivan: {
    how: 'server.js',
    fails: IDS.filter((id) => !['listens', 'closes-on-eof', 'no-busy-loop'].includes(id)),
    note: 'memory cap',
  },
  jin: { how: 'server.py', fails: [] },
  kim: { how: '', fails: null },
};
const NAMES = Object.keys(CLASS);

const cell = (name: string, id: string) => {
  const fails = CLASS[name]?.fails;
  return fails === null ? 'error' : fails?.includes(id) ? 'fail' : 'pass';
};
const score = (name: string) => IDS.filter((id) => cell(name, id) === 'pass').length;

describe('a batch of eleven submissions', () => {
  let work: string;
  let run: GraderRun;
  const out = (name: string) => join(work, 'results', name);

  beforeAll(async () => {
    // Outside the lab: a submission runs in its own folder, wherever that is.
    work = mkdtempSync(join(tmpdir(), 'socket-lab-class-test-'));
    cpSync(resolve(ROOT, fixture('class')), join(work, 'class'), { recursive: true });
    run = await runGrader([
      'stage-3',
      '--batch',
      join(work, 'class'),
      '--seed',
      '5',
      '--max-memory',
      '128',
      '--out',
      out('all.json'),
      '--csv',
      out('table.csv'),
      '--junit',
      out('junit.xml'),
      '--gradescope',
      out('gradescope'),
    ]);
    // A bound against a hang, not a speed limit: eleven submissions, two at a time, each capped at 60 s of
    // grading, are 6 × 60 s at the very worst; on a quiet 2-core machine the batch takes about 40 s.
  }, 400_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('exits 1, prints no error, and leaves nothing running', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.orphans).toEqual([]);
    expect(run.leftovers).toEqual([]);
  });

  test('the table has a row per submission, a mark per property, and the score', () => {
    const marks = { pass: '✔', fail: '✘', error: '' };
    for (const name of NAMES) {
      const row = run.stdout.split('\n').find((line) => line.startsWith(`${name} `));
      expect(row, name).toBeDefined();
      const fields = (row ?? '').slice(name.length).trim().split(/\s+/);
      if (CLASS[name]?.fails === null) {
        expect(row).toContain(
          'Nothing to run in the submission: no file named run, server.ts, server.js, server.mjs, server.py in its folder',
        );
        continue;
      }
      expect(fields.slice(0, IDS.length), name).toEqual(IDS.map((id) => marks[cell(name, id)]));
      expect(fields[IDS.length], name).toBe(`${score(name)}/${IDS.length}`);
      const note = CLASS[name]?.note;
      expect(fields.slice(IDS.length + 1).join(' '), name).toBe(note ?? '');
    }
    expect(run.stdout).toContain('4 of 11 submissions pass every property; 6 fail some; 1 could not be graded.');
    expect(run.stdout).toContain(
      `A submission's full report: npm run grade -- stage-3 --file ${join(work, 'class', 'dara', 'server.js')} --seed 5`,
    );
    expect(run.stdout).toContain('seed 5 (--seed 5 replays this traffic)');
  });

  test('--csv: a row per submission, a column per property, and the score', () => {
    const expected = [
      ['submission', ...IDS, 'score'].join(','),
      ...NAMES.map((name) => [name, ...IDS.map((id) => cell(name, id)), score(name)].join(',')),
    ];
    expect(readFileSync(out('table.csv'), 'utf8')).toBe(`${expected.join('\r\n')}\r\n`);
  });

  test('--junit: valid XML, a testsuite per submission, a testcase per property, failures with messages', () => {
    const xml = readFileSync(out('junit.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (tag) => ['testsuite', 'testcase', 'property'].includes(tag),
    }).parse(xml);
    const suites = parsed.testsuites;
    const count = (kind: string) =>
      NAMES.reduce((n, name) => n + IDS.filter((id) => cell(name, id) === kind).length, 0);
    expect(suites.name).toBe('Socket Lab stage-3');
    expect(Number(suites.tests)).toBe(NAMES.length * IDS.length);
    expect(Number(suites.failures)).toBe(count('fail'));
    expect(Number(suites.errors)).toBe(count('error'));
    expect(suites.testsuite.map((s: { name: string }) => s.name)).toEqual(NAMES);
    for (const suite of suites.testsuite) {
      const name = suite.name as string;
      expect(Number(suite.failures), name).toBe(IDS.filter((id) => cell(name, id) === 'fail').length);
      expect(suite.properties.property).toContainEqual({ name: 'seed', value: '5' });
      expect(suite.properties.property).toContainEqual({ name: 'how', value: CLASS[name]?.how });
      expect(
        suite.testcase.map((t: { name: string }) => t.name),
        name,
      ).toEqual(IDS);
      for (const testcase of suite.testcase) {
        const expected = cell(name, testcase.name);
        expect(testcase.classname).toBe(`stage-3.${name}`);
        expect(Boolean(testcase.failure), `${name} ${testcase.name}`).toBe(expected === 'fail');
        expect(Boolean(testcase.error), `${name} ${testcase.name}`).toBe(expected === 'error');
        if (testcase.failure) {
          expect(testcase.failure.message, `${name} ${testcase.name}`).not.toBe('');
          // The story under the message; a property never judged (no listener) points at listens instead.
          expect(testcase.failure['#text'], `${name} ${testcase.name}`).toMatch(
            name === 'hana' && testcase.name !== 'listens' ? /see listens/ : /hint/,
          );
        }
      }
    }
    const ivan = suites.testsuite.find((s: { name: string }) => s.name === 'ivan');
    const uppercases = ivan.testcase.find((t: { name: string }) => t.name === 'uppercases');
    expect(uppercases.failure.message).toMatch(
      /stopped by the grader for using \d+ MiB of memory, over the cap of 128 MiB/,
    );
  });

  test('--gradescope: one results file per submission, a point per property', () => {
    expect(readdirSync(out('gradescope')).sort()).toEqual(NAMES.map((n) => `${n}.json`));
    for (const name of NAMES) {
      const results = JSON.parse(readFileSync(join(out('gradescope'), `${name}.json`), 'utf8'));
      expect(results.score, name).toBe(score(name));
      // The spec has no top-level max_score: the tests' own add up to it.
      expect(results.max_score, name).toBeUndefined();
      expect(results.tests.reduce((n: number, t: { max_score: number }) => n + t.max_score, 0)).toBe(IDS.length);
      expect(
        results.tests.map((t: { name: string }) => t.name.split(':')[0]),
        name,
      ).toEqual(IDS);
      for (const [i, id] of IDS.entries()) {
        const test = results.tests[i];
        expect(test.max_score).toBe(1);
        expect(test.score, `${name} ${id}`).toBe(cell(name, id) === 'pass' ? 1 : 0);
        expect(test.status, `${name} ${id}`).toBe(cell(name, id) === 'pass' ? 'passed' : 'failed');
      }
    }
  });

  test('--out: every report, with the seed', () => {
    const all = JSON.parse(readFileSync(out('all.json'), 'utf8'));
    expect(all.stage).toBe('stage-3');
    expect(all.seed).toBe(5);
    expect(all.submissions.map((s: { name: string }) => s.name)).toEqual(NAMES);
    for (const submission of all.submissions) {
      const name = submission.name as string;
      expect(submission.how).toBe(CLASS[name]?.how);
      expect(submission.score).toBe(score(name));
      expect(submission.passed).toBe(CLASS[name]?.fails?.length === 0);
      if (CLASS[name]?.fails === null) {
        expect(submission.error).toMatch(/Nothing to run/);
        expect(submission.properties).toEqual([]);
      } else {
        expect(submission.error).toBeNull();
        expect(submission.properties.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual(
          IDS.map((id) => [id, cell(name, id)]),
        );
      }
    }
  });
});

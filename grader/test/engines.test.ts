// --engine: the grader run as a platform runs it, on a folder laid out as that platform lays it out, and
// each result file read as the platform reads it: Gradescope's results.json, PrairieLearn's results.json,
// and GitHub Classroom's step output, decoded as classroom-resources/autograding-grading-reporter does.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { findStage, type Stage } from '../course/catalogue.ts';
import type { Report } from '../engine/grade.ts';
import { classroomOutputLine } from '../report/formats/github-classroom.ts';
import type { Graded, Results } from '../report/formats/graded.ts';
import { prairielearnJson } from '../report/formats/prairielearn.ts';
import { isStarter, STARTER_BLOBS } from '../reset/starters.ts';
import { fixture, type GraderRun, ROOT, runGrader } from './run-grader.ts';

const SEED = '7';

function stage(id: string): Stage {
  const found = findStage(id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

/** What each property of a stage should come out as: a verdict, and what it is worth. */
interface Expected {
  stage: Stage;
  /** The ids that fail; 'error' when nothing could be graded. */
  fails: string[] | 'error';
  points?: Record<string, number>;
  lang?: 'en' | 'zh';
  /** What a failing property's story must hold, by id (ANSI colours left out). */
  stories?: Record<string, RegExp[]>;
}

const verdictOf = (e: Expected, id: string) => (e.fails === 'error' ? 'error' : e.fails.includes(id) ? 'fail' : 'pass');
const worth = (e: Expected, id: string) => e.points?.[id] ?? 1;
const round = (n: number) => Math.round(n * 1e6) / 1e6;
const sum = (values: number[]) => round(values.reduce((a, b) => a + b, 0));
const maxOf = (e: Expected) => sum(e.stage.properties.map((p) => worth(e, p.id)));
const heldOf = (e: Expected) =>
  sum(e.stage.properties.filter((p) => verdictOf(e, p.id) === 'pass').map((p) => worth(e, p.id)));
const titleOf = (e: Expected, i: number) => e.stage.properties[i]?.title[e.lang ?? 'en'];
const plain = stripVTControlCharacters;

/** A failing property's story: it opens with its message, and shows the bytes or the wire (or why it wasn't judged). */
function expectStory(e: Expected, id: string, message: string, story: string): void {
  const text = plain(story);
  expect(message, id).not.toBe('');
  expect(text.startsWith(message), `${id}: the story opens with its message`).toBe(true);
  const judged = !/^(Not judged|未评判|Not decided)/.test(message);
  if (judged && e.lang !== 'zh') expect(text, id).toMatch(/on the wire|expected {2}.*\nreceived {2}/);
  for (const pattern of e.stories?.[id] ?? []) expect(text, id).toMatch(pattern);
}

const VISIBILITY = ['hidden', 'after_due_date', 'after_published', 'visible'];
const OUTPUT_FORMATS = ['text', 'html', 'simple_format', 'md', 'ansi'];

/** Gradescope's results.json, field by field: only the spec's fields, and no top-level max_score. */
function checkGradescope(file: string, e: Expected): Record<string, unknown> {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  expect(Object.keys(json).sort()).toEqual(
    [
      'score',
      'execution_time',
      'output',
      'output_format',
      'visibility',
      'stdout_visibility',
      'extra_data',
      'tests',
    ].sort(),
  );
  expect(json).not.toHaveProperty('max_score');
  expect(typeof json.score).toBe('number');
  expect(Number.isInteger(json.execution_time) && json.execution_time >= 0).toBe(true);
  expect(typeof json.output).toBe('string');
  expect(OUTPUT_FORMATS).toContain(json.output_format);
  expect(VISIBILITY).toContain(json.visibility);
  expect(VISIBILITY).toContain(json.stdout_visibility);
  expect(typeof json.extra_data).toBe('object');
  expect(json.extra_data.stage).toBe(e.stage.id);
  expect(json.extra_data.seed).toBe(Number(SEED));
  expect(json.extra_data.graded).toBe(e.fails !== 'error');
  expect(Array.isArray(json.tests)).toBe(true);
  expect(json.tests).toHaveLength(e.stage.properties.length);
  json.tests.forEach((t: Record<string, unknown>, i: number) => {
    const id = e.stage.properties[i]?.id ?? '';
    expect(Object.keys(t).sort()).toEqual(
      ['name', 'number', 'score', 'max_score', 'status', 'output', 'output_format', 'visibility'].sort(),
    );
    expect(t.name).toBe(`${id}: ${titleOf(e, i)}`);
    expect(t.number).toBe(String(i + 1));
    expect(t.max_score).toBe(worth(e, id));
    const verdict = verdictOf(e, id);
    expect(t.score, id).toBe(verdict === 'pass' ? worth(e, id) : 0);
    expect(t.status, id).toBe(verdict === 'pass' ? 'passed' : 'failed');
    expect(OUTPUT_FORMATS).toContain(t.output_format);
    expect(VISIBILITY).toContain(t.visibility);
    expect(typeof t.output).toBe('string');
    if (verdict === 'pass') expect(t.output).toBe('');
    if (verdict === 'fail') expectStory(e, id, plain(String(t.output)).split('\n')[0] ?? '', String(t.output));
    if (verdict === 'error') expect(t.output, id).toMatch(/^Not graded: |^未评分：/);
  });
  // The total is the tests' sum: Gradescope takes their max_scores for the maximum.
  expect(json.score).toBe(heldOf(e));
  expect(sum(json.tests.map((t: { score: number }) => t.score))).toBe(heldOf(e));
  expect(sum(json.tests.map((t: { max_score: number }) => t.max_score))).toBe(maxOf(e));
  return json;
}

/** PrairieLearn's results.json, field by field: a score from 0 to 1, under 1 MB. */
function checkPrairieLearn(file: string, e: Expected): Record<string, unknown> {
  expect(statSync(file).size).toBeLessThan(1_000_000);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  expect(Object.keys(json).sort()).toEqual(['gradable', 'score', 'message', 'output', 'tests'].sort());
  expect(json.gradable).toBe(e.fails !== 'error');
  expect(typeof json.score).toBe('number');
  expect(json.score).toBeGreaterThanOrEqual(0);
  expect(json.score).toBeLessThanOrEqual(1);
  expect(typeof json.message).toBe('string');
  expect(json.message).not.toBe('');
  expect(typeof json.output).toBe('string');
  expect(json.output.startsWith(json.message)).toBe(true);
  expect(json.tests).toHaveLength(e.stage.properties.length);
  json.tests.forEach((t: Record<string, unknown>, i: number) => {
    const id = e.stage.properties[i]?.id ?? '';
    expect(Object.keys(t).sort()).toEqual(['name', 'description', 'points', 'max_points', 'message', 'output'].sort());
    expect(t.name).toBe(id);
    expect(t.description).toBe(titleOf(e, i));
    expect(t.max_points).toBe(worth(e, id));
    const verdict = verdictOf(e, id);
    expect(t.points, id).toBe(verdict === 'pass' ? worth(e, id) : 0);
    expect(typeof t.message).toBe('string');
    expect(typeof t.output).toBe('string');
    if (verdict === 'pass') expect([t.message, t.output]).toEqual(['', '']);
    if (verdict === 'fail') expectStory(e, id, String(t.message), String(t.output));
    if (verdict === 'error') expect(t.message, id).toMatch(/^Not graded: |^未评分：/);
  });
  const points = sum(json.tests.map((t: { points: number }) => t.points));
  const max = sum(json.tests.map((t: { max_points: number }) => t.max_points));
  expect(points).toBe(heldOf(e));
  expect(max).toBe(maxOf(e));
  expect(json.score).toBeCloseTo(points / max, 6);
  return json;
}

/** The line a GitHub Actions step appends to the file GITHUB_OUTPUT names: result=<base64>. */
function resultLine(text: string): string {
  const lines = text.split('\n').filter((line) => line.startsWith('result='));
  expect(lines).toHaveLength(1);
  const value = (lines[0] ?? '').slice('result='.length);
  expect(value).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  return value;
}

let runners = 0;

/**
 * What autograding-grading-reporter does with a runner's output: the workflow sets <RUNNER>_RESULTS to
 * `${{ steps.<runner>.outputs.result }}`, and the reporter decodes it, sums the scores and fails the job
 * on a failed or errored runner.
 */
function reporterReads(value: string) {
  const runner = `socket-lab-engines-${process.pid}-${++runners}`;
  process.env[`${runner.toUpperCase()}_RESULTS`] = value;
  try {
    const results = JSON.parse(
      Buffer.from(process.env[`${runner.toUpperCase()}_RESULTS`] ?? '', 'base64').toString('utf-8'),
    );
    const points = results.tests.reduce((total: number, test: { score?: number }) => total + (test.score ?? 0), 0);
    return {
      results,
      points,
      max: results.max_score,
      failsJob: results.status === 'fail' || results.status === 'error',
    };
  } finally {
    delete process.env[`${runner.toUpperCase()}_RESULTS`];
  }
}

/** GitHub Classroom's result, decoded as the reporter decodes it, and checked field by field. */
function checkClassroom(value: string, e: Expected, file: string, subject = `--file ${file || 'server.ts'}`) {
  const { results, points, max, failsJob } = reporterReads(value);
  expect(Object.keys(results).sort()).toEqual(['version', 'status', 'max_score', 'tests'].sort());
  expect(results.version).toBe(1);
  const status = e.fails === 'error' ? 'error' : e.fails.length > 0 ? 'fail' : 'pass';
  expect(results.status).toBe(status);
  expect(failsJob).toBe(status !== 'pass');
  expect(max).toBe(maxOf(e));
  expect(round(points)).toBe(heldOf(e));
  expect(results.tests).toHaveLength(e.stage.properties.length);
  results.tests.forEach((t: Record<string, unknown>, i: number) => {
    const id = e.stage.properties[i]?.id ?? '';
    expect(Object.keys(t).sort()).toEqual(
      ['name', 'status', 'score', 'message', 'test_code', 'filename', 'line_no', 'execution_time'].sort(),
    );
    expect(t.name).toBe(`${id}: ${titleOf(e, i)}`);
    const verdict = verdictOf(e, id);
    expect(t.status, id).toBe(verdict);
    expect(t.score, id).toBe(verdict === 'pass' ? worth(e, id) : 0);
    expect(t.filename).toBe(file);
    expect(t.line_no).toBe(0);
    expect(t.execution_time).toMatch(/^\d+\.\d\ds$/);
    expect(t.test_code).toBe(`npm run grade -- ${e.stage.id} ${subject} --seed ${SEED}`);
    if (verdict === 'pass') expect(t.message).toBeNull();
    if (verdict === 'fail') expectStory(e, id, String(t.message).split('\n')[0] ?? '', String(t.message));
    if (verdict === 'error') expect(t.message, id).toMatch(/^Not graded: |^未评分：/);
  });
  return results;
}

const works: string[] = [];
afterAll(() => {
  for (const work of works) rmSync(work, { recursive: true, force: true });
});

/** A fresh folder for one case, removed after the file. */
function workFolder(): string {
  const work = mkdtempSync(join(tmpdir(), 'socket-lab-engines-test-'));
  works.push(work);
  return work;
}

/** Copy lab files into a folder: `files` maps a path in the folder to a path in the lab. */
function lay(folder: string, files: Record<string, string>): string {
  mkdirSync(folder, { recursive: true });
  for (const [to, from] of Object.entries(files)) {
    mkdirSync(resolve(folder, to, '..'), { recursive: true });
    cpSync(resolve(ROOT, from), join(folder, to), { recursive: true });
  }
  return folder;
}

/** A whole copy of the course as a learner uploads it: stages/ with every starter untouched. */
function repository(folder: string): string {
  lay(folder, { stages: 'stages' });
  for (const [id, blob] of Object.entries(STARTER_BLOBS))
    expect(isStarter(readFileSync(join(folder, 'stages', id, 'server.ts')), blob), `${id} starter`).toBe(true);
  return folder;
}

async function engine(name: string, args: string[], env: Record<string, string> = {}): Promise<GraderRun> {
  // GITHUB_OUTPUT and GITHUB_WORKSPACE only where a case sets them, even when the suite runs in Actions.
  const run = await runGrader([...args, '--engine', name, '--seed', SEED], {
    GITHUB_OUTPUT: '',
    GITHUB_WORKSPACE: '',
    ...env,
  });
  expect(run.orphans).toEqual([]);
  expect(run.leftovers).toEqual([]);
  return run;
}

function expectWritten(run: GraderRun, platform: string, path: string, code: number): void {
  expect(run.stderr).toContain(`Results for ${platform}: ${path}`);
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(code);
}

const STAGE_1 = stage('stage-1');
const STAGE_2 = stage('stage-2');

describe.concurrent('--engine gradescope: ROOT/submission in, ROOT/results/results.json out', () => {
  test('a passing Python server', async () => {
    const root = workFolder();
    lay(join(root, 'submission'), { 'server.py': 'solutions/stage-1/server.py' });
    const results = join(root, 'results', 'results.json');
    const run = await engine('gradescope', ['stage-1', '--engine-root', root]);
    expectWritten(run, 'Gradescope', results, 0);
    const json = checkGradescope(results, { stage: STAGE_1, fails: [] });
    expect(json.output).toMatch(/^Socket Lab stage-1: 4 of 4 points; 4 of 4 properties hold\. seed 7 /);
    expect(json.output).toContain('Graded: server.py');
    expect(json.extra_data).toMatchObject({ file: 'server.py', capped: false });
  });

  test('a failing Python server in a whole repository uploaded one folder down', async () => {
    const root = workFolder();
    repository(join(root, 'submission', 'my-repo'));
    lay(join(root, 'submission', 'my-repo'), { 'stages/stage-2/server.py': fixture('stage-2/classic_loop.py') });
    const results = join(root, 'results', 'results.json');
    const run = await engine('gradescope', ['stage-2', '--engine-root', root]);
    expectWritten(run, 'Gradescope', results, 1);
    const json = checkGradescope(results, {
      stage: STAGE_2,
      fails: ['closes-on-eof', 'no-busy-loop'],
      stories: {
        'closes-on-eof': [/^The client sent FIN/, /→ FIN/, /hint/],
        'no-busy-loop': [/still busy/, /on the wire/],
      },
    });
    expect(json.output).toContain('Graded: my-repo/stages/stage-2/server.py');
    expect(json.extra_data).toMatchObject({ file: 'my-repo/stages/stage-2/server.py' });
  });

  test('a TypeScript server that crashes at start, worth --points', async () => {
    const root = workFolder();
    lay(join(root, 'submission'), { 'server.ts': fixture('hostile/crashes-at-start.ts') });
    const results = join(root, 'results', 'results.json');
    const run = await engine('gradescope', ['stage-1', '--engine-root', root, '--points', 'listens=2,uppercases=3']);
    expectWritten(run, 'Gradescope', results, 1);
    const json = checkGradescope(results, {
      stage: STAGE_1,
      fails: STAGE_1.properties.map((p) => p.id),
      points: { listens: 2, uppercases: 3 },
      stories: { listens: [/exited with status 1 before it was listening/, /boom: this server crashes/] },
    });
    expect(json.output).toMatch(/^Socket Lab stage-1: 0 of 7 points; 0 of 4 properties hold\./);
    expect(json.extra_data).toMatchObject({ file: 'server.ts', startMs: null, graded: true });
  });

  test('an upload with two servers one folder down is not graded, and says which', async () => {
    const root = workFolder();
    lay(join(root, 'submission'), {
      'a/server.py': 'solutions/stage-1/server.py',
      'b/server.ts': 'solutions/stage-1/server.ts',
    });
    const results = join(root, 'results', 'results.json');
    const run = await engine('gradescope', ['stage-1', '--engine-root', root]);
    expectWritten(run, 'Gradescope', results, 1);
    const json = checkGradescope(results, { stage: STAGE_1, fails: 'error' });
    expect(json.output).toBe(
      'Not graded: The submission holds more than one server to run (a/server.py, b/server.ts): upload only one.',
    );
  });
});

describe.concurrent('--engine prairielearn: ROOT/student in, ROOT/results/results.json out', () => {
  test('a passing TypeScript server', async () => {
    const root = workFolder();
    lay(join(root, 'student'), { 'server.ts': 'solutions/stage-1/server.ts' });
    const results = join(root, 'results', 'results.json');
    const run = await engine('prairielearn', ['stage-1', '--engine-root', root]);
    expectWritten(run, 'PrairieLearn', results, 0);
    const json = checkPrairieLearn(results, { stage: STAGE_1, fails: [] });
    expect(json.score).toBe(1);
    expect(json.output).toContain('Graded: server.ts');
  });

  test('a failing TypeScript server, worth --points: the bytes expected and received', async () => {
    const root = workFolder();
    lay(join(root, 'student'), { 'server.ts': fixture('stage-1/adds-newline.ts') });
    const results = join(root, 'results', 'results.json');
    const run = await engine('prairielearn', [
      'stage-1',
      '--engine-root',
      root,
      '--points',
      'listens=2,uppercases=0.5',
    ]);
    expectWritten(run, 'PrairieLearn', results, 1);
    const json = checkPrairieLearn(results, {
      stage: STAGE_1,
      fails: ['uppercases'],
      points: { listens: 2, uppercases: 0.5 },
      stories: { uppercases: [/\nexpected {2}"/, /\nreceived {2}".*\\n"/, /first difference at byte/, /on the wire/] },
    });
    expect(json.score).toBe(0.888889);
    expect(json.message).toMatch(/^Socket Lab stage-1: 4 of 4\.5 points; 3 of 4 properties hold\./);
  });

  test('a server that never listens, stopped by --time-cap: the file says so', async () => {
    const root = workFolder();
    lay(join(root, 'student'), { 'server.ts': fixture('hostile/busy-never-listens.ts') });
    const results = join(root, 'results', 'results.json');
    // Scaled deadlines: the start timeout (5 s of CPU) can't end it before the cap does.
    const run = await engine('prairielearn', ['stage-1', '--engine-root', root, '--time-cap', '5'], {
      SOCKET_LAB_TIMEOUT_SCALE: '4',
    });
    expectWritten(run, 'PrairieLearn', results, 1);
    const json = checkPrairieLearn(results, { stage: STAGE_1, fails: STAGE_1.properties.map((p) => p.id) });
    for (const t of json.tests as { message: string }[])
      expect(t.message).toBe(
        'Not decided within the time cap of 5 s for the whole grade: the grader stopped the server.',
      );
  });

  test('an empty upload, in Chinese: not gradable, so no attempt is charged', async () => {
    const root = workFolder();
    mkdirSync(join(root, 'student'));
    const results = join(root, 'results', 'results.json');
    const run = await engine('prairielearn', ['stage-1', '--engine-root', root, '--lang', 'zh']);
    expect(run.stderr).toContain(`PrairieLearn 的结果：${results}`);
    expect(run.code).toBe(1);
    const json = checkPrairieLearn(results, { stage: STAGE_1, fails: 'error', lang: 'zh' });
    expect(json.score).toBe(0);
    expect(json.message).toMatch(/^未评分：没有提交任何东西/);
    expect(json.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe.concurrent('--engine github-classroom: the repository in, result=<base64> in GITHUB_OUTPUT out', () => {
  test('a whole repository: the learner’s server.py graded, not the untouched starter, in Chinese, worth --points', async () => {
    const work = workFolder();
    const repo = repository(join(work, 'repo'));
    lay(repo, { 'stages/stage-1/server.py': 'solutions/stage-1/server.py' });
    const output = join(work, 'github_output');
    writeFileSync(output, 'earlier=kept\n');
    // No --engine-root: the checkout is GITHUB_WORKSPACE.
    const run = await engine('github-classroom', ['stage-1', '--lang', 'zh', '--points', 'listens=2,uppercases=0.5'], {
      GITHUB_OUTPUT: output,
      GITHUB_WORKSPACE: repo,
    });
    expect(run.stderr).toContain(`GitHub Classroom 的结果：${output}`);
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    const text = readFileSync(output, 'utf8');
    expect(text.startsWith('earlier=kept\nresult=')).toBe(true);
    const e: Expected = { stage: STAGE_1, fails: [], points: { listens: 2, uppercases: 0.5 }, lang: 'zh' };
    const results = checkClassroom(resultLine(text), e, 'stages/stage-1/server.py');
    expect(results.max_score).toBe(4.5);
    expect(results.tests[0].name).toMatch(/^listens: .*[\u4e00-\u9fff]/);
    expect(run.stdout).toMatch(/成立/);
  });

  test('a failing TypeScript server: the wire in the message', async () => {
    const work = workFolder();
    const repo = lay(join(work, 'repo'), { 'server.ts': fixture('stage-1/keeps-listening.ts') });
    const output = join(work, 'github_output');
    const run = await engine('github-classroom', ['stage-1', '--engine-root', repo], { GITHUB_OUTPUT: output });
    expectWritten(run, 'GitHub Classroom', output, 1);
    checkClassroom(
      resultLine(readFileSync(output, 'utf8')),
      { stage: STAGE_1, fails: ['exits-after-client'] },
      'server.ts',
    );
  });

  test('a run file one folder down: graded, and replayed with its command from its folder', async () => {
    const work = workFolder();
    const repo = lay(join(work, 'repo'), { 'app/main.py': 'solutions/stage-1/server.py' });
    writeFileSync(join(repo, 'app', 'run'), '#!/bin/sh\npython3 main.py\n');
    const output = join(work, 'github_output');
    const run = await engine('github-classroom', ['stage-1', '--engine-root', repo], { GITHUB_OUTPUT: output });
    expectWritten(run, 'GitHub Classroom', output, 0);
    checkClassroom(
      resultLine(readFileSync(output, 'utf8')),
      { stage: STAGE_1, fails: [] },
      'app/run',
      "--cmd 'cd app && python3 main.py'",
    );
  });

  test('an empty checkout, with no GITHUB_OUTPUT: an error result, on stdout', async () => {
    const work = workFolder();
    mkdirSync(join(work, 'repo'));
    const run = await engine('github-classroom', ['stage-1', '--engine-root', join(work, 'repo')]);
    expect(run.stderr).toContain('GITHUB_OUTPUT is not set');
    expectWritten(run, 'GitHub Classroom', 'stdout', 1);
    const results = checkClassroom(resultLine(run.stdout), { stage: STAGE_1, fails: 'error' }, '');
    expect(results.tests[0].message).toBe('Not graded: the summary above says why.');
  });

  test('an --engine-root that is not there is a usage error: nothing is written', async () => {
    const work = workFolder();
    const output = join(work, 'github_output');
    const run = await engine('github-classroom', ['stage-1', '--engine-root', join(work, 'nowhere')], {
      GITHUB_OUTPUT: output,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`There is no folder at ${join(work, 'nowhere')}: --engine-root names`);
    expect(existsSync(output)).toBe(false);
    expect(existsSync(join(work, 'nowhere'))).toBe(false);
  });
});

describe('whatever a server prints, the platforms take the file', () => {
  // Every property of stage 4 failing, each server having printed 64 KiB of control bytes, which JSON
  // writes as \u0001, six bytes each: cut at 32 KiB of text per story, the file would be over 3 MB.
  const s4 = stage('stage-4');
  const noise = Array.from({ length: 16 }, () => `stdout | ${'\u0001'.repeat(4000)}`);
  const report: Report = {
    stage: s4,
    subject: 'server.ts',
    seed: Number(SEED),
    passed: false,
    capped: false,
    durationMs: 1,
    results: s4.properties.map((p) => ({
      id: p.id,
      title: p.title,
      status: 'fail',
      message: { en: 'It printed a lot.', zh: '它打印了很多。' },
      hints: [],
      durationMs: 1,
      wire: [{ at: 1, who: 'A', kind: 'connect' }],
      port: 1,
      exit: null,
      output: noise,
    })),
    stopped: Promise.resolve(),
  };
  const results: Results = {
    stage: s4,
    seed: Number(SEED),
    graded: [{ name: 'student', how: 'server.ts', file: 'server.ts', report }],
    durationMs: 1,
    startedAt: new Date(),
  };
  const graded = results.graded[0] as Graded;
  const e: Expected = { stage: s4, fails: s4.properties.map((p) => p.id), stories: {} };

  test('PrairieLearn: results.json under 1 MB, each story cut and saying so', () => {
    const work = workFolder();
    const file = join(work, 'results.json');
    writeFileSync(file, prairielearnJson(results, graded, 'en'));
    const json = checkPrairieLearn(file, e);
    for (const t of json.tests as { output: string }[]) expect(t.output).toMatch(/more bytes not shown\)$/);
  });

  test('GitHub Classroom: the step output under 1 MB, as the reporter reads it', () => {
    const line = classroomOutputLine(results, graded, 'en', 'npm run grade -- stage-4 --file server.ts --seed 7');
    expect(Buffer.byteLength(line)).toBeLessThan(1_000_000);
    const decoded = checkClassroom(resultLine(line), e, 'server.ts');
    for (const t of decoded.tests as { message: string }[]) expect(t.message).toMatch(/more bytes not shown\)$/);
  });
});

describe.concurrent('usage errors exit 2 and write nothing', () => {
  test.each([
    [
      '--engine nope',
      ['--engine', 'nope'],
      /^--engine takes gradescope or prairielearn or github-classroom, not "nope"\./,
    ],
    ['--engine-root alone', [], /^--engine-root says where a platform's folders are: it goes with --engine\./],
    [
      '--points nosuch=1',
      ['--engine', 'gradescope', '--points', 'nosuch=1'],
      /^--points names "nosuch", which is not a property of stage-1\./,
    ],
  ])('%s', async (_name, args, message) => {
    const root = workFolder();
    lay(join(root, 'submission'), { 'server.py': 'solutions/stage-1/server.py' });
    const run = await runGrader(['stage-1', ...args, '--engine-root', root, '--seed', SEED]);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(existsSync(join(root, 'results'))).toBe(false);
    expect(run.orphans).toEqual([]);
  });
});

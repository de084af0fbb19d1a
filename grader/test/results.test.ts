// One grade into result files, seeds that replay traffic, and what a subject is (not) handed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { findStage, type Stage } from '../course/catalogue.ts';
import { fixture, parseReport, runGrader } from './run-grader.ts';

describe.concurrent('one grade', () => {
  test('writes the same result files as a batch: JSON, CSV, JUnit and Gradescope', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'socket-lab-results-test-'));
    try {
      const file = (name: string) => join(dir, name);
      const run = await runGrader([
        'stage-2',
        '--file',
        'solutions/stage-2/server.py',
        '--seed',
        '77',
        '--out',
        file('r.json'),
        '--csv',
        file('r.csv'),
        '--junit',
        file('r.xml'),
        '--gradescope',
        file('gs.json'),
      ]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        `Results written: ${file('r.json')}, ${file('r.csv')}, ${file('r.xml')}, ${file('gs.json')}`,
      );
      const ids = (findStage('stage-2') as Stage).properties.map((p) => p.id);
      const csv = readFileSync(file('r.csv'), 'utf8');
      expect(csv).toBe(
        `submission,${ids.join(',')},score\r\nsolutions/stage-2/server.py,${ids.map(() => 'pass').join(',')},${ids.length}\r\n`,
      );
      const xml = readFileSync(file('r.xml'), 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      const suites = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        isArray: (tag) => ['testsuite', 'testcase'].includes(tag),
      }).parse(xml).testsuites;
      expect(suites.testsuite).toHaveLength(1);
      expect(suites.testsuite[0].testcase.map((t: { name: string }) => t.name)).toEqual(ids);
      for (const testcase of suites.testsuite[0].testcase) {
        // One dot: CI readers split a classname into packages at its dots.
        expect(testcase.classname).toBe('stage-2.solutions_stage-2_server_py');
        expect(testcase.file).toBe('solutions/stage-2/server.py');
      }
      expect(Number(suites.failures)).toBe(0);
      const gradescope = JSON.parse(readFileSync(file('gs.json'), 'utf8'));
      const max = gradescope.tests.reduce((n: number, t: { max_score: number }) => n + t.max_score, 0);
      expect([gradescope.score, max, gradescope.tests.length]).toEqual([ids.length, ids.length, ids.length]);
      const all = JSON.parse(readFileSync(file('r.json'), 'utf8'));
      expect([all.seed, all.submissions.length, all.submissions[0].passed]).toEqual([77, 1, true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--json and --out tell what the report shows under a ✘: the wire, the bytes and their caret, the output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'socket-lab-story-test-'));
    try {
      const subject = ['stage-1', '--file', fixture('stage-1/adds-newline.ts'), '--seed', '42'];
      const [human, json, crash] = await Promise.all([
        runGrader(subject),
        runGrader([...subject, '--json', '--out', join(dir, 'r.json')]),
        runGrader(['stage-1', '--file', fixture('hostile/crashes-at-start.ts'), '--json', '--lang', 'zh']),
      ]);
      const [listens, uppercases] = parseReport(json).properties;
      expect(listens).not.toHaveProperty('wire');
      expect(uppercases?.wire?.map((e) => e.kind)).toEqual(['connect', 'send', 'recv', 'fin-in']);
      expect(uppercases?.wire?.every((e) => Number.isInteger(e.atMs * 10))).toBe(true);
      expect(uppercases?.expected?.text).toMatch(/CAFé$/);
      expect(uppercases?.received?.text).toMatch(/CAFÉ\n$/);
      // Valid UTF-8 throughout: no base64 anywhere.
      expect(json.stdout).not.toContain('base64');
      const caret = human.stdout.match(/first difference at byte (\d+)/)?.[1];
      expect(uppercases?.firstDifference).toBe(Number(caret));
      const out = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
      expect(out.submissions[0].properties).toEqual(parseReport(json).properties);

      const [crashed, notJudged] = parseReport(crash).properties;
      expect(crashed?.output?.join('\n')).toContain('boom: this server crashes before it listens');
      expect(crashed?.wire?.at(-1)).toMatchObject({ who: 'server', kind: 'exit', detail: '以退出状态 1 退出' });
      expect(notJudged).toMatchObject({ message: '未评判：服务器从未开始监听（见 listens）。', wire: [], output: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a result file that can’t be written: the report still shows, then why, and exit 2', async () => {
    const run = await runGrader(['stage-1', '--solution', '--csv', 'package.json/results.csv']);
    expect(run.stdout).toContain('4/4 properties hold');
    expect(run.stderr).toMatch(/^Could not write .*package\.json\/results\.csv: EEXIST/);
    expect(run.code).toBe(2);
  });

  test('--seed replays the same traffic; every report prints its seed', async () => {
    const expectedLine = (stdout: string) => stdout.split('\n').find((line) => line.trim().startsWith('expected'));
    const subject = ['stage-1', '--file', fixture('stage-1/adds-newline.ts')];
    const [first, again, other, unseeded] = await Promise.all([
      runGrader([...subject, '--seed', '42']),
      runGrader([...subject, '--seed', '42']),
      runGrader([...subject, '--seed', '43']),
      runGrader(subject),
    ]);
    expect(first.stdout).toContain('seed 42 (--seed 42 replays this traffic)');
    expect(expectedLine(first.stdout)).toBeDefined();
    expect(expectedLine(again.stdout)).toBe(expectedLine(first.stdout));
    expect(expectedLine(other.stdout)).not.toBe(expectedLine(first.stdout));
    expect(unseeded.stdout).toMatch(/seed (\d+) \(--seed \1 replays this traffic\)/);
    const json = await runGrader([...subject, '--seed', '42', '--json']);
    expect(JSON.parse(json.stdout).seed).toBe(42);
  });

  test('a server sees none of the grader’s secrets: no tokens, no npm settings', async () => {
    // The fixture refuses to start if it can see any of them.
    const run = await runGrader(['stage-1', '--file', fixture('hostile/looks-for-secrets.py')], {
      GITHUB_TOKEN: 'ghp_not_for_servers',
      AWS_SECRET_ACCESS_KEY: 'not-for-servers',
      npm_config_registry: 'https://example.invalid/',
    });
    expect(run.stdout).not.toContain('I can see');
    expect(run.code).toBe(0);
  });

  test('a Python server that never answers is pointed at recv() and sendall(), not at Node’s event loop', async () => {
    const run = await runGrader(['stage-1', '--file', fixture('class/gus/server.py'), '--json']);
    const uppercases = JSON.parse(run.stdout).properties.find((p: { id: string }) => p.id === 'uppercases');
    expect(uppercases.hint).toMatch(
      /^Nothing came back at all\. When recv\(\) returns a message, does your server call sendall\(\)/,
    );
  });

  test('a grade past --time-cap stops its servers: what was undecided fails, saying why', async () => {
    const run = await runGrader([
      'stage-1',
      '--file',
      fixture('hostile/busy-never-listens.ts'),
      '--time-cap',
      '1',
      '--json',
    ]);
    const report = JSON.parse(run.stdout);
    expect(report.properties.map((p: { status: string }) => p.status)).toEqual(['fail', 'fail', 'fail', 'fail']);
    for (const p of report.properties)
      expect(p.message).toBe(
        'Not decided within the time cap of 1 s for the whole grade: the grader stopped the server.',
      );
    expect(run.code).toBe(1);
    expect(run.orphans).toEqual([]);
    expect(run.leftovers).toEqual([]);
  });
});

describe.concurrent('options that make no sense are told so (exit 2)', () => {
  test.each([
    [['stage-3', '--batch', 'no/such/folder'], /There is no folder at .*no\/such\/folder/],
    [['stage-3', '--batch', 'package.json'], /is a file: --batch takes a folder/],
    [['stage-3', '--batch', 'grader/test/fixtures/class/kim'], /has no subfolders/],
    [['stage-3', '--batch', 'grader/test/fixtures/class', '--watch'], /--watch is for one server, not for --batch/],
    [
      ['stage-3', '--batch', 'grader/test/fixtures/class', '--gradescope', 'results.json'],
      /--gradescope takes a folder/,
    ],
    [['stage-3', '--jobs', '2'], /it goes with --batch/],
    [['stage-3', '--seed', 'abc'], /--seed takes a whole number from 0 to 4294967295, not "abc"/],
    [['stage-3', '--max-memory', '2'], /--max-memory takes a whole number from 16/],
    [['stage-3', '--solution', '--batch', 'x'], /Choose one subject: --solution or --batch/],
  ])('%j', async (args, message) => {
    const run = await runGrader(args as string[]);
    expect(run.stderr).toMatch(message as RegExp);
    expect(run.code).toBe(2);
  });
});

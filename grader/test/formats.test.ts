// The pieces of a batch on their own: the traffic a seed draws, the result formats' escaping, how a
// submission is found, and the environment a server is handed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { discover } from '../batch/discover.ts';
import { findStage } from '../course/catalogue.ts';
import { trafficFor } from '../course/traffic.ts';
import type { PropertyResult, Report } from '../engine/grade.ts';
import { resultsCsv } from '../report/formats/csv.ts';
import type { Results } from '../report/formats/graded.ts';
import { resultsJunit } from '../report/formats/junit.ts';
import { reportData } from '../report/render.ts';
import { bytesData, storyOf } from '../report/story.ts';
import { subjectEnv } from '../subject/env.ts';

describe('traffic drawn from a seed', () => {
  test('the same seed gives the same bytes; another seed, others', () => {
    const [one, again] = [trafficFor(42), trafficFor(42)];
    const data = ({ crowdMessage, bulkBlock, ...rest }: typeof one) => ({
      ...rest,
      crowd: crowdMessage(200, 5),
      bulk: bulkBlock(),
    });
    expect(data(one)).toEqual(data(again));
    expect(trafficFor(43).greeting).not.toEqual(trafficFor(42).greeting);
  });

  test('every draw keeps what the checks and hints rely on', () => {
    for (let seed = 0; seed < 500; seed++) {
      const t = trafficFor(seed);
      expect(t.greeting.toString()).toMatch(/[a-z].*café$/);
      expect(t.conversation).toHaveLength(5);
      expect(t.conversation[1]?.length).toBeGreaterThan(t.conversation[0]?.length ?? Infinity);
      expect(t.conversation[3]?.toString()).toContain('\t');
      expect(t.longMessage.length).toBe(10_000);
      // The cut falls after the first of 你's three bytes.
      expect(t.splitMessage.subarray(t.splitAt - 1, t.splitAt + 2).toString()).toBe('你');
      expect(t.splitMessage[t.splitAt - 2]).toBe(0x20);
    }
  });
});

/** A report with one property of each kind, for the formats. */
function results(name: string, message: string, file?: string): Results {
  const stage = findStage('stage-1');
  if (!stage) throw new Error('no stage-1');
  const result = (id: string, status: PropertyResult['status']): PropertyResult => ({
    id,
    title: { en: id, zh: id },
    status,
    message: { en: message, zh: message },
    hints: [{ en: 'a hint', zh: '提示' }],
    durationMs: 5,
    wire: [],
    port: 1,
    exit: null,
    output: status === 'fail' ? [`stdout | ${message}`] : [],
  });
  const statuses: PropertyResult['status'][] = ['pass', 'fail', 'skip', 'pass'];
  const report: Report = {
    stage,
    subject: name,
    seed: 1,
    passed: false,
    capped: false,
    durationMs: 10,
    results: stage.properties.map((p, i) => result(p.id, statuses[i] ?? 'pass')),
    stopped: Promise.resolve(),
  };
  return {
    stage,
    seed: 1,
    graded: [
      { name, how: 'server.py', ...(file ? { file } : {}), report },
      { name: 'empty', how: '', error: { en: 'nothing to run', zh: '没有可运行的文件' } },
    ],
    durationMs: 10,
    startedAt: new Date(0),
  };
}

describe('result formats', () => {
  test('CSV quotes a field with a comma, a quote or a line break', () => {
    const csv = resultsCsv(results('smith, "jo"', 'x'));
    expect(csv.split('\r\n')[1]).toBe('"smith, ""jo""",pass,fail,skip,pass,2');
    expect(csv.split('\r\n')[2]).toBe('empty,error,error,error,error,0');
  });

  test('JUnit XML stays valid whatever a server printed: control characters, markup, quotes', () => {
    const xml = resultsJunit(results('a<b>&"c"', 'bell\u0007 null\u0000 <tag> & "quote" ]]>'), 'en');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (tag) => ['testsuite', 'testcase'].includes(tag),
    }).parse(xml);
    const [suite, empty] = parsed.testsuites.testsuite;
    expect(suite.name).toBe('a<b>&"c"');
    expect(suite.testcase[1].failure.message).toBe('bell\uFFFD null\uFFFD <tag> & "quote" ]]>');
    expect(suite.testcase[2].skipped).toBeDefined();
    expect(empty.testcase.every((t: { error?: unknown }) => t.error !== undefined)).toBe(true);
  });
});

describe('JUnit says what the report says', () => {
  const parse = (xml: string) =>
    new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (tag) => ['testsuite', 'testcase'].includes(tag),
    }).parse(xml).testsuites.testsuite;

  test('reasons inside skipped and error too, the server’s output, one dot in classname, the file', () => {
    const xml = resultsJunit(
      results('stages/stage-1/my  server.v2.ts', 'said <this>', 'stages/stage-1/my server.ts'),
      'en',
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const [suite, empty] = parse(xml);
    const [, failed, skipped] = suite.testcase;
    expect(skipped.skipped).toEqual({ message: 'said <this>', '#text': 'said <this>' });
    expect(failed.failure['#text']).toContain('said <this>');
    // Only the failure printed something (see `results`); a testcase with no output has no system-out.
    expect(failed['system-out']).toBe('stdout | said <this>');
    expect(suite.testcase.filter((t: object) => 'system-out' in t)).toHaveLength(1);
    for (const testcase of suite.testcase) {
      expect(testcase.classname).toBe('stage-1.stages_stage-1_my_server_v2_ts');
      expect(testcase.file).toBe('stages/stage-1/my server.ts');
    }
    for (const testcase of empty.testcase) {
      expect(testcase.error).toEqual({ message: 'nothing to run', type: 'not-graded', '#text': 'nothing to run' });
      expect(testcase.classname).toBe('stage-1.empty');
      // A submission run by a command has no file to name.
      expect(testcase).not.toHaveProperty('file');
    }
  });
});

describe('a property’s story as data (--json, --out)', () => {
  const bytes = (text: string) => Buffer.from(text);
  const failed: PropertyResult = {
    id: 'split-character',
    title: { en: 'split', zh: '拆分' },
    status: 'fail',
    message: { en: 'not uppercased', zh: '没有转成大写' },
    hints: [{ en: 'a hint', zh: '提示' }],
    durationMs: 12,
    expected: bytes('PACKET 你好'),
    actual: Buffer.concat([bytes('PACKET '), Buffer.from([0xef, 0xbf, 0xbd]), bytes('好')]),
    wire: [
      { at: 1.04, who: 'A', kind: 'connect', detail: { en: '127.0.0.1 port 9', zh: '127.0.0.1 端口 9' } },
      { at: 2.26, who: 'A', kind: 'send', bytes: Buffer.concat([bytes('packet '), Buffer.from([0xe4])]) },
      // Two reads of one arrival: the report shows one receive, and so does the data.
      { at: 3.5, who: 'A', kind: 'recv', bytes: bytes('PACKET ') },
      { at: 3.61, who: 'A', kind: 'recv', bytes: Buffer.from([0xef, 0xbf, 0xbd]) },
      { at: 4, who: 'server', kind: 'exit', detail: { en: 'exited with status 1', zh: '以退出状态 1 退出' } },
    ],
    port: 9,
    exit: null,
    output: ['stderr | oops'],
  };

  test('bytes are text with their length, and base64 only when they are not valid UTF-8', () => {
    expect(bytesData(bytes('café\n'))).toEqual({ text: 'café\n', length: 6 });
    // A real U+FFFD is valid UTF-8: nothing was lost.
    expect(bytesData(Buffer.from([0xef, 0xbf, 0xbd]))).toEqual({ text: '\ufffd', length: 3 });
    expect(bytesData(Buffer.from([0x61, 0xe4]))).toEqual({ text: 'a\ufffd', length: 2, base64: 'YeQ=' });
  });

  test('a failure carries its wire, the bytes compared, where they differ, and what the server printed', () => {
    const story = storyOf(failed, 'zh');
    expect(story).toEqual({
      wire: [
        { atMs: 1, who: 'A', kind: 'connect', detail: '127.0.0.1 端口 9' },
        { atMs: 2.3, who: 'A', kind: 'send', bytes: { text: 'packet \ufffd', length: 8, base64: 'cGFja2V0IOQ=' } },
        { atMs: 3.5, who: 'A', kind: 'recv', bytes: { text: 'PACKET \ufffd', length: 10 } },
        { atMs: 4, who: 'server', kind: 'exit', detail: '以退出状态 1 退出' },
      ],
      expected: { text: 'PACKET 你好', length: 13 },
      received: { text: 'PACKET \ufffd好', length: 13 },
      firstDifference: 7,
      output: ['stderr | oops'],
    });
  });

  test('a pass has no story fields; a property not judged has an empty one (listens tells it)', () => {
    const report = results('x', 'm').graded[0]?.report;
    if (!report) throw new Error('no report');
    report.results[1] = { ...failed, id: report.results[1]?.id ?? '' };
    report.results[2] = { ...failed, id: report.results[2]?.id ?? '', notListening: true };
    const [pass, fail, notJudged] = reportData(report, 'en').properties;
    expect(Object.keys(pass ?? {})).toEqual(['id', 'title', 'status', 'message', 'hint', 'durationMs']);
    expect(fail).toMatchObject({ status: 'fail', message: 'not uppercased', firstDifference: 7 });
    expect(fail?.wire?.[0]?.detail).toBe('127.0.0.1 port 9');
    expect(notJudged).toMatchObject({ wire: [], output: [] });
    expect(notJudged).not.toHaveProperty('expected');
  });
});

describe('finding submissions', () => {
  const withFolder = (build: (dir: string) => void, check: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'socket-lab-discover-test-'));
    try {
      build(dir);
      check(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  test('a run file wins; then server.ts, .js, .mjs, .py; hidden folders are not submissions', () => {
    withFolder(
      (dir) => {
        for (const [folder, files] of Object.entries({
          a: ['run', 'server.py'],
          b: ['server.py', 'server.ts'],
          c: ['server.mjs'],
          '.git': ['server.py'],
        })) {
          mkdirSync(join(dir, folder));
          for (const file of files)
            writeFileSync(join(dir, folder, file), file === 'run' ? '#!/bin/sh\n\n  ./serve --port {port}  \n' : '');
        }
      },
      (dir) => {
        expect(discover(dir).map((s) => [s.name, s.how])).toEqual([
          ['a', 'run: ./serve --port {port}'],
          ['b', 'server.ts'],
          ['c', 'server.mjs'],
        ]);
      },
    );
  });

  test('a run file with more than one command, or none, is not run', () => {
    withFolder(
      (dir) => {
        mkdirSync(join(dir, 'two'));
        writeFileSync(join(dir, 'two', 'run'), 'npm install\nnode server.js\n');
        mkdirSync(join(dir, 'none'));
        writeFileSync(join(dir, 'none', 'run'), '# to do\n');
      },
      (dir) => {
        const [none, two] = discover(dir);
        expect(none?.launch).toBeUndefined();
        expect(none?.error?.en).toBe('its run file must hold exactly one command line (it has 0)');
        expect(two?.error?.en).toBe('its run file must hold exactly one command line (it has 2)');
      },
    );
  });
});

test('a server is handed PORT, what programs need, and nothing of the grader’s secrets', () => {
  const env = subjectEnv(
    {
      PATH: '/bin',
      HOME: '/home/x',
      LANG: 'zh_CN.UTF-8',
      LC_ALL: 'C',
      GITHUB_TOKEN: 't',
      npm_config_registry: 'r',
      NODE_OPTIONS: '--inspect',
      SOCKET_LAB_TIMEOUT_SCALE: '2',
    },
    4321,
  );
  expect(env).toEqual({
    PATH: '/bin',
    HOME: '/home/x',
    LANG: 'zh_CN.UTF-8',
    LC_ALL: 'C',
    SOCKET_LAB_TIMEOUT_SCALE: '2',
    PORT: '4321',
    PYTHONUNBUFFERED: '1',
    PYTHONDONTWRITEBYTECODE: '1',
  });
});

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
function results(name: string, message: string): Results {
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
      { name, how: 'server.py', report },
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

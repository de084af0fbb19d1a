// What a server prints is shown, never obeyed: control characters escaped, no workflow command left,
// in the terminal report and in every file, and in the platforms' modes.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { shown } from '../subject/shown.ts';
import { fixture, ROOT, runGrader } from './run-grader.ts';

describe('shown', () => {
  test('controls are escaped, visibly', () => {
    expect(shown('\x1b]0;owned\x07')).toBe('\\x1b]0;owned\\x07');
    expect(shown('\x1b[31mred\x1b[0m')).toBe('\\x1b[31mred\\x1b[0m');
    expect(shown('a\rb\x00c\x7f\u009b')).toBe('a\\rb\\x00c\\x7f\\x9b');
    expect(shown('reversed \u202eevil\u202c')).toBe('reversed \\u202eevil\\u202c');
  });

  test('text, tabs and every script stay as they are', () => {
    const text = 'é 变成了 É\tcafé, 你好 — Traceback (most recent call last): C:\\Users\\me';
    expect(shown(text)).toBe(text);
  });

  test('no line passes for a GitHub Actions workflow command', () => {
    expect(shown('::error::x')).toBe('\\x3a:error::x');
    expect(shown('   ::add-mask::secret')).toBe('   \\x3a:add-mask::secret');
    expect(shown('text ##[warning]x ##[error]y')).toBe('text #\\x23[warning]x #\\x23[error]y');
    expect(shown('a :: b')).toBe('a :: b');
  });
});

/**
 * Anything a terminal or a CI log would obey. A workflow command is a line `::name …::value`: a line
 * that only starts with "::" is not one (the wire story says "::1 port 41276" when a client reached
 * the server on IPv6, as it may on a slow machine: the probe tries 127.0.0.1, then ::1).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]|^\s*::.*::|##\[/m;

test('the check itself tells a workflow command from an IPv6 address', () => {
  expect('   ::add-mask::secret').toMatch(OBEYED);
  expect('a\n::error title=owned::x').toMatch(OBEYED);
  expect('::1 port 41276').not.toMatch(OBEYED);
});

/**
 * Every string in a parsed JSON value, one per line, but bytes on the wire ({ text, length }): those are
 * data the clients sent or got, said exactly (with base64 where not UTF-8), not words the server printed.
 */
const stringsOf = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : value && typeof value === 'object' && !('length' in value && 'text' in value)
      ? Object.values(value).map(stringsOf).join('\n')
      : '';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the grader's own colour codes
const withoutColour = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

const work = mkdtempSync(join(tmpdir(), 'socket-lab-shown-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.concurrent('a server that prints escapes and crashes', () => {
  test('the report and every file show its words escaped, and obey none', async () => {
    const files = {
      out: join(work, 'results.json'),
      junit: join(work, 'results.xml'),
      html: join(work, 'report.html'),
      gradescope: join(work, 'gradescope.json'),
      csv: join(work, 'results.csv'),
    };
    const run = await runGrader([
      'stage-1',
      '--file',
      fixture('hostile/prints-escapes.ts'),
      '--seed',
      '7',
      ...Object.entries(files).flatMap(([flag, file]) => [`--${flag}`, file]),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('\\x1b]0;owned\\x07\\x1b[2J\\x1b[31mred alert\\x1b[0m \\x9b2J');
    // Labelled with its stream, a line no longer starts with "::"; "##[" is escaped anywhere.
    expect(run.stdout).toContain('stdout | ::error title=owned::from the server');
    expect(run.stdout).toContain('stdout | text #\\x23[warning]from the server');
    expect(run.stdout).toContain('reversed \\u202eevil\\u202c text\\r overwritten');
    expect(run.stdout).not.toMatch(OBEYED);
    expect(run.stderr).not.toMatch(OBEYED);
    for (const [flag, file] of Object.entries(files)) {
      const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n'); // CSV ends its lines so
      // The CSV holds verdicts only; every other file tells the story, with what the server printed.
      if (flag !== 'csv') expect(text, flag).toContain('owned');
      expect(text, flag).not.toMatch(OBEYED);
      // JSON may say a control character as \u001b: its strings, decoded, must not hold one either.
      // (Gradescope's is in colour, "ansi": our own colour codes are the only escapes it may hold.)
      if (file.endsWith('.json')) expect(withoutColour(stringsOf(JSON.parse(text))), flag).not.toMatch(OBEYED);
    }
    expect(run.orphans).toEqual([]);
  });

  test('in GitHub Classroom, no line of the log or the result is a workflow command', async () => {
    const repo = join(work, 'repo');
    mkdirSync(repo, { recursive: true });
    writeFileSync(join(repo, 'server.ts'), readFileSync(resolve(ROOT, fixture('hostile/prints-escapes.ts'))));
    const output = join(work, 'github-output');
    const run = await runGrader(['stage-1', '--engine', 'github-classroom', '--engine-root', repo], {
      GITHUB_OUTPUT: output,
      GITHUB_WORKSPACE: '',
    });
    expect(run.stdout).toContain('owned');
    expect(run.stdout).not.toMatch(OBEYED);
    const result = /^result=(.*)$/m.exec(readFileSync(output, 'utf8'))?.[1] ?? '';
    const decoded = Buffer.from(result, 'base64').toString('utf8');
    expect(decoded).toContain('owned');
    expect(stringsOf(JSON.parse(decoded))).not.toMatch(OBEYED);
    expect(run.orphans).toEqual([]);
  });
});

// The commands run from a bundle of the grader (grader/bundle/run.mjs): built when missing, built anew
// when a source changed, and never in the way: where it can't be built, the sources run through tsx.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { ROOT } from './run-grader.ts';

const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A checkout of its own: the grader's sources, sharing this one's node_modules. */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'socket-lab-bundle-'));
  copies.push(dir);
  for (const part of ['grader', 'stages', 'solutions', 'package.json', 'tsconfig.json'])
    cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const help = (dir: string) =>
  spawnSync(process.execPath, ['grader/bundle/run.mjs', 'grader/cli/entry.ts', '--help'], {
    cwd: dir,
    encoding: 'utf8',
  });
const bundle = (dir: string) => join(dir, '.socket-lab/bundle/cli-entry.mjs');

test('is built on the first run, used as it is while the sources hold, and built anew after an edit', () => {
  const dir = checkout();
  const first = help(dir);
  expect(first.status).toBe(0);
  expect(first.stdout).toContain('Usage: npm run grade');
  const built = statSync(bundle(dir)).mtimeMs;

  expect(help(dir).status).toBe(0);
  expect(statSync(bundle(dir)).mtimeMs).toBe(built);

  const entry = join(dir, 'grader/cli/entry.ts');
  writeFileSync(entry, `process.stdout.write('edited\\n');\n${readFileSync(entry, 'utf8')}`);
  const edited = help(dir);
  expect(edited.status).toBe(0);
  expect(edited.stdout.startsWith('edited\n')).toBe(true);
});

test("a crash of the grader names the sources' lines, not the bundle's", () => {
  const dir = checkout();
  const entry = join(dir, 'grader/cli/entry.ts');
  writeFileSync(
    entry,
    `${readFileSync(entry, 'utf8')}\nfunction fail(): never {\n  throw new Error('boom');\n}\nfail();\n`,
  );
  const run = help(dir);
  expect(run.status).not.toBe(0);
  const lines = readFileSync(entry, 'utf8').split('\n').length;
  expect(run.stderr).toContain('Error: boom');
  expect(run.stderr).toContain(`at fail (${entry}:${lines - 3}:`);
});

test('a checkout where the bundle cannot be written still grades, through tsx', () => {
  const dir = checkout();
  mkdirSync(join(dir, '.socket-lab'));
  writeFileSync(join(dir, '.socket-lab/bundle'), 'a file where the folder would go');
  const run = help(dir);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('Usage: npm run grade');
});

test('a grader source that does not compile is reported in its own words, not hidden by the bundler', () => {
  const dir = checkout();
  writeFileSync(join(dir, 'grader/cli/entry.ts'), 'const = ;\n');
  const run = help(dir);
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain('entry.ts');
});

// Compiling a TypeScript server once per grade must never change what it does: what can't be compiled
// faithfully is left to tsx.
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { compileServer } from '../subject/compile.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'compile-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function compile(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return compileServer(join(dir, Object.keys(files)[0] ?? ''), join(dir, '.cache'));
}

test.each([
  [
    'an ES module with top-level await and a local import',
    { 'a.ts': "import { x } from './b.ts';\nawait Promise.resolve(x);", 'b.ts': 'export const x = 1;' },
    '.mjs',
  ],
  ['a CommonJS file using require', { 'c.ts': "const net = require('node:net');\nconsole.log(net);" }, '.cjs'],
])('compiles %s', async (_, files, extension) => {
  const compiled = await compile(files);
  expect(compiled?.file.endsWith(extension)).toBe(true);
  await compiled?.remove();
});

test.each([
  ['a syntax error', { 'd.ts': 'const = ;' }],
  ['an import of a package', { 'e.ts': "import chalk from 'chalk';\nconsole.log(chalk);" }],
  ['code that finds files by its own location', { 'f.ts': "console.log(new URL('data.txt', import.meta.url));" }],
  ['code that reads its command line', { 'g.ts': 'console.log(process.argv[1]);' }],
])('leaves %s to tsx', async (_, files) => {
  expect(await compile(files)).toBeNull();
});

describe('kept between grades', () => {
  const LONG_AGO = new Date('2026-01-01T00:00:00Z');
  let folder = '';
  let cache = '';
  beforeEach(async () => {
    folder = await mkdtemp(join(dir, 'kept-'));
    cache = `${folder}.cache`; // not inside: a folder made there would change the folder's mtime
  });

  /** Write files as saved long ago (folder too), so a compile of them may be kept. */
  async function saved(files: Record<string, string>) {
    for (const [name, text] of Object.entries(files)) {
      await writeFile(join(folder, name), text);
      await utimes(join(folder, name), LONG_AGO, LONG_AGO);
    }
    await utimes(folder, LONG_AGO, LONG_AGO);
  }

  async function run(name: string) {
    const compiled = await compileServer(join(folder, name), cache);
    const text = compiled ? await readFile(compiled.file, 'utf8') : null;
    await compiled?.remove();
    return text;
  }

  /** Mark the one kept entry, so a compile that comes from it shows the mark. */
  async function mark() {
    const [entry = ''] = (await readdir(cache)).filter((f) => f.endsWith('.json'));
    const kept = JSON.parse(await readFile(join(cache, entry), 'utf8'));
    await writeFile(join(cache, entry), JSON.stringify({ ...kept, contents: `${kept.contents}\n// from the cache` }));
  }

  test('the same files compile from the cache', async () => {
    await saved({ 'a.ts': "import { x } from './b.ts';\nconsole.log(x);", 'b.ts': "export const x = 'one';" });
    expect(await run('a.ts')).toContain('"one"');
    await mark();
    expect(await run('a.ts')).toContain('// from the cache');
  });

  test('an edit to an imported file of the same size and mtime compiles anew', async () => {
    await saved({ 'a.ts': "import { x } from './b.ts';\nconsole.log(x);", 'b.ts': "export const x = 'one';" });
    await run('a.ts');
    await mark();
    await saved({ 'b.ts': "export const x = 'two';" });
    const text = await run('a.ts');
    expect(text).toContain('"two"');
    expect(text).not.toContain('// from the cache');
  });

  test('a file added beside them compiles anew (an import may now resolve to it)', async () => {
    await saved({ 'a.ts': "import { x } from './b.ts';\nconsole.log(x);", 'b.ts': "export const x = 'one';" });
    await run('a.ts');
    await mark();
    await writeFile(join(folder, 'notes.txt'), 'new');
    expect(await run('a.ts')).not.toContain('// from the cache');
  });

  test('files saved just now are compiled, not kept (a save during the compile would go unseen)', async () => {
    await writeFile(join(folder, 'a.ts'), 'console.log(1);');
    expect(await run('a.ts')).toContain('console.log(1)');
    await expect(readdir(cache)).rejects.toThrow();
  });

  test('what is left to tsx is kept as such', async () => {
    await saved({ 'e.ts': "import chalk from 'chalk';\nconsole.log(chalk);" });
    expect(await run('e.ts')).toBeNull();
    expect((await readdir(cache)).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    expect(await run('e.ts')).toBeNull();
  });
});

// Compiling a TypeScript server once per grade must never change what it does: what can't be compiled
// faithfully is left to tsx.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compileServer } from '../subject/compile.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'compile-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function compile(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return compileServer(join(dir, Object.keys(files)[0] ?? ''));
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

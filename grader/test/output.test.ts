import { expect, test } from 'vitest';
import { OutputCapture } from '../subject/output.ts';

const lines = (from: number, to: number) =>
  `${Array.from({ length: to - from }, (_, i) => `line ${from + i}`).join('\n')}\n`;

test('a short output is kept whole', () => {
  const out = new OutputCapture();
  out.push(Buffer.from('hello\n\nworld\n'));
  expect(out.lines()).toEqual(['hello', 'world']);
});

test('a long output keeps its first and last lines, and counts every byte', () => {
  const out = new OutputCapture();
  for (let i = 0; i < 100_000; i += 1000) out.push(Buffer.from(lines(i, i + 1000)));
  const shown = out.lines(7);
  expect(shown).toEqual(['line 0', 'line 1', 'line 2', 'line 3', '…', 'line 99998', 'line 99999']);
  expect(out.total).toBe(Buffer.byteLength(lines(0, 100_000)));
});

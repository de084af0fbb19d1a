// The one line splitter, under the grader's transcript and the hands-on client's output alike.
import { expect, test } from 'vitest';
import { LineSplitter } from '../subject/lines.ts';

function splitter(maxLength?: number) {
  const lines: string[] = [];
  return { lines, split: new LineSplitter((line) => lines.push(line), maxLength) };
}

test('a character split across two chunks comes out whole', () => {
  const { lines, split } = splitter();
  // '中' is e4 b8 ad: its first byte ends one chunk, the other two start the next.
  split.push(Buffer.from([0x61, 0xe4]));
  split.push(Buffer.from([0xb8, 0xad, 0x0a]));
  expect(lines).toEqual(['a中']);
  expect(lines.join('')).not.toContain('\ufffd');
});

test('a partial line waits for the rest of it, and flush gives what is left', () => {
  const { lines, split } = splitter();
  split.push(Buffer.from('one\ntw'));
  expect(lines).toEqual(['one']);
  split.push(Buffer.from('o\nthr'));
  expect(lines).toEqual(['one', 'two']);
  split.flush();
  expect(lines).toEqual(['one', 'two', 'thr']);
  split.flush(); // nothing left: nothing more
  expect(lines).toEqual(['one', 'two', 'thr']);
});

test('a partial line longer than the cap is cut short, and a character the stream ends inside is U+FFFD', () => {
  const { lines, split } = splitter(4);
  split.push(Buffer.from('ab\ncdefgh'));
  expect(lines).toEqual(['ab', 'cdef']);
  split.push(Buffer.from([0xe4, 0xb8]));
  split.flush();
  expect(lines).toEqual(['ab', 'cdef', '\ufffd']);
});

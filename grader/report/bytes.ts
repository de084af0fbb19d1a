// Bytes as a learner should see them: printable text as itself, everything else escaped.
import { t } from '../i18n/t.ts';
import type { Lang } from '../i18n/text.ts';

/**
 * 1048577 as 1,048,577: a byte count the learner can read at a glance. Whole numbers by hand: the first
 * toLocaleString of a run loads ICU's locale data, some 20 ms of every grade.
 */
export const grouped = (n: number) =>
  Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ',') : n.toLocaleString('en-US');

/** A copy with a–z (0x61–0x7a) upper-cased, every other byte as it was. A plain loop: stage 5 copies a
 *  1 MiB message this way, in the same turn as every other check's clients (a callback per byte took
 *  three times as long). */
export function upperAscii(bytes: Buffer): Buffer {
  const upper = Buffer.allocUnsafe(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    upper[i] = b >= 0x61 && b <= 0x7a ? b - 0x20 : b;
  }
  return upper;
}

const NAMED: Record<number, string> = { 10: '\\n', 13: '\\r', 9: '\\t', 0: '\\0', 34: '\\"', 92: '\\\\' };

const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);

/** Length in bytes of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function utf8Length(bytes: Buffer, i: number): number {
  const b = bytes[i] ?? 0;
  const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? (b <= 0xef ? 3 : 0) : b >= 0xc2 && b <= 0xdf ? 2 : 0;
  if (len === 0 || i + len > bytes.length) return 0;
  for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  const seq = bytes.subarray(i, i + len);
  // Node decodes a malformed sequence (overlong, surrogate) to U+FFFD; a real U+FFFD is EF BF BD.
  const valid = !seq.toString('utf8').includes('\ufffd') || seq.equals(REPLACEMENT);
  return valid ? len : 0;
}

/** What one displayed piece shows, and the bytes `[start, end)` it stands for. */
export interface Piece {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Bytes cut into what a terminal shows: `\n` stays visible, a whole UTF-8 character is one piece, broken
 * UTF-8 shows as `\xNN`, U+FFFD is named. A caret counts columns over these pieces, never over bytes.
 */
export function displayPieces(bytes: Buffer): Piece[] {
  const pieces: Piece[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    const named = NAMED[b];
    const len = named !== undefined || (b >= 0x20 && b < 0x7f) ? 1 : utf8Length(bytes, i);
    let text: string;
    // \0 before a digit would read as an octal escape (\0146): there, the byte is \x00.
    if (b === 0 && (bytes[i + 1] ?? 0) >= 0x30 && (bytes[i + 1] ?? 0) <= 0x39) text = '\\x00';
    else if (named !== undefined) text = named;
    else if (len === 0) text = `\\x${b.toString(16).padStart(2, '0')}`;
    else
      text = bytes
        .subarray(i, i + len)
        .toString('utf8')
        .replaceAll('\ufffd', '\\u{fffd}');
    const end = i + Math.max(len, 1);
    pieces.push({ text, start: i, end });
    i = end;
  }
  return pieces;
}

/** Escape bytes for a terminal, as `displayPieces` shows them. */
export function escapeBytes(bytes: Buffer): string {
  return displayPieces(bytes)
    .map((piece) => piece.text)
    .join('');
}

/** The first index where the two differ, or -1 when they are equal. */
export function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/**
 * Where a report points its caret: the first byte of `received` that differs from `expected` (0 when
 * nothing was received: the message says so, and there is nothing to point into).
 */
export function caretAt(expected: Buffer, received: Buffer): number {
  return received.length > 0 ? firstDifference(expected, received) : 0;
}

/** Columns a string takes in a terminal: wide (CJK, emoji) characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/**
 * Quote bytes, shortened around `focus` when long ("…" marks what was left out), with the column at
 * which the piece holding the byte at `focus` is shown (the closing quote when `focus` is past the end).
 * The window is cut between whole pieces, so a character is never split into escapes.
 */
export interface QuoteOptions {
  /** The byte to keep in view (and to find the column of): 0 unless said. */
  focus?: number;
  /** How many bytes to show at most: 60 unless said. */
  width?: number;
  /** The language of what is said about the bytes (a long quote's size). */
  lang?: Lang;
}

export function quoteAt(
  bytes: Buffer,
  { focus = 0, width = 60, lang = 'en' }: QuoteOptions = {},
): { text: string; column: number } {
  const pieces = displayPieces(bytes);
  const from = bytes.length <= width ? 0 : Math.max(0, Math.min(focus - Math.floor(width / 3), bytes.length - width));
  const to = bytes.length <= width ? bytes.length : from + width;
  const shown = pieces.filter((piece) => piece.end > from && piece.start < to);
  const head = (shown[0]?.start ?? 0) > 0 ? '…' : '';
  const tail = (shown.at(-1)?.end ?? bytes.length) < bytes.length ? '…' : '';
  const size = bytes.length <= width ? '' : t('report.size', { bytes: grouped(bytes.length) })[lang];
  const before = shown.filter((piece) => piece.end <= focus);
  const column = displayWidth(`${head}"${before.map((piece) => piece.text).join('')}`);
  const text = `${head}"${shown.map((piece) => piece.text).join('')}"${tail}${size}`;
  return { text, column };
}

export function quote(bytes: Buffer, options: QuoteOptions = {}): string {
  return quoteAt(bytes, options).text;
}

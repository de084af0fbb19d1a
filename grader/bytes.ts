// Bytes as a learner should see them: printable text as itself, everything else escaped.

export function upperAscii(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((b) => (b >= 0x61 && b <= 0x7a ? b - 0x20 : b)));
}

const NAMED: Record<number, string> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x00: '\\0', 0x22: '\\"', 0x5c: '\\\\' };

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

/** Escape bytes for a terminal: `\n` stays visible, broken UTF-8 shows as `\xNN`, U+FFFD is named. */
export function escapeBytes(bytes: Buffer): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    const named = NAMED[b];
    if (named !== undefined) {
      out += named;
      i += 1;
    } else if (b >= 0x20 && b < 0x7f) {
      out += String.fromCharCode(b);
      i += 1;
    } else {
      const len = utf8Length(bytes, i);
      if (len > 0) {
        out += bytes.subarray(i, i + len).toString('utf8');
        i += len;
      } else {
        out += `\\x${b.toString(16).padStart(2, '0')}`;
        i += 1;
      }
    }
  }
  return out.replaceAll('\ufffd', '\\u{fffd}');
}

/** The first index where the two differ, or -1 when they are equal. */
export function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/** Quote bytes, shortened around `focus` when long: "…" marks what was left out. */
export function quote(bytes: Buffer, focus = 0, width = 60): string {
  if (bytes.length <= width) return `"${escapeBytes(bytes)}"`;
  const start = Math.max(0, Math.min(focus - Math.floor(width / 3), bytes.length - width));
  const head = start > 0 ? '…' : '';
  const tail = start + width < bytes.length ? '…' : '';
  return `${head}"${escapeBytes(bytes.subarray(start, start + width))}"${tail} (${bytes.length} bytes)`;
}

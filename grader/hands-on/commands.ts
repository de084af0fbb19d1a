// What the learner typed, as data: a message to send, or a command. Pure functions, no I/O; what a
// problem means in words lives in messages.ts.

export type Problem =
  | { code: 'unknown-command'; name: string }
  | { code: 'needs-argument'; name: string }
  | { code: 'no-argument'; name: string }
  | { code: 'empty-part'; index: number }
  | { code: 'unknown-escape'; sequence: string }
  | { code: 'bad-hex'; sequence: string }
  | { code: 'bad-code-point'; sequence: string }
  | { code: 'dangling-backslash' }
  | { code: 'framed-only'; name: string }
  | { code: 'bad-length'; text: string };

export type Input =
  | { kind: 'empty' }
  | { kind: 'send'; bytes: Buffer }
  | { kind: 'raw'; bytes: Buffer }
  | { kind: 'several'; parts: Buffer[] }
  | { kind: 'header'; length: number }
  | { kind: 'fin' }
  | { kind: 'rst' }
  | { kind: 'reconnect' }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'invalid'; problem: Problem };

type Simple = 'fin' | 'rst' | 'reconnect' | 'help' | 'quit';

/** The commands, by every name they answer to. The first name of each is the one help shows. */
export const COMMANDS: readonly { names: readonly string[]; kind: Simple | 'raw' | 'several' | 'header' }[] = [
  { names: ['help', 'h', '?'], kind: 'help' },
  { names: ['fin'], kind: 'fin' },
  { names: ['rst', 'reset'], kind: 'rst' },
  { names: ['reconnect'], kind: 'reconnect' },
  { names: ['several'], kind: 'several' },
  { names: ['raw'], kind: 'raw' },
  { names: ['header'], kind: 'header' },
  { names: ['quit', 'q', 'exit'], kind: 'quit' },
];

/**
 * One line from the prompt. A plain message is sent exactly as typed: its UTF-8 bytes, nothing added.
 * `framed` (stage 5): each message goes out framed with its length, so an empty line is an empty message.
 */
export function parseInput(line: string, framed = false): Input {
  if (line === '') return framed ? { kind: 'send', bytes: Buffer.alloc(0) } : { kind: 'empty' };
  if (!line.startsWith(':')) return { kind: 'send', bytes: Buffer.from(line, 'utf8') };
  // The argument starts after one separating space, so that `:raw  x` can send leading spaces.
  const match = /^:(\S*)(?:\s([\s\S]*))?$/.exec(line);
  const name = (match?.[1] ?? '').toLowerCase();
  const argument = match?.[2] ?? '';
  const command = COMMANDS.find((c) => c.names.includes(name));
  if (!command) return { kind: 'invalid', problem: { code: 'unknown-command', name } };
  switch (command.kind) {
    case 'raw': {
      if (argument === '') return { kind: 'invalid', problem: { code: 'needs-argument', name } };
      const parsed = parseEscapes(argument);
      return parsed.ok ? { kind: 'raw', bytes: parsed.bytes } : { kind: 'invalid', problem: parsed.problem };
    }
    case 'several': {
      if (argument.trim() === '') return { kind: 'invalid', problem: { code: 'needs-argument', name } };
      const parts = argument.split('|').map((part) => part.trim());
      const empty = parts.indexOf('');
      // An empty part adds no bytes (the learner surely meant something else), unless framed: then it is
      // an empty message, four bytes of header.
      if (empty >= 0 && !framed) return { kind: 'invalid', problem: { code: 'empty-part', index: empty + 1 } };
      return { kind: 'several', parts: parts.map((part) => Buffer.from(part, 'utf8')) };
    }
    case 'header': {
      if (!framed) return { kind: 'invalid', problem: { code: 'framed-only', name } };
      if (argument.trim() === '') return { kind: 'invalid', problem: { code: 'needs-argument', name } };
      const text = argument.trim().replaceAll(/[_,]/g, '');
      const length = Number(text);
      if (!/^\d+$/.test(text) || length > 0xffff_ffff) {
        return { kind: 'invalid', problem: { code: 'bad-length', text: argument.trim() } };
      }
      return { kind: 'header', length };
    }
    default:
      if (argument.trim() !== '') return { kind: 'invalid', problem: { code: 'no-argument', name } };
      return { kind: command.kind };
  }
}

const SINGLE: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, '0': 0x00, '\\': 0x5c, '"': 0x22 };

export type Escaped = { ok: true; bytes: Buffer } | { ok: false; problem: Problem };

/**
 * Bytes written with escapes: `\n \r \t \0 \\ \" \xNN` and `\u{HEX}` (a code point, as UTF-8). These are
 * exactly what escapeBytes (grader/report/bytes.ts) prints, so a reply shown by the client can be sent back
 * as it reads. Everything else stands for its own UTF-8 bytes.
 */
export function parseEscapes(text: string): Escaped {
  const out: Buffer[] = [];
  let plain = '';
  const flush = () => {
    if (plain !== '') out.push(Buffer.from(plain, 'utf8'));
    plain = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char !== '\\') {
      plain += char;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) return { ok: false, problem: { code: 'dangling-backslash' } };
    const single = SINGLE[next];
    if (single !== undefined) {
      flush();
      out.push(Buffer.from([single]));
      i += 1;
    } else if (next === 'x') {
      const hex = text.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return { ok: false, problem: { code: 'bad-hex', sequence: `\\x${hex}` } };
      flush();
      out.push(Buffer.from([parseInt(hex, 16)]));
      i += 3;
    } else if (next === 'u') {
      const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(text.slice(i + 2));
      const point = braced ? parseInt(braced[1] as string, 16) : NaN;
      // Surrogates have no UTF-8 form; past 10FFFF is no code point at all.
      if (!braced || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) {
        return {
          ok: false,
          problem: { code: 'bad-code-point', sequence: braced ? `\\u${braced[0]}` : `\\u${text.slice(i + 2, i + 4)}` },
        };
      }
      flush();
      out.push(Buffer.from(String.fromCodePoint(point), 'utf8'));
      i += 1 + braced[0].length;
    } else {
      return {
        ok: false,
        problem: { code: 'unknown-escape', sequence: `\\${String.fromCodePoint(text.codePointAt(i + 1) ?? 0)}` },
      };
    }
  }
  flush();
  return { ok: true, bytes: Buffer.concat(out) };
}

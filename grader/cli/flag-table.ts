// A command's flags as one table, from which its parseArgs options and its usage text in every language
// are derived: a flag can't be parsed yet missing from the usage, or described under another name.
import { parseArgs } from 'node:util';
import type { Lang, Text } from '../i18n/text.ts';
import { displayWidth } from '../report/bytes.ts';

export interface Flag<Group extends string = string> {
  type: 'boolean' | 'string';
  short?: string;
  /** A string flag's value as the usage shows it: `<path>`, `<路径>`. */
  value?: Text;
  /** What it does; a '\n' starts another line of it. A flag without one is not listed. */
  help?: Text;
  group: Group;
}

export type FlagTable<Group extends string = string> = Readonly<Record<string, Flag<Group>>>;

/** parseArgs's options: a switch (boolean) is false unless given; a valued flag (string) is unset. */
export type ParseOptions<F extends FlagTable> = {
  -readonly [K in keyof F]: F[K]['type'] extends 'boolean'
    ? { type: 'boolean'; default: boolean; short?: string }
    : { type: 'string'; short?: string };
};

function parseArgsOptions<F extends FlagTable>(flags: F): ParseOptions<F> {
  const entries = Object.entries(flags).map(([name, flag]) => {
    const short = flag.short ? { short: flag.short } : {};
    return [
      name,
      flag.type === 'boolean' ? { type: 'boolean', default: false, ...short } : { type: 'string', ...short },
    ];
  });
  return Object.fromEntries(entries) as ParseOptions<F>;
}

/** argv parsed by the table (positionals allowed, unknown flags refused), or `refuse`'s error thrown. */
export function parseFlags<F extends FlagTable>(
  flags: F,
  argv: readonly string[],
  refuse: (err: NodeJS.ErrnoException) => Error,
) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: parseArgsOptions(flags) });
  } catch (err) {
    throw refuse(err as NodeJS.ErrnoException);
  }
}

/** The names of the flags in these groups, in the table's order. */
export function flagsIn<F extends FlagTable>(flags: F, ...groups: F[keyof F]['group'][]): (keyof F & string)[] {
  return Object.keys(flags).filter((name) => groups.includes(flags[name]?.group ?? '')) as (keyof F & string)[];
}

/** A flag as the usage writes it: `--file <path>`. */
export function flagLabel(flags: FlagTable, name: string, lang: Lang): string {
  const value = flags[name]?.value;
  return value ? `--${name} ${value[lang]}` : `--${name}`;
}

/** The usage's rows of these flags (those with help): label, and what it does. */
export function flagRows(flags: FlagTable, names: readonly string[], lang: Lang): [string, string][] {
  return names.flatMap((name) => {
    const help = flags[name]?.help;
    return help ? [[flagLabel(flags, name, lang), help[lang]] as [string, string]] : [];
  });
}

/**
 * Rows of two columns, indented by two: each label padded to `width` terminal columns (a Chinese
 * character takes two), then its help; the help's further lines start under its first.
 */
export function columns(rows: readonly (readonly [string, string])[], width: number): string {
  const indent = ' '.repeat(2 + width);
  return rows
    .map(([label, help]) => {
      const [first = '', ...more] = help.split('\n');
      const pad = ' '.repeat(Math.max(1, width - displayWidth(label)));
      return [`  ${label}${pad}${first}`, ...more.map((line) => `${indent}${line}`)].join('\n');
    })
    .join('\n');
}

// What a catalogue holds: a sentence with named placeholders ({port}), or one per plural category,
// chosen by the `count` parameter through Intl.PluralRules.
export interface Plural {
  readonly one?: string;
  readonly other: string;
}

export type Entry = string | Plural;

/**
 * The placeholder names a sentence uses: `{port}`; never code the learner reads, such as
 * `{ pauseOnConnect: true }` or the escape `\u{e9}`.
 */
export type Holes<S extends string> = S extends `${infer Before}{${infer Name}}${infer Rest}`
  ? Before extends `${string}\\u`
    ? Holes<Rest>
    : Name extends `${string}${' ' | '{' | ':' | '"' | "'"}${string}` | ''
      ? Holes<Rest>
      : Name | Holes<Rest>
  : never;

/** Every placeholder of an entry, in any of its plural forms; a plural entry also takes its `count`. */
export type EntryHoles<E> = E extends string
  ? Holes<E>
  : E extends { readonly other: string }
    ? Holes<E['other']> | (E extends { readonly one: infer One extends string } ? Holes<One> : never) | 'count'
    : never;

/** The same rule at run time, for the completeness test and the formatter. */
export const HOLE = /(?<!\\u)\{(\w+)\}/g;

export function holesOf(entry: Entry): string[] {
  const forms = typeof entry === 'string' ? [entry] : [entry.one ?? '', entry.other];
  const names = forms.flatMap((form) => [...form.matchAll(HOLE)].map((m) => m[1] as string));
  return [...new Set(names)].sort();
}

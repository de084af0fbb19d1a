// Words come from the catalogues by id; the pipeline still carries a Text, one message in each language.
import { en } from './en.ts';
import type { Entry, EntryHoles } from './entry.ts';
import { HOLE } from './entry.ts';
import type { Lang, Text } from './text.ts';
import { zh } from './zh.ts';

export type MessageId = keyof typeof en;

/** A placeholder's value: a number and a string print as they are, a Text in the language being built. */
export type Param = string | number | Text;

type ParamsOf<K extends MessageId> = { readonly [Name in EntryHoles<(typeof en)[K]>]: Param };

/** Ids whose sentence has no placeholder are called with the id alone. */
export type Args<K extends MessageId> = [EntryHoles<(typeof en)[K]>] extends [never] ? [] : [params: ParamsOf<K>];

export const CATALOGUES: Readonly<Record<Lang, Readonly<Record<MessageId, Entry>>>> = { en, zh };

const plurals: Record<Lang, Intl.PluralRules> = { en: new Intl.PluralRules('en'), zh: new Intl.PluralRules('zh') };

function render(entry: Entry, lang: Lang, params: Readonly<Record<string, Param>>): string {
  let form: string;
  if (typeof entry === 'string') form = entry;
  else {
    const category = plurals[lang].select(Number(params.count));
    form = (category === 'one' ? entry.one : undefined) ?? entry.other;
  }
  return form.replace(HOLE, (hole, name: string) => {
    const value = params[name];
    if (value === undefined) return hole;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

/** The message `id` in both languages, its placeholders filled from `params`. */
export function t<K extends MessageId>(id: K, ...args: Args<K>): Text {
  const params: Readonly<Record<string, Param>> = args[0] ?? {};
  return { en: render(CATALOGUES.en[id], 'en', params), zh: render(CATALOGUES.zh[id], 'zh', params) };
}

/** Items joined as each language joins them (", " in English, "、" in Chinese). */
export function joined(
  items: readonly Param[],
  separator: 'sep.sentence' | 'sep.list' | 'sep.clause' | 'sep.or' | 'sep.and',
): Text {
  const join = (lang: Lang) =>
    items
      .map((item) => (typeof item === 'object' ? item[lang] : String(item)))
      .join(render(CATALOGUES[lang][separator], lang, {}));
  return { en: join('en'), zh: join('zh') };
}

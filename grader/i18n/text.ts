// Every word a learner reads exists in both languages; a Text is one message in each.
export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

export interface Text {
  en: string;
  zh: string;
}

/** The learner's language: an explicit choice, else the locale (LC_ALL, then LANG), else English. */
export function detectLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** `--lang` read before parsing, so that even a malformed command line is answered in the language asked for. */
export function langInArgv(argv: readonly string[]): Lang | undefined {
  const asked = argv.indexOf('--lang');
  const value = asked >= 0 ? argv[asked + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  if (value !== undefined) return isLang(value) ? value : undefined;
  // Through npm without `--`, npm takes `--lang` for switches of its own and leaves `zh` alone: it is
  // still the language asked for.
  return argv.find(isLang);
}

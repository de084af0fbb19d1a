// npm run progress takes one option, --lang. What else was typed is not silently dropped: a stage
// named here (`npm run progress stage-2`) gets a usage line, since progress always shows every stage.
import { isLang } from '../i18n/text.ts';

/** The words of `argv` that are neither --lang and its value nor a language npm left behind. */
export function strayWords(argv: readonly string[]): string[] {
  const stray: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (word === '--lang') i++;
    else if (!word.startsWith('--lang=') && !isLang(word)) stray.push(word);
  }
  return stray;
}

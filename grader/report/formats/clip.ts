// Text cut to a size in bytes: the platforms cap what they accept (PrairieLearn refuses a results file
// over 1 MB; a GitHub step output is at most 1 MB), and a server may print without end.
import { t } from '../../i18n/t.ts';
import type { Lang } from '../../i18n/text.ts';
import { grouped } from '../bytes.ts';

/** At most `max` bytes of UTF-8, cut on a character's boundary, with a note of what was left out. */
export function clip(text: string, max: number, lang: Lang): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return text;
  let end = max;
  // Back up to the start of a character: continuation bytes are 10xxxxxx.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return `${bytes.subarray(0, end).toString('utf8')}\n${t('clip.cut', { bytes: grouped(bytes.length - end) })[lang]}`;
}

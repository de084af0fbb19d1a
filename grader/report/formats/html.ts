// --html: one self-contained page, a single grade's report or a class's.
import type { Lang } from '../../i18n/text.ts';
import { classPage } from '../html/class.ts';
import { reportPage } from '../html/page.ts';
import type { Results } from './graded.ts';

export function resultsHtml(results: Results, lang: Lang, batch: boolean): string {
  const only = results.graded[0];
  if (!batch && only?.report) return reportPage(only.report, lang, only.ladder);
  return classPage(results, lang);
}

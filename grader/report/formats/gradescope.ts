// --gradescope: Gradescope's autograder results.json for one submission: a test per property worth one
// point (a skipped one is worth none), its output the failure's story.

import { t } from '../../i18n/t.ts';
import type { Lang } from '../../i18n/text.ts';
import { platformNote } from '../../subject/platform.ts';
import { failureText, seedNote, startNote } from '../render.ts';
import { cellsOf, type Graded, type Results, scoreOf } from './graded.ts';

export function gradescopeJson(results: Results, graded: Graded, lang: Lang): string {
  const { held, max } = scoreOf(results, graded);
  const stage = results.stage;
  const summary = graded.error
    ? graded.error[lang]
    : t('gradescope.summary', { id: stage.id, held, max, seedNote: seedNote(results.seed, lang) })[lang];
  const slow = graded.report ? startNote(graded.report, lang) : '';
  const document = {
    score: held,
    max_score: max,
    execution_time: Math.round((graded.report?.durationMs ?? 0) / 1000),
    output: [platformNote(stage.properties)?.[lang] ?? '', summary, slow].filter((line) => line !== '').join('\n'),
    visibility: 'visible',
    stdout_visibility: 'hidden',
    tests: cellsOf(results, graded).map(({ id, cell, result }, i) => {
      const title = stage.properties[i]?.title[lang] ?? '';
      const output =
        cell === 'fail' && result
          ? failureText(result, lang)
          : cell === 'skip'
            ? (result?.message[lang] ?? '')
            : cell === 'error'
              ? (graded.error?.[lang] ?? '')
              : '';
      return {
        name: `${id}: ${title}`,
        number: String(i + 1),
        score: cell === 'pass' ? 1 : 0,
        max_score: cell === 'skip' ? 0 : 1,
        status: cell === 'pass' || cell === 'skip' ? 'passed' : 'failed',
        output,
        visibility: 'visible',
      };
    }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

// Gradescope's results.json for one submission (gradescope-autograders.readthedocs.io, "Autograder
// Specifications"): a test per property with its points, its output the failure's story in ANSI colour,
// which Gradescope renders (output_format "ansi"). Only the fields of the spec: no top-level max_score.
import type { Lang } from '../../i18n/text.ts';
import type { Graded, Results } from './graded.ts';
import { scoreOf } from './graded.ts';
import { platformTests, summaryLines } from './tests.ts';

export function gradescopeResults(results: Results, graded: Graded, lang: Lang) {
  return {
    score: scoreOf(results, graded).held,
    execution_time: Math.round((graded.report?.durationMs ?? results.durationMs) / 1000),
    output: summaryLines(results, graded, lang).join('\n'),
    output_format: 'text',
    visibility: 'visible',
    stdout_visibility: 'hidden',
    extra_data: {
      stage: results.stage.id,
      seed: results.seed,
      file: graded.file ?? null,
      startMs: graded.report?.startMs ?? null,
      capped: graded.report?.capped ?? false,
      graded: graded.report !== undefined,
    },
    tests: platformTests(results, graded, lang, true).map((test, i) => ({
      name: `${test.id}: ${test.title}`,
      number: String(i + 1),
      score: test.score,
      max_score: test.max,
      status: test.cell === 'pass' || test.cell === 'skip' ? 'passed' : 'failed',
      output: test.story,
      output_format: 'ansi',
      visibility: 'visible',
    })),
  };
}

export function gradescopeJson(results: Results, graded: Graded, lang: Lang): string {
  return `${JSON.stringify(gradescopeResults(results, graded, lang), null, 2)}\n`;
}

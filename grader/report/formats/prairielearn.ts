// PrairieLearn's external grading results.json (docs.prairielearn.com/externalGrading): a score from 0
// to 1, a message, and a test per property with its points. `gradable: false` only when nothing could
// be graded (no server in the upload, or the grader failed): PrairieLearn then charges no attempt.
// The whole file stays under the 1 MB PrairieLearn accepts, whatever the server printed.
import type { Lang } from '../../i18n/text.ts';
import { clip } from './clip.ts';
import type { Graded, Results } from './graded.ts';
import { scoreOf } from './graded.ts';
import { fitting, platformTests, STORY_MAX_BYTES, scoreLine, summaryLines } from './tests.ts';

export function prairielearnResults(results: Results, graded: Graded, lang: Lang, storyMax = STORY_MAX_BYTES) {
  const { held, max } = scoreOf(results, graded);
  const lines = summaryLines(results, graded, lang);
  return {
    gradable: graded.report !== undefined,
    score: max > 0 ? Math.round((held / max) * 1e6) / 1e6 : 0,
    message: scoreLine(results, graded, lang),
    output: clip(lines.join('\n'), storyMax, lang),
    tests: platformTests(results, graded, lang, false, storyMax).map((test) => ({
      name: test.id,
      description: test.title,
      points: test.score,
      max_points: test.max,
      message: test.message,
      output: test.cell === 'fail' ? test.story : '',
    })),
  };
}

export function prairielearnJson(results: Results, graded: Graded, lang: Lang): string {
  return fitting((storyMax) => `${JSON.stringify(prairielearnResults(results, graded, lang, storyMax), null, 2)}\n`);
}

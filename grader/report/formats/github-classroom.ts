// GitHub Classroom's autograding result: a grading step sets the output `result` to the base64 of
// {"version":1,"status","max_score","tests":[…]}, and classroom-resources/autograding-grading-reporter
// decodes it (the step's id, upper-cased, + _RESULTS), prints each test, and sums the tests' scores
// against max_score. Statuses are pass, fail and error.
import type { Lang } from '../../i18n/text.ts';
import type { Graded, Results } from './graded.ts';
import { scoreOf } from './graded.ts';
import { fitting, platformTests, STORY_MAX_BYTES } from './tests.ts';

export function classroomResults(
  results: Results,
  graded: Graded,
  lang: Lang,
  testCode: string,
  storyMax = STORY_MAX_BYTES,
) {
  const tests = platformTests(results, graded, lang, false, storyMax).map((test) => ({
    name: `${test.id}: ${test.title}`,
    status: test.cell === 'fail' ? 'fail' : test.cell === 'error' ? 'error' : 'pass',
    score: test.score,
    message: test.cell === 'fail' ? test.story : test.message || null,
    test_code: testCode,
    filename: graded.file ?? '',
    line_no: 0,
    execution_time: `${(test.durationMs / 1000).toFixed(2)}s`,
  }));
  return {
    version: 1,
    status: !graded.report ? 'error' : tests.some((test) => test.status === 'fail') ? 'fail' : 'pass',
    max_score: scoreOf(results, graded).max,
    tests,
  };
}

/** The step output's line: result=<base64 of the JSON>, inside the 1 MB a step output may be. */
export function classroomOutputLine(results: Results, graded: Graded, lang: Lang, testCode: string): string {
  return fitting((storyMax) => {
    const json = JSON.stringify(classroomResults(results, graded, lang, testCode, storyMax));
    return `result=${Buffer.from(json, 'utf8').toString('base64')}\n`;
  });
}

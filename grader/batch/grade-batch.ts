// Grade a class: every submission on the same stage and the same traffic, several at a time, each cut
// off at its time cap, so that no hanging or hostile one holds up the rest for longer than that.
import type { Stage } from '../course/catalogue.ts';
import { defaultJobs, type GradeOptions, grade } from '../engine/grade.ts';
import { mapPool } from '../engine/pool.ts';
import { t } from '../i18n/t.ts';
import type { Graded, Results } from '../report/formats/graded.ts';
import type { Submission } from './discover.ts';

export interface BatchOptions extends Omit<GradeOptions, 'jobs' | 'onResult' | 'seed'> {
  seed: number;
  /** Submissions graded at once. */
  jobs: number;
  /** Called as each submission is graded, in the order they finish. */
  onGraded?: (graded: Graded, done: number, total: number) => void;
}

export async function gradeBatch(
  stage: Stage,
  submissions: readonly Submission[],
  options: BatchOptions,
): Promise<Results> {
  const startedAt = new Date();
  const started = performance.now();
  const { jobs, onGraded, ...gradeOptions } = options;
  // Servers at once across the batch stay near what one grade would run by itself.
  const serversEach = Math.max(4, Math.ceil(defaultJobs(options.env) / jobs));
  const stops: Promise<void>[] = [];
  let done = 0;
  const graded = await mapPool(submissions, jobs, async (submission): Promise<Graded> => {
    const base = {
      name: submission.name,
      how: submission.how,
      ...(submission.file ? { file: `${submission.name}/${submission.file}` } : {}),
    };
    let result: Graded;
    if (!submission.launch) result = { ...base, ...(submission.error ? { error: submission.error } : {}) };
    else {
      try {
        const report = await grade(stage, submission.launch, { ...gradeOptions, jobs: serversEach });
        stops.push(report.stopped);
        result = { ...base, report };
      } catch (err) {
        // One submission that trips a grader bug must not cost the class its results: say so in its row.
        const reason = (err as Error).message;
        result = {
          ...base,
          error: t('batch.grader-failed', { reason }),
        };
      }
    }
    onGraded?.(result, ++done, submissions.length);
    return result;
  });
  await Promise.all(stops);
  return { stage, seed: options.seed, graded, durationMs: Math.round(performance.now() - started), startedAt };
}

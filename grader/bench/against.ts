// npm run bench -- --against <folder>: the same grades on another checkout of the lab (an older commit, a
// branch), taken in turns with this one's, so that whether a change made grading faster or slower is
// measured on one machine at one time. Both are run as a learner runs them, through npm: a checkout of
// any age has `npm run grade -- <stage> --solution`, whatever its grader's entry was then.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runTimed, type Spread, spread } from './measure.ts';

export interface AgainstRow {
  stage: string;
  here: Spread;
  there: Spread;
  /** here ÷ there − 1: below 0, this checkout grades faster. */
  change: number;
}

/** Why `folder` can't be graded from, in plain words; null when it can. */
export function notACheckout(folder: string): string | null {
  if (!existsSync(join(folder, 'package.json'))) return `${folder} has no package.json: give a checkout of the lab`;
  if (!existsSync(join(folder, 'node_modules')))
    return `${folder} has no node_modules: run npm ci there first (or link this checkout's)`;
  return null;
}

/** The stages both checkouts have a reference solution for. */
export function sharedStages(here: string, there: string, stages: readonly string[]): string[] {
  return stages.filter((id) => existsSync(join(there, 'solutions', id)) && existsSync(join(here, 'solutions', id)));
}

/** One passing grade through npm, its wall time; a grade that does not pass is a broken comparison. */
async function gradeOnce(folder: string, stage: string): Promise<number> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // npm tells a script where it was started (INIT_CWD): there, not where the bench was.
  const { INIT_CWD: _, ...env } = process.env;
  const run = await runTimed(npm, ['run', 'grade', '--', stage, '--solution'], env, folder);
  if (run.code !== 0) throw new Error(`${stage}: the reference solution failed in ${folder} (exit ${run.code})`);
  return run.ms;
}

/** `runs` grades of each stage in each checkout, the two taking turns at going first. */
export async function compareCheckouts(
  here: string,
  there: string,
  stages: readonly string[],
  runs: number,
  progress: (line: string) => void,
): Promise<AgainstRow[]> {
  const rows: AgainstRow[] = [];
  for (const stage of stages) {
    progress(`${stage}: here and ${there}, in turns (${runs} runs each)…`);
    const times: Record<'here' | 'there', number[]> = { here: [], there: [] };
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? (['here', 'there'] as const) : (['there', 'here'] as const);
      for (const side of order) times[side].push(await gradeOnce(side === 'here' ? here : there, stage));
    }
    const [a, b] = [spread(times.here), spread(times.there)];
    rows.push({ stage, here: a, there: b, change: a.median / b.median - 1 });
  }
  return rows;
}

// What a learner has done, remembered between runs in a small git-ignored file: each stage's attempts,
// best and last result, and how far down each property's hint ladder they have asked to go. The learner's
// own stage files are kept apart from every other subject graded (--file, --cmd, --solution): those climb
// ladders of their own and never count as the learner's progress.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ROOT } from '../course/catalogue.ts';
import { leadsAsIds, othersApart } from './migrate.ts';
import { MINE, type Subject } from './subject.ts';

export interface Result {
  held: number;
  total: number;
  failing: string[];
  at: string;
}

/** How far down each property's hint ladder a subject has been taken, on one stage. */
export interface HintLadders {
  /** How many hints of each property the learner has seen (at least the first, once it failed). */
  hintsShown: Record<string, number>;
  /**
   * The id of the first hint each property's ladder was climbed from: another cause starts its ladder
   * anew. (Files from before ids hold its English words: see migrate.ts.)
   */
  hintLeads?: Record<string, string>;
}

export interface StageProgress extends HintLadders {
  attempts: number;
  best?: Result;
  last?: Result;
  passedAt?: string;
}

export interface Progress {
  version: 1;
  /** The learner's own stage files, by stage. */
  stages: Record<string, StageProgress>;
  /**
   * The ladders of every other subject, by subject (see subject.ts), then stage. Optional, and the
   * version unchanged: a file from before holds only `stages`, the learner's own, and still loads as is
   * (in an older grader too).
   */
  others?: Record<string, Record<string, HintLadders>>;
}

export const PROGRESS_ENV = 'SOCKET_LAB_PROGRESS';

export function progressFile(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env[PROGRESS_ENV] ?? resolve(ROOT, '.socket-lab/progress.json'));
}

const empty = (): Progress => ({ version: 1, stages: {} });

/** The remembered progress; a missing or unreadable file is a fresh start, never an error. */
export function loadProgress(file: string = progressFile()): Progress {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Progress;
    return parsed.version === 1 && typeof parsed.stages === 'object' ? othersApart(leadsAsIds(parsed)) : empty();
  } catch {
    return empty();
  }
}

export function saveProgress(progress: Progress, file: string = progressFile()): void {
  mkdirSync(dirname(file), { recursive: true });
  // Write aside, then rename: a grade interrupted mid-write never leaves half a file.
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, `${JSON.stringify(progress, null, 2)}\n`);
  renameSync(aside, file);
}

export function stageProgress(progress: Progress, stage: string): StageProgress {
  progress.stages[stage] ??= { attempts: 0, hintsShown: {} };
  return progress.stages[stage];
}

/** The hint ladders one subject climbs on one stage: the learner's own are their stage's progress. */
export function hintLadders(progress: Progress, stage: string, subject: Subject): HintLadders {
  if (subject === MINE) return stageProgress(progress, stage);
  progress.others ??= {};
  progress.others[subject] ??= {};
  progress.others[subject][stage] ??= { hintsShown: {} };
  return progress.others[subject][stage];
}

/** Remember one grade of the learner's own server. */
export function recordResult(progress: Progress, stage: string, result: Result): void {
  const entry = stageProgress(progress, stage);
  entry.attempts += 1;
  entry.last = result;
  if (!entry.best || result.held > entry.best.held) entry.best = result;
  if (result.failing.length === 0) entry.passedAt ??= result.at;
}

// What a learner has done, remembered between runs in a small git-ignored file: each stage's attempts,
// best and last result, and how far down each property's hint ladder they have asked to go.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ROOT } from '../course/catalogue.ts';
import { leadsAsIds } from './migrate.ts';

export interface Result {
  held: number;
  total: number;
  failing: string[];
  at: string;
}

export interface StageProgress {
  attempts: number;
  best?: Result;
  last?: Result;
  passedAt?: string;
  /** How many hints of each property the learner has seen (at least the first, once it failed). */
  hintsShown: Record<string, number>;
  /**
   * The id of the first hint each property's ladder was climbed from: another cause starts its ladder
   * anew. (Files from before ids hold its English words: see migrate.ts.)
   */
  hintLeads?: Record<string, string>;
}

export interface Progress {
  version: 1;
  stages: Record<string, StageProgress>;
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
    return parsed.version === 1 && typeof parsed.stages === 'object' ? leadsAsIds(parsed) : empty();
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

/** Remember one grade of the learner's own server. */
export function recordResult(progress: Progress, stage: string, result: Result): void {
  const entry = stageProgress(progress, stage);
  entry.attempts += 1;
  entry.last = result;
  if (!entry.best || result.held > entry.best.held) entry.best = result;
  if (result.failing.length === 0) entry.passedAt ??= result.at;
}

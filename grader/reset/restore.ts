// `npm run reset`: put a stage's starter back, after saving the learner's file beside it. Their file is
// copied first, to a name no one else uses, and the starter written aside and renamed over: whatever
// stops the command midway, their work is never lost.
import { constants, copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Stage } from '../course/catalogue.ts';
import { isStarter, STARTER_BLOBS, starterFromGit } from './starters.ts';

export type Outcome =
  | { kind: 'restored'; file: string; saved: string }
  | { kind: 'was-missing'; file: string }
  | { kind: 'untouched'; file: string }
  | { kind: 'no-starter'; file: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** 20260301-142501, local time: the learner's clock, in an order `ls` sorts. */
function stamp(at: Date): string {
  const day = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  return `${day}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

/**
 * Copy `file` to `server.ts.<stamp>.bak` beside it, never over an existing file. `.bak`: the grader,
 * tsc and Biome ignore it, so a saved file breaks neither the typecheck nor the lint.
 */
function saveBeside(file: string, at: Date): string {
  for (let n = 1; ; n++) {
    const saved = `${file}.${stamp(at)}${n > 1 ? `-${n}` : ''}.bak`;
    try {
      copyFileSync(file, saved, constants.COPYFILE_EXCL);
      return saved;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/** Reset `stage` in the course at `root`. Paths in the outcome are relative to `root`. */
export function reset(root: string, stage: Stage, at: Date = new Date()): Outcome {
  const file = resolve(root, stage.starter);
  const shown = (path: string) => relative(root, path);
  const id = STARTER_BLOBS[stage.id];
  const present = existsSync(file);
  if (id && present && isStarter(readFileSync(file), id)) return { kind: 'untouched', file: shown(file) };
  const starter = id ? starterFromGit(root, id) : null;
  if (!starter) return { kind: 'no-starter', file: shown(file) };
  const saved = present ? saveBeside(file, at) : undefined;
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, starter);
  renameSync(aside, file);
  return saved
    ? { kind: 'restored', file: shown(file), saved: shown(saved) }
    : { kind: 'was-missing', file: shown(file) };
}

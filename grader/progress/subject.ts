// Whose hint ladders a grade climbs. The learner's own stage file is "mine"; any other subject (a
// classmate's file, a Python server through --cmd, the reference solution) has ladders of its own, named
// as the learner would name it, so hints seen while grading it never climb the learner's.
import { isAbsolute, relative, resolve } from 'node:path';
import type { SubjectChoice } from '../cli/args.ts';
import { ROOT, type Stage } from '../course/catalogue.ts';

export const MINE = 'mine';

/** `MINE`, or a subject's label: `--file <path>`, `--cmd "<command>" in <folder>`, `--solution`. */
export type Subject = string;

/** Paths inside the repository as the learner sees them, from its root; others in full. */
function fromRoot(path: string): string {
  const inside = relative(ROOT, path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside || '.';
}

/** `cwd`: where the learner ran the command (a --file path and a --cmd are taken from there). */
export function subjectOf(stage: Stage, choice: SubjectChoice, cwd: string): Subject {
  switch (choice.kind) {
    case 'starter':
      return MINE;
    case 'solution':
      return '--solution';
    case 'file': {
      const file = resolve(cwd, choice.path);
      // Their own stage file, named with --file, is still theirs.
      return file === resolve(ROOT, stage.starter) ? MINE : `--file ${fromRoot(file)}`;
    }
    case 'cmd':
      // The same command in another folder runs another server.
      return `--cmd ${JSON.stringify(choice.command)} in ${fromRoot(resolve(cwd))}`;
  }
}

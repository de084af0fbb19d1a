// Where each platform puts a submission and wants its results: the three platforms as data.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Lang } from '../i18n/text.ts';
import { classroomOutputLine } from '../report/formats/github-classroom.ts';
import type { Graded, Results } from '../report/formats/graded.ts';
import { gradescopeJson } from '../report/formats/gradescope.ts';
import { prairielearnJson } from '../report/formats/prairielearn.ts';
import type { EngineId } from './engine-ids.ts';

export interface Written {
  /** Where the result went, to say so. */
  path: string;
  /** What to print on stdout, when the result has nowhere else to go. */
  stdout?: string;
}

export interface Engine {
  /** The platform's name, as its users write it. */
  name: string;
  /** The platform's own folder, when --engine-root doesn't say. */
  defaultRoot: (env: NodeJS.ProcessEnv, cwd: string) => string;
  /** Where the platform puts the student's files. */
  submission: (root: string) => string;
  /** Write the result where the platform reads it. `again` is the command that replays this grade. */
  write: (results: Results, graded: Graded, lang: Lang, root: string, env: NodeJS.ProcessEnv, again: string) => Written;
}

function put(path: string, text: string): Written {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return { path };
}

export const ENGINES: Readonly<Record<EngineId, Engine>> = {
  // /autograder/submission in, /autograder/results/results.json out; run_autograder runs in /autograder.
  gradescope: {
    name: 'Gradescope',
    defaultRoot: () => '/autograder',
    submission: (root) => join(root, 'submission'),
    write: (results, graded, lang, root) =>
      put(join(root, 'results', 'results.json'), gradescopeJson(results, graded, lang)),
  },
  // /grade/student in, /grade/results/results.json out.
  prairielearn: {
    name: 'PrairieLearn',
    defaultRoot: () => '/grade',
    submission: (root) => join(root, 'student'),
    write: (results, graded, lang, root) =>
      put(join(root, 'results', 'results.json'), prairielearnJson(results, graded, lang)),
  },
  // The checked-out repository in, the step output `result` out (the file GITHUB_OUTPUT names).
  'github-classroom': {
    name: 'GitHub Classroom',
    defaultRoot: (env, cwd) => env.GITHUB_WORKSPACE || cwd,
    submission: (root) => root,
    write: (results, graded, lang, _root, env, again) => {
      const line = classroomOutputLine(results, graded, lang, again);
      const output = env.GITHUB_OUTPUT;
      if (!output) return { path: 'stdout', stdout: line };
      appendFileSync(output, line);
      return { path: output };
    },
  },
};

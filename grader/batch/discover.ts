// A class's submissions: each subfolder of the batch folder is one, run the way its files say.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Stage } from '../course/catalogue.ts';
import { SubjectError, UsageError } from '../engine/errors.ts';
import { joined, t } from '../i18n/t.ts';
import type { Text } from '../i18n/text.ts';
import { isStarter, STARTER_BLOBS } from '../reset/starters.ts';
import { commandLaunch, fileLaunch, type Launch } from '../subject/launch.ts';

export interface Submission {
  name: string;
  folder: string;
  /** How it is run; absent when the folder holds nothing the grader can run. */
  launch?: Launch;
  /** The run file's command, or the server file's name. */
  how: string;
  /** The file graded (the server file, or the run file), relative to the submission's folder. */
  file?: string;
  error?: Text;
}

/** What a submission may hold, in the order they are looked for: an explicit command first. */
export const RUN_FILE = 'run';
export const SERVER_FILES = ['server.ts', 'server.js', 'server.mjs', 'server.py'];

export function discover(batchFolder: string, stage?: Stage): Submission[] {
  const folder = resolve(batchFolder);
  if (!existsSync(folder)) {
    throw new UsageError(t('batch.no-folder', { folder }));
  }
  if (!statSync(folder).isDirectory()) {
    throw new UsageError(t('batch.is-file', { folder }));
  }
  const names = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) {
    throw new UsageError(t('batch.no-subfolders', { folder }));
  }
  return names.map((name) => submissionIn(name, join(folder, name), stage));
}

/**
 * What a submission's folder holds to run: a run file or a server file in it; else, a whole copy of the
 * lab (a repository uploaded as it is) holds the learner's work in stages/<stage>/; else the same one
 * folder down (a folder zipped with its files in it). Several candidates one level down is an error.
 */
export function submissionIn(name: string, folder: string, stage?: Stage): Submission {
  const here = runnableIn(name, folder, '');
  if (here) return here;
  const inStages = stage ? stageFileIn(name, folder, stage, '') : undefined;
  if (inStages) return inStages;
  const found = subfolders(folder)
    .map(
      (sub) =>
        runnableIn(name, join(folder, sub), `${sub}/`) ??
        (stage ? stageFileIn(name, join(folder, sub), stage, `${sub}/`) : undefined),
    )
    .filter((s) => s !== undefined);
  const [only] = found;
  if (only && found.length === 1) return only;
  if (found.length > 1) {
    return {
      name,
      folder,
      how: '',
      error: t('engine.several', {
        found: joined(
          found.map((s) => s.file ?? s.how),
          'sep.list',
        ),
      }),
    };
  }
  const expected = [RUN_FILE, ...SERVER_FILES];
  if (!stage)
    return { name, folder, how: '', error: t('batch.nothing-to-run', { expected: joined(expected, 'sep.list') }) };
  // What is there instead, so that a server.py a browser saved as "server (1).py" is seen for what it is.
  const held = readdirSync(folder).filter((entry) => !entry.startsWith('.'));
  if (held.length === 0) return { name, folder, how: '', error: t('engine.no-folder') };
  const shown = held.length > 8 ? [...held.slice(0, 8), '…'] : held;
  return {
    name,
    folder,
    how: '',
    error: t('engine.nothing-to-run', {
      expected: joined(expected, 'sep.list'),
      stage: stage.id,
      found: joined(shown, 'sep.list'),
    }),
  };
}

/** Visible subfolders, in name order: not dot folders, node_modules, or the __MACOSX a Mac's zip adds. */
function subfolders(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules' && e.name !== '__MACOSX')
    .map((e) => e.name)
    .sort();
}

/**
 * The learner's server in a copy of the lab: stages/<stage>/ holds the TypeScript starter and, for a
 * Python learner, their server.py. A file still byte for byte the starter is what they did not touch.
 */
function stageFileIn(name: string, folder: string, stage: Stage, prefix: string): Submission | undefined {
  const dir = join(folder, 'stages', stage.id);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return undefined;
  const starterId = STARTER_BLOBS[stage.id];
  const files = SERVER_FILES.filter((file) => existsSync(join(dir, file)));
  const touched = files.filter((file) => !starterId || !isStarter(readFileSync(join(dir, file)), starterId));
  return runnableIn(name, dir, `${prefix}stages/${stage.id}/`, touched.length > 0 ? touched : files);
}

/** A run file or the first server file in this folder, or undefined: `prefix` is the folder's path in the submission. */
function runnableIn(name: string, folder: string, prefix: string, servers = SERVER_FILES): Submission | undefined {
  const runFile = join(folder, RUN_FILE);
  if (existsSync(runFile) && statSync(runFile).isFile()) {
    // One command line; blank lines and # comments (a shebang, say) around it are fine.
    const lines = readFileSync(runFile, 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    const [command] = lines;
    if (lines.length !== 1 || command === undefined) {
      return {
        name,
        folder,
        how: RUN_FILE,
        file: `${prefix}${RUN_FILE}`,
        error: t('batch.run-file-lines', { lines: lines.length }),
      };
    }
    return {
      name,
      folder,
      how: `run: ${command}`,
      file: `${prefix}${RUN_FILE}`,
      launch: commandLaunch(command, folder),
    };
  }
  for (const file of servers) {
    const path = join(folder, file);
    if (!existsSync(path)) continue;
    const shown = `${prefix}${file}`;
    try {
      return { name, folder, how: shown, file: shown, launch: fileLaunch(path, folder) };
    } catch (err) {
      if (!(err instanceof SubjectError)) throw err;
      return { name, folder, how: shown, file: shown, error: err.text };
    }
  }
  return undefined;
}

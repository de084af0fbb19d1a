// A class's submissions: each subfolder of the batch folder is one, run the way its files say.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SubjectError, UsageError } from '../engine/errors.ts';
import { joined, t } from '../i18n/t.ts';
import type { Text } from '../i18n/text.ts';
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

export function discover(batchFolder: string): Submission[] {
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
  return names.map((name) => submissionIn(name, join(folder, name)));
}

function submissionIn(name: string, folder: string): Submission {
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
        error: t('batch.run-file-lines', { lines: lines.length }),
      };
    }
    return { name, folder, how: `run: ${command}`, file: RUN_FILE, launch: commandLaunch(command, folder) };
  }
  for (const file of SERVER_FILES) {
    const path = join(folder, file);
    if (!existsSync(path)) continue;
    try {
      return { name, folder, how: file, file, launch: fileLaunch(path, folder) };
    } catch (err) {
      if (!(err instanceof SubjectError)) throw err;
      return { name, folder, how: file, file, error: err.text };
    }
  }
  const expected = [RUN_FILE, ...SERVER_FILES];
  return {
    name,
    folder,
    how: '',
    error: t('batch.nothing-to-run', { expected: joined(expected, 'sep.list') }),
  };
}

// Which program is graded, and how to start it: a file run by the runner for its extension, or a
// shell command. `{port}` in either is replaced by the server's port; PORT is always in its environment.
import { existsSync, statSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { SubjectError } from '../engine/errors.ts';
import { t } from '../i18n/t.ts';

export interface Launch {
  /** How reports name the subject: a path relative to where the grader was started, or the command. */
  label: string;
  cwd: string;
  /** With `shell`, `command` is one shell command line; otherwise an executable run with `args`. */
  shell: boolean;
  command: string;
  args: string[];
  /** A TypeScript file the grader may compile once and run with plain Node (see compile.ts). */
  typescript?: string;
  /** What runs it, as far as can be told: hints name the APIs of the learner's own language. */
  runtime: Runtime;
}

export type Runtime = 'node' | 'python' | 'other';

/** The runtime a shell command starts, guessed from its words: python3 x.py, node x.js, npx tsx x.ts. */
export function runtimeOf(command: string): Runtime {
  if (/\bpython[\d.]*\b|\.py\b/.test(command)) return 'python';
  if (/\b(node|tsx|npx|npm|deno|bun)\b|\.[cm]?[jt]s\b/.test(command)) return 'node';
  return 'other';
}

// `--import tsx` would resolve from the subject's folder, which may have no node_modules: use our own.
const TSX = import.meta.resolve('tsx');

const RUNNERS: Record<string, (file: string) => { command: string; args: string[] }> = {
  '.ts': (file) => ({ command: process.execPath, args: ['--import', TSX, file] }),
  '.mts': (file) => ({ command: process.execPath, args: ['--import', TSX, file] }),
  '.js': (file) => ({ command: process.execPath, args: [file] }),
  '.mjs': (file) => ({ command: process.execPath, args: [file] }),
  '.cjs': (file) => ({ command: process.execPath, args: [file] }),
  '.py': (file) => ({ command: 'python3', args: ['-u', file] }),
};

export const FILE_EXTENSIONS = Object.keys(RUNNERS);

/** Where the learner ran the command: npm moves us to the package root but remembers it in INIT_CWD. */
export function userCwd(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD ?? process.cwd();
}

export function fileLaunch(path: string, base: string = userCwd()): Launch {
  const file = resolve(base, path);
  const label = relative(base, file) || file;
  if (!existsSync(file)) {
    throw new SubjectError(t('launch.no-file', { file, base }));
  }
  if (!statSync(file).isFile()) {
    throw new SubjectError(t('launch.is-folder', { file }));
  }
  const runner = RUNNERS[extname(file).toLowerCase()];
  if (!runner) {
    const known = FILE_EXTENSIONS.join(' ');
    throw new SubjectError(t('launch.unknown-kind', { label, known }));
  }
  const typescript = /\.m?ts$/i.test(file) ? { typescript: file } : {};
  const runtime: Runtime = extname(file).toLowerCase() === '.py' ? 'python' : 'node';
  return {
    label: file.startsWith(base) ? label : file,
    cwd: resolve(file, '..'),
    shell: false,
    ...runner(file),
    ...typescript,
    runtime,
  };
}

export function commandLaunch(command: string, cwd: string = userCwd()): Launch {
  if (command.trim() === '') {
    throw new SubjectError(t('launch.empty-command'));
  }
  return { label: command, cwd, shell: true, command, args: [], runtime: runtimeOf(command) };
}

export function withPort(launch: Launch, port: number): Launch {
  const fill = (s: string) => s.replaceAll('{port}', String(port));
  return { ...launch, command: fill(launch.command), args: launch.args.map(fill) };
}

/** Run the compiled form of a TypeScript subject with plain Node, its stack traces mapped to the source. */
export function compiledLaunch(launch: Launch, compiled: string): Launch {
  return { ...launch, command: process.execPath, args: ['--enable-source-maps', compiled] };
}

// autograder.zip for Gradescope: setup.sh and run_autograder at the zip's root (as the spec asks), with
// the lab beside them; Gradescope unpacks it to /autograder/source.
import { type Zippable, zipSync } from 'fflate';
import { labFiles, template } from './lab-files.ts';

/** The zip's bytes; `args` are the grade's words (stage and flags), shell-quoted, baked into run_autograder. */
export function gradescopeZip(root: string, args: string): Uint8Array {
  const entries: Zippable = {};
  // Unix modes in the zip: run_autograder must stay executable once unpacked.
  const add = (path: string, bytes: Uint8Array, mode: number) => {
    entries[path] = [bytes, { os: 3, attrs: ((0o100000 | mode) << 16) >>> 0, mtime: new Date(2026, 0, 1) }];
  };
  for (const file of labFiles(root)) add(file.path, file.bytes, file.mode);
  add('setup.sh', Buffer.from(template('setup.sh', {})), 0o755);
  add('run_autograder', Buffer.from(template('run_autograder', { ARGS: args })), 0o755);
  return zipSync(entries, { level: 9 });
}

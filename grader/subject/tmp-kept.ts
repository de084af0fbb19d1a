// What a sandboxed server still sees of /tmp. The sandbox gives it a fresh, empty /tmp, because the
// machine's holds the local sockets through which a program acts as the user (tmux's, ssh-agent's, an
// editor's), which a read-only mount does not stop: connect() is not a write. Shown in it again, read-only
// but for the server's own two: the folders under /tmp that its launch names, the lab's own code (the
// helper, tsx) and the folders of its PATH and of Node.
import { realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Launch } from './launch.ts';

/** The lab's folder: this file is two folders deep in it, and so is the bundle (see bundle/run.mjs). */
const LAB = resolve(import.meta.dirname, '../..');

/** The paths a word of a command names: `/x/y`, `--flag=/x/y`, `VAR=/x:/y`, `file:///x/y`. */
export function pathsIn(word: string): string[] {
  const value = word.replace(/^[^=/]*=/, '').replace(/^['"]|['"]$/g, '');
  if (value.startsWith('file://')) {
    try {
      return [fileURLToPath(value)];
    } catch {
      return [];
    }
  }
  return value.split(':').filter((part) => part.startsWith('/'));
}

/** The machine's /tmp as the kernel finds it (a link followed); null where there is none. */
export function tmpFolder(): string | null {
  return folderOf('/tmp');
}

/** A path as the kernel finds it, as a folder (a file's own folder); null if it isn't there. */
function folderOf(path: string): string | null {
  try {
    const real = realpathSync(path);
    return statSync(real).isDirectory() ? real : dirname(real);
  } catch {
    return null;
  }
}

/**
 * The folders under `tmp` (the machine's /tmp, as the kernel finds it) to show again in a sandbox whose
 * servers run `launch` from `own` with `scratch` as their TMPDIR: none inside another.
 */
export function keptInTmp(
  launch: Pick<Launch, 'command' | 'args' | 'shell'>,
  own: string,
  scratch: string,
  tmp = tmpFolder(),
  path = process.env.PATH ?? '',
): string[] {
  if (tmp === null) return [];
  const words = launch.shell ? launch.command.split(/\s+/) : [launch.command, ...launch.args];
  const named = [own, scratch, LAB, process.execPath, ...path.split(delimiter), ...words.flatMap(pathsIn)];
  const under = (dir: string, parent: string) =>
    dir === parent || dir.startsWith(parent === sep ? sep : `${parent}${sep}`);
  const folders = [...new Set(named.map(folderOf).filter((dir): dir is string => dir !== null && under(dir, tmp)))];
  return folders.filter((dir) => !folders.some((other) => other !== dir && under(dir, other))).sort();
}

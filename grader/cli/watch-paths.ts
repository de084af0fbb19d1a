// Which paths under a watched folder are the learner's (not installed packages, git's or the grader's own
// files, hidden files, editors' backups and swap files), and the folder's tree of them, bounded.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

const IGNORED = /(^|[/\\])(node_modules|\.git|\.socket-lab)([/\\]|$)|(^|[/\\])\.[^/\\]*$|~$|\.swp$/;

/** A --cmd run from a big folder must not cost a walk of all of it: past this many entries, no more. */
export const MAX_ENTRIES = 2000;

export function ignored(root: string, path: string): boolean {
  return IGNORED.test(relative(root, path));
}

export interface Tree {
  dirs: string[];
  files: string[];
}

/** The folders (`from` first) and files under `from`, skipping ignored paths and not following links. */
export async function listTree(root: string, from: string = root): Promise<Tree> {
  const tree: Tree = { dirs: [from], files: [] };
  let seen = 0;
  for (const dir of tree.dirs) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (ignored(root, path)) continue;
      if (++seen > MAX_ENTRIES) return tree;
      if (entry.isDirectory()) tree.dirs.push(path);
      else tree.files.push(path);
    }
  }
  return tree;
}

// Saves announced by the system: each of the folder's directories watched on its own. Not Node's
// recursive fs.watch: on Linux (Node 20) it watches every file's inode, so a save that replaces the file
// (sed -i, an editor's safe write: write beside, rename over) leaves it watching the old, deleted inode,
// and every later save of that file goes unseen. A directory keeps its inode across such saves, and
// reports each name written, created or renamed into it.
import { type FSWatcher, watch } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { ignored, listTree } from './watch-paths.ts';

export interface Watching {
  close(): void;
}

/** Resolves once every directory is watched; rejects if the system refuses a watch (say, ENOSPC). */
export async function watchEvents(root: string, onSave: () => void): Promise<Watching> {
  const watchers = new Map<string, FSWatcher>();
  let closed = false;

  const drop = (path: string): void => {
    for (const [dir, watcher] of watchers) {
      if (dir === path || dir.startsWith(path + sep)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
  };

  const arm = (dir: string): void => {
    if (closed || watchers.has(dir)) return;
    const watcher = watch(dir, (event, name) => {
      const path = name ? join(dir, String(name)) : dir;
      if (name && ignored(root, path)) return;
      if (event === 'rename' && path !== dir) void rearm(path);
      onSave();
    });
    watcher.on('error', () => drop(dir)); // the directory is gone
    watchers.set(dir, watcher);
  };

  // A name came, went or was replaced: a directory there is watched afresh, with its tree.
  const rearm = async (path: string): Promise<void> => {
    drop(path);
    const isDir = await lstat(path).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) return;
    for (const dir of (await listTree(root, path)).dirs) {
      try {
        arm(dir);
      } catch {
        // gone meanwhile, or over the system's limit: the folders already watched still are
      }
    }
  };

  const close = (): void => {
    closed = true;
    drop(root);
  };
  try {
    for (const dir of (await listTree(root)).dirs) arm(dir);
  } catch (err) {
    close();
    throw err;
  }
  return { close };
}

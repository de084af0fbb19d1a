// Saves found by looking, where the system announces none: every half second, the size, times and inode
// of each of the folder's files (bounded by listTree). An inode catches a save that replaces the file.
import { stat } from 'node:fs/promises';
import type { Watching } from './watch-events.ts';
import { listTree } from './watch-paths.ts';

export const POLL_MS = 500;

async function look(root: string): Promise<string> {
  const { files } = await listTree(root);
  const marks = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (s) => `${file}\0${s.size}\0${s.mtimeMs}\0${s.ctimeMs}\0${s.ino}`,
        () => '',
      ),
    ),
  );
  return marks.join('\n');
}

/** Resolves once the files are known, so a save from then on is found. */
export async function pollForSaves(root: string, onSave: () => void): Promise<Watching> {
  let last = await look(root);
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  // Each look is scheduled when the last is done, so a slow drive never has two at once.
  const next = (): void => {
    timer = setTimeout(async () => {
      const now = await look(root);
      if (closed) return;
      if (now !== last) onSave();
      last = now;
      next();
    }, POLL_MS);
  };
  next();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}

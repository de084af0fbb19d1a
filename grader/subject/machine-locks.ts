// Things several graders on one machine must not take at once (a watch beside a manual grade, parallel
// CI jobs, a batch): a port, a place among the servers starting. Each is a file created exclusively in
// $TMPDIR/socket-lab-<kind>/, holding the pid of the grader that holds it; a file whose grader is gone
// is stale, and taken over.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const held = new Map<string, Set<string>>();

export function lockFolder(kind: string): string {
  return join(tmpdir(), `socket-lab-${kind}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take `name` of `kind` for this process, unless a live grader holds it. */
export function claim(kind: string, name: string): boolean {
  const folder = lockFolder(kind);
  const lock = join(folder, name);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(folder, { recursive: true });
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.set(kind, (held.get(kind) ?? new Set()).add(name));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return true; // no folder to be had: go without
      let owner = 0;
      try {
        owner = Number(readFileSync(lock, 'utf8'));
      } catch {
        // removed meanwhile: try again
      }
      if (owner > 0 && alive(owner)) return false;
      try {
        unlinkSync(lock); // stale: its grader is gone
      } catch {
        // someone else removed it first
      }
    }
  }
  return false;
}

/** Give `name` back. */
export function release(kind: string, name: string): void {
  if (!held.get(kind)?.delete(name)) return;
  try {
    unlinkSync(join(lockFolder(kind), name));
  } catch {
    // already gone
  }
}

/** Give back everything still held: at exit, and before an end by signal, which runs no exit handler. */
export function releaseAll(): void {
  for (const [kind, names] of held) for (const name of [...names]) release(kind, name);
}
process.on('exit', releaseAll);

// Folders the grader makes in $TMPDIR for a while (a compiled server, a sandboxed server's temporary
// folder), named after this process so that what a grader leaves behind can be told apart (and tested
// for). Every one is removed when its user is done, and whatever is left at an exit (Ctrl-C ends with
// process.exit(), past any finally) or before an end by signal, synchronously.
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pending = new Set<string>();

/** A new folder, made and registered in one step: an end by signal can't fall between the two. */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), `socket-lab-${process.pid}-`));
  pending.add(dir);
  return dir;
}

/** Whether `dir` is still wanted: false once removed, or once the grader is ending. */
export function scratchKept(dir: string): boolean {
  return pending.has(dir);
}

export async function removeScratch(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  pending.delete(dir);
}

/** Remove every folder not yet removed, synchronously: for exits past any finally. */
export function removeScratchNow(): void {
  for (const dir of pending) rmSync(dir, { recursive: true, force: true });
  pending.clear();
}
process.on('exit', removeScratchNow);

// Resident memory of running servers, process group by process group. One sampler serves them all:
// every SAMPLE_MS it sums each watched group's resident size, and it runs only while some group is
// watched. A server over its cap is stopped by its watcher (see process.ts).
import { HAS_PROC, processCount, residentByGroup, residentOfLeader } from './procfs.ts';

const SAMPLE_MS = 100;
const watchers = new Map<number, (bytes: number) => void>();
let timer: NodeJS.Timeout | null = null;

/** Resident bytes of a server's process group right now (null where /proc can't tell). */
export function residentBytes(group: number): number | null {
  if (!HAS_PROC) return null;
  return residentOfLeader(group) ?? residentByGroup().get(group) ?? 0;
}

/**
 * Reads a walk of one server's tree takes (a Node server: three processes, a dozen threads, each
 * thread's children file). A pass over /proc takes one per process on the machine: with a stage's
 * servers running at once, one pass is the fewer reads, and other polls share it for a few ms.
 */
const READS_PER_TREE = 20;
const SHARED_PASS_MS = 50;

function sample(): void {
  const count = processCount();
  let all = count !== null && watchers.size * READS_PER_TREE > count ? residentByGroup(SHARED_PASS_MS) : null;
  for (const [group, watcher] of watchers) {
    if (all) {
      watcher(all.get(group) ?? 0);
      continue;
    }
    let bytes = residentOfLeader(group);
    if (bytes === null) {
      all ??= residentByGroup();
      bytes = all.get(group) ?? 0;
    }
    watcher(bytes);
  }
}

/** Call `watcher` with the group's resident bytes every SAMPLE_MS, until the returned function is called. */
export function watchMemory(group: number, watcher: (bytes: number) => void): () => void {
  if (!HAS_PROC) return () => {};
  watchers.set(group, watcher);
  if (!timer) {
    timer = setInterval(sample, SAMPLE_MS);
    timer.unref(); // a sampler never keeps the grader alive
  }
  return () => {
    watchers.delete(group);
    if (watchers.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

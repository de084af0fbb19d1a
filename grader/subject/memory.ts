// Resident memory of running servers, process group by process group. One sampler serves them all:
// every SAMPLE_MS it sums each watched group's resident size, and it runs only while some group is
// watched. A server over its cap is stopped by its watcher (see process.ts).
import { HAS_PROC, residentByGroup, residentOfLeader } from './procfs.ts';

const SAMPLE_MS = 100;
const watchers = new Map<number, (bytes: number) => void>();
let timer: NodeJS.Timeout | null = null;

/** Resident bytes of a server's process group right now (null where /proc can't tell). */
export function residentBytes(group: number): number | null {
  if (!HAS_PROC) return null;
  return residentOfLeader(group) ?? residentByGroup().get(group) ?? 0;
}

function sample(): void {
  let all: Map<number, number> | null = null;
  for (const [group, watcher] of watchers) {
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

// Resident memory of running servers, process group by process group. One sampler serves them all: a
// scan of /proc every SAMPLE_MS sums each watched group's resident size, and runs only while some
// group is watched. A server over its cap is stopped by its watcher (see process.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { HAS_PROC } from './procfs.ts';

const SAMPLE_MS = 100;
const watchers = new Map<number, (bytes: number) => void>();
let timer: NodeJS.Timeout | null = null;

/** Bytes per page, from this process's own resident size in pages and in bytes (4 KiB on most machines). */
const PAGE_BYTES = (() => {
  if (!HAS_PROC) return 4096;
  const pages = Number(readFileSync('/proc/self/statm', 'utf8').split(' ')[1]);
  const ratio = process.memoryUsage().rss / pages;
  return [4096, 16384, 65536].reduce((best, size) => (Math.abs(size - ratio) < Math.abs(best - ratio) ? size : best));
})();

/** Resident bytes of every process group that has any, from one pass over /proc. */
export function residentByGroup(): Map<number, number> {
  const sums = new Map<number, number>();
  let names: string[] = [];
  try {
    names = readdirSync('/proc');
  } catch {
    return sums;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // After the command (which may hold spaces and parens): state, ppid, pgrp, … rss is the 22nd.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const pgrp = Number(fields[2]);
    const pages = Number(fields[21]);
    if (Number.isFinite(pgrp) && Number.isFinite(pages)) sums.set(pgrp, (sums.get(pgrp) ?? 0) + pages * PAGE_BYTES);
  }
  return sums;
}

function sample(): void {
  const sums = residentByGroup();
  for (const [group, watcher] of watchers) watcher(sums.get(group) ?? 0);
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

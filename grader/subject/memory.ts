// Resident memory of running servers, process group by process group. One sampler serves them all:
// every SAMPLE_MS it sums each watched group's resident size, and it runs only while some group is
// watched. A server over its cap is stopped by its watcher (see process.ts).
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

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Fields of /proc/<pid>/stat after the command (which may hold spaces and parens): state first. */
function statFields(pid: number): string[] | null {
  const text = read(`/proc/${pid}/stat`);
  return text === null ? null : text.slice(text.lastIndexOf(')') + 2).split(' ');
}

/**
 * Resident bytes of a group whose leader still runs: the leader and its descendants still in the group,
 * found through /proc/<pid>/task/<tid>/children. A few small reads instead of a pass over all of /proc,
 * which on a busy machine costs milliseconds, ten times a second, in every grader. Null once the leader
 * is gone (its orphans are then found by the full pass).
 */
function residentOfLeader(group: number): number | null {
  const leader = statFields(group);
  if (!leader || leader[0] === 'Z' || leader[0] === 'X') return null;
  let bytes = 0;
  const stack = [group];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const fields = pid === group ? leader : statFields(pid);
    if (!fields || Number(fields[2]) !== group) continue; // gone, or left the group (and out of our reach)
    bytes += Number(fields[21]) * PAGE_BYTES;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      for (const child of (read(`/proc/${pid}/task/${tid}/children`) ?? '').split(' '))
        if (child.trim()) stack.push(Number(child));
    }
  }
  return bytes;
}

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

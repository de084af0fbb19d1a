// What Linux's /proc tells about a running server: its processes, threads, sockets and listeners.
// Every function answers "unknown" (null) where /proc can't be read, so callers can skip, not guess.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { procRootOf } from './networks.ts';

export const HAS_PROC = process.platform === 'linux' && safeRead('/proc/self/stat') !== null;

function safeRead(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function safeList(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

interface Stat {
  state: string;
  ppid: number;
  pgrp: number;
  /** CPU time, in clock ticks: its own (user + system), and that of its children it has reaped. */
  ticks: number;
  /** Resident size, in pages. */
  rssPages: number;
}

/** Clock ticks per second in /proc (USER_HZ): 100 on every Linux that Node runs on. */
const TICK_MS = 10;

/** Fields of /proc/<pid>/stat (or a task's): the command may hold spaces and parens, so split after the last ')'. */
function readStat(path: string): Stat | null {
  const text = safeRead(path);
  if (text === null) return null;
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // utime, stime, cutime, cstime: the 14th to 17th fields, counted from the pid.
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + (Number(fields[i]) || 0), 0);
  return {
    state: fields[0] ?? '?',
    ppid: Number(fields[1]),
    pgrp: Number(fields[2]),
    ticks,
    rssPages: Number(fields[21]),
  };
}

const gone = (stat: Stat) => stat.state === 'Z' || stat.state === 'X';

/**
 * Every process on the machine, by pid, from one pass over /proc. A pass reads a file per process, so
 * callers that can use one a few ms old (say `maxAgeMs`) share it: a grade watches a dozen servers, each
 * with several polls, and one pass serves them all.
 */
let table: { at: number; stats: Map<number, Stat> } | null = null;

function processTable(maxAgeMs: number): Map<number, Stat> {
  const now = performance.now();
  if (table && now - table.at <= maxAgeMs) return table.stats;
  const stats = new Map<number, Stat>();
  for (const name of safeList('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(`/proc/${name}/stat`); // null: gone meanwhile
    if (stat) stats.set(Number(name), stat);
  }
  table = { at: now, stats };
  return stats;
}

/**
 * CPU time, in ms, of this process's children that have ended and been waited for, with that of every
 * child they waited for in turn (cutime + cstime of /proc/self/stat); null without /proc.
 */
export function reapedChildrenCpuMs(): number | null {
  const text = safeRead('/proc/self/stat');
  if (text === null) return null;
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) || 0) + (Number(fields[14]) || 0)) * TICK_MS;
}

/** How many processes the last pass over /proc found (null before the first): what a pass costs, in reads. */
export function processCount(): number | null {
  return table ? table.stats.size : null;
}

/** Live (not zombie) processes of a process group, from a pass over /proc at most `maxAgeMs` old. */
export function groupMembers(pgid: number, maxAgeMs = 0): number[] {
  return groupUsage(pgid, maxAgeMs).members;
}

/**
 * A process group's live (not zombie) processes, and the CPU time it has used so far, in ms: its live
 * processes' own, that of those exited but not yet reaped, and that of every child they reaped (a
 * launcher's short-lived helpers, a shell's commands). A launcher that `exec`s its program keeps its pid,
 * and the count goes on. It only grows while the group works (a process leaving the group takes its
 * share along). From a pass over /proc at most `maxAgeMs` old.
 */
export function groupUsage(pgid: number, maxAgeMs = 0): { members: number[]; cpuMs: number } {
  const members: number[] = [];
  let ticks = 0;
  for (const [pid, stat] of processTable(maxAgeMs)) {
    if (stat.pgrp !== pgid) continue;
    ticks += stat.ticks;
    if (!gone(stat)) members.push(pid);
  }
  return { members, cpuMs: ticks * TICK_MS };
}

/** Bytes per page, from this process's own resident size in pages and in bytes (4 KiB on most machines). */
const PAGE_BYTES = (() => {
  const pages = Number(safeRead('/proc/self/statm')?.split(' ')[1]);
  if (!pages) return 4096;
  const ratio = process.memoryUsage().rss / pages;
  return [4096, 16384, 65536].reduce((best, size) => (Math.abs(size - ratio) < Math.abs(best - ratio) ? size : best));
})();

/** Resident bytes of every process group that has any, from a pass over /proc at most `maxAgeMs` old. */
export function residentByGroup(maxAgeMs = 0): Map<number, number> {
  const sums = new Map<number, number>();
  for (const stat of processTable(maxAgeMs).values()) {
    if (Number.isFinite(stat.pgrp) && Number.isFinite(stat.rssPages))
      sums.set(stat.pgrp, (sums.get(stat.pgrp) ?? 0) + stat.rssPages * PAGE_BYTES);
  }
  return sums;
}

/**
 * Resident bytes of a group whose leader still runs: the leader and its descendants still in the group,
 * found through /proc/<pid>/task/<tid>/children. A few small reads instead of a pass over all of /proc,
 * which on a busy machine costs milliseconds. Null once the leader is gone (its orphans are then found
 * by the full pass).
 */
export function residentOfLeader(group: number): number | null {
  const leader = readStat(`/proc/${group}/stat`);
  if (!leader || gone(leader)) return null;
  let bytes = 0;
  const stack = [group];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const stat = pid === group ? leader : readStat(`/proc/${pid}/stat`);
    if (!stat || stat.pgrp !== group) continue; // gone, or left the group (and out of our reach)
    bytes += stat.rssPages * PAGE_BYTES;
    for (const tid of safeList(`/proc/${pid}/task`)) {
      for (const child of (safeRead(`/proc/${pid}/task/${tid}/children`) ?? '').split(' '))
        if (child.trim()) stack.push(Number(child));
    }
  }
  return bytes;
}

/** Is any thread of these processes in one of `states` right now? Null when none could be read. */
function anyThreadIn(pids: readonly number[], states: string): boolean | null {
  let seen = false;
  for (const pid of pids) {
    for (const tid of safeList(`/proc/${pid}/task`)) {
      const stat = readStat(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      seen = true;
      if (states.includes(stat.state)) return true;
    }
  }
  return seen ? false : null;
}

/** One field of the scheduler's own accounting (/proc/<pid>/task/<tid>/schedstat: run time, wait time,
 *  slices), summed over every thread of these processes, in ms. */
function schedstatMs(pids: readonly number[], field: 0 | 1): number {
  let ns = 0;
  for (const pid of pids) {
    for (const tid of safeList(`/proc/${pid}/task`)) {
      const value = Number(safeRead(`/proc/${pid}/task/${tid}/schedstat`)?.split(' ')[field]);
      if (Number.isFinite(value)) ns += value;
    }
  }
  return ns / 1e6;
}

/**
 * Milliseconds the threads of these processes have spent waiting for a CPU (runnable, not running).
 * A server starved by a loaded machine had no chance to act meanwhile: deadlines give that time back.
 */
export const starvedMs = (pids: readonly number[]): number => schedstatMs(pids, 1);

/**
 * Running totals that never go down, one count per key (a thread, a process): a key that ends (or a
 * process that becomes a zombie, whose counts read nothing) keeps what it had. A plain sum over what is
 * alive now drops by a whole thread's count when one goes, and a measure of its growth would then be
 * wrong: a clock that subtracts it would run ahead of wall time, a rate would go negative.
 */
class Ledger {
  private readonly counts = new Map<string, number>();

  protected keep(key: string, value: number): void {
    if (Number.isFinite(value) && value > (this.counts.get(key) ?? 0)) this.counts.set(key, value);
  }

  protected total(): number {
    let sum = 0;
    for (const value of this.counts.values()) sum += value;
    return sum;
  }
}

/** A running total, in ms, of schedstat's times for these threads (/proc/<pid>/task/<tid>/schedstat). */
export class ThreadTimeLedger extends Ledger {
  /** `pick`: which of a thread's times to count, from its time on a CPU and its time waiting for one, in ns. */
  constructor(private readonly pick: (ranNs: number, waitedNs: number) => number) {
    super();
  }

  /** Read every thread of `pids` now; returns the total in ms, over every thread ever read. */
  read(pids: readonly number[]): number {
    for (const pid of pids) {
      for (const tid of safeList(`/proc/${pid}/task`)) {
        const fields = safeRead(`/proc/${pid}/task/${tid}/schedstat`)?.split(' ');
        if (fields) this.keep(`${pid}/${tid}`, this.pick(Number(fields[0]), Number(fields[1])));
      }
    }
    return this.total() / 1e6;
  }
}

/** The time these threads waited for a CPU (runnable, not running): what a server clock gives back. */
export const starvationLedger = () => new ThreadTimeLedger((_ran, waited) => waited);

/** The time these threads were runnable: on a CPU, or waiting for one. A thread that sleeps adds nothing. */
export const runnableLedger = () => new ThreadTimeLedger((ran, waited) => ran + waited);

/**
 * A running total of the bytes these processes wrote (to pipes, files and sockets alike: wchar in
 * /proc/<pid>/io), counted by the kernel as each write returns, however slowly we read what they print.
 */
export class WrittenLedger extends Ledger {
  private seen = false;

  /** Read every process of `pids` now; returns the total in bytes, or null while none could ever be read. */
  read(pids: readonly number[]): number | null {
    for (const pid of pids) {
      const line = safeRead(`/proc/${pid}/io`)
        ?.split('\n')
        .find((l) => l.startsWith('wchar:'));
      if (line === undefined) continue;
      this.seen = true;
      this.keep(String(pid), Number(line.slice('wchar:'.length)));
    }
    return this.seen ? this.total() : null;
  }
}

/** Milliseconds the threads of these processes have spent running on a CPU. */
export const ranMs = (pids: readonly number[]): number => schedstatMs(pids, 0);

/** Is any thread runnable (R: running, or waiting for a CPU)? */
export const anyRunnable = (pids: readonly number[]) => anyThreadIn(pids, 'R');

/** Is any thread working: runnable, or waiting on the disk (D)? A process starting up is. */
export const anyWorking = (pids: readonly number[]) => anyThreadIn(pids, 'RD');

/** Inodes of the sockets these processes hold open. */
export function socketInodes(pids: readonly number[]): Set<number> {
  const inodes = new Set<number>();
  for (const pid of pids) {
    for (const fd of safeList(`/proc/${pid}/fd`)) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const match = /^socket:\[(\d+)\]$/.exec(target);
      if (match) inodes.add(Number(match[1]));
    }
  }
  return inodes;
}

export interface TcpEntry {
  family: Family;
  /** Where it is bound: parsed when asked for (most polls look only at ports and queues). */
  readonly localAddress: string;
  localPort: number;
  remotePort: number;
  state: number;
  inode: number;
  /** Bytes sent and not yet acknowledged (a listener: 0; its backlog's size is not in this table). */
  txQueue: number;
  /** Bytes received and not yet read by the program (a listener: connections waiting for accept()). */
  rxQueue: number;
}

/** Groups of an IPv6 address, with the longest run of zero groups written as '::'. */
function compressIpv6(groups: string[]): string {
  let best = { start: -1, len: 0 };
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > best.len) best = { start: i, len: j - i };
    i = j;
  }
  if (best.len < 2) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.len).join(':')}`;
}

/** An address as /proc writes it: IPv4 as one little-endian 32-bit word, IPv6 as four. */
function parseAddress(hex: string): string {
  if (hex.length === 8) return [6, 4, 2, 0].map((i) => parseInt(hex.slice(i, i + 2), 16)).join('.');
  const words: string[] = [];
  for (let w = 0; w < 4; w++) {
    const word = hex.slice(w * 8, w * 8 + 8);
    const bytes = [6, 4, 2, 0].map((i) => word.slice(i, i + 2)).join('');
    words.push(bytes.slice(0, 4), bytes.slice(4, 8));
  }
  return compressIpv6(words.map((g) => parseInt(g, 16).toString(16)));
}

export type Family = 4 | 6;

class Row implements TcpEntry {
  #address: string | undefined;
  constructor(
    readonly family: Family,
    private readonly addressHex: string,
    readonly localPort: number,
    readonly remotePort: number,
    readonly state: number,
    readonly inode: number,
    readonly txQueue: number,
    readonly rxQueue: number,
  ) {}

  get localAddress(): string {
    this.#address ??= parseAddress(this.addressHex);
    return this.#address;
  }
}

const TCP_FILES: Record<Family, string> = { 4: 'net/tcp', 6: 'net/tcp6' };

/**
 * The kernel walks its whole connection table for every read of these files. Where that is quick (a
 * few hundred connections: well under a millisecond), the tables are read at once, in the turn they
 * are asked for: a grade polls them for every byte split-header sends, and reads through the thread
 * pool take several turns of an event loop that is busy with a dozen servers. A read that took longer
 * than this (a machine holding many thousands of connections) makes every later read asynchronous, so
 * the grader's other clients are served meanwhile.
 */
const SYNC_READ_MS = 4;
let readAtOnce = true;

/**
 * The next read of both tables of a network, shared by everyone who asks before it starts: a dozen
 * servers' polls cost one read, and each caller still gets a table read after it asked (a read already
 * under way may predate the connection the caller looks for, so it is not shared).
 */
const nextRead = new Map<string, Promise<TcpEntry[]>>();
let reading: Promise<unknown> = Promise.resolve();

/**
 * TCP sockets of a network namespace, of the families asked for: the machine's (the grader's own), or,
 * with `root` /proc/<pid>, that process's (a sandboxed server's: see networks.ts).
 */
export async function tcpTable(families: readonly Family[] = [4, 6], root = '/proc'): Promise<TcpEntry[]> {
  const files = ([4, 6] as const).map((f) => `${root}/${TCP_FILES[f]}`);
  let read = nextRead.get(root);
  if (!read) {
    read = readAtOnce
      ? new Promise((resolve) =>
          // After the callers of this turn have asked (they share it), before the loop waits for I/O.
          setImmediate(() => {
            nextRead.delete(root);
            const started = performance.now();
            const texts = files.map((file) => safeRead(file) ?? '');
            if (performance.now() - started > SYNC_READ_MS) readAtOnce = false;
            resolve(parseTcpTables(texts));
          }),
        )
      : reading.then(() => {
          nextRead.delete(root);
          const tables = Promise.all(files.map((file) => readFile(file, 'utf8').catch(() => ''))).then(parseTcpTables);
          reading = tables.catch(() => {});
          return tables;
        });
    nextRead.set(root, read);
  }
  const entries = await read;
  return families.length === 2 ? entries : entries.filter((e) => families.includes(e.family));
}

/** The rows of /proc/net/tcp and /proc/net/tcp6, in that order. */
export function parseTcpTables(texts: readonly string[]): TcpEntry[] {
  const entries: TcpEntry[] = [];
  for (const [i, text] of texts.entries()) {
    const family: Family = i === 0 ? 4 : 6;
    for (let start = text.indexOf('\n') + 1, end: number; start > 0 && start < text.length; start = end + 1) {
      end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const row = rowAt(text, start, end, family) ?? rowOfColumns(text.slice(start, end), family);
      if (row) entries.push(row);
    }
  }
  return entries;
}

const TIME_WAIT = 0x06;

/**
 * A row read at the places the kernel prints its fields, up to the queues (`%4d: %08X:%04X %08X:%04X %02X
 * %08X:%08X`, an IPv6 address as 32 digits): several times quicker than splitting each line into columns,
 * which counts where a machine holds thousands of connections in TIME_WAIT (a stage-4 grade leaves about
 * 700 for a minute, and every poll reads them all). Null where the line is not laid out so.
 */
function rowAt(text: string, start: number, end: number, family: Family): Row | null {
  const digits = family === 4 ? 8 : 32;
  const local = text.indexOf(': ', start) + 2;
  const remote = local + digits + 6;
  const state = remote + digits + 6;
  const queues = state + 3;
  if (local < 2 || queues + 17 >= end) return null;
  if (text[local + digits] !== ':' || text[remote + digits] !== ':' || text[queues - 1] !== ' ') return null;
  if (text[queues + 8] !== ':' || text[queues + 17] !== ' ') return null;
  const st = parseInt(text.slice(state, state + 2), 16);
  // A connection in TIME_WAIT belongs to no process: the kernel prints its inode as 0.
  const inode =
    st === TIME_WAIT
      ? 0
      : Number(
          text
            .slice(queues + 17, end)
            .trim()
            .split(/\s+/)[4],
        );
  return new Row(
    family,
    text.slice(local, local + digits),
    parseInt(text.slice(local + digits + 1, local + digits + 5), 16),
    parseInt(text.slice(remote + digits + 1, remote + digits + 5), 16),
    st,
    inode,
    parseInt(text.slice(queues, queues + 8), 16),
    parseInt(text.slice(queues + 9, queues + 17), 16),
  );
}

/** A row read column by column: sl local:port remote:port st tx:rx tr:when retrnsmt uid timeout inode … */
function rowOfColumns(line: string, family: Family): Row | null {
  const cols = line.trim().split(/\s+/);
  if (cols.length < 10) return null;
  const [localHex = '', localPort = '0'] = (cols[1] ?? '').split(':');
  const remotePort = (cols[2] ?? '').split(':')[1] ?? '0';
  const [tx = '0', rx = '0'] = (cols[4] ?? '').split(':');
  return new Row(
    family,
    localHex,
    parseInt(localPort, 16),
    parseInt(remotePort, 16),
    parseInt(cols[3] ?? '0', 16),
    Number(cols[9]),
    parseInt(tx, 16),
    parseInt(rx, 16),
  );
}

export interface Listener {
  address: string;
  port: number;
}

export const TCP_LISTEN = 0x0a;

/** Where the processes of a group (a server on `port`) listen, or null when /proc can't tell. */
export async function listenersOf(pgid: number, port: number): Promise<Listener[] | null> {
  if (!HAS_PROC) return null;
  const table = await tcpTable(undefined, procRootOf(port));
  const inodes = socketInodes(groupMembers(pgid));
  return table
    .filter((e) => e.state === TCP_LISTEN && inodes.has(e.inode))
    .map((e) => ({ address: e.localAddress, port: e.localPort }));
}

/** The inode of the listening socket on `port`, to tell one server from its restarted successor. */
export async function listenerInode(port: number): Promise<number | null> {
  if (!HAS_PROC) return null;
  return (
    (await tcpTable(undefined, procRootOf(port))).find((e) => e.state === TCP_LISTEN && e.localPort === port)?.inode ??
    null
  );
}

export type ServerEnd = { state: 'accepted'; inode: number } | { state: 'queued' } | { state: 'gone' };

/**
 * The server's end of the connection from `clientPort` to `serverPort`: accepted (held by a file, with
 * its inode), still queued in the listen backlog (no file yet: inode 0), or gone.
 */
export async function serverEnd(serverPort: number, clientPort: number): Promise<ServerEnd> {
  // Both tables: a server listening on :: (Node's default) holds its IPv4 clients in tcp6, v4-mapped.
  const entry = (await tcpTable(undefined, procRootOf(serverPort))).find(
    (e) => e.localPort === serverPort && e.remotePort === clientPort && e.state !== TCP_LISTEN,
  );
  if (!entry) return { state: 'gone' };
  return entry.inode === 0 ? { state: 'queued' } : { state: 'accepted', inode: entry.inode };
}

/** Connections waiting in the backlog of whatever listens on `port` for accept() to take them. */
export async function backlogWaiting(port: number): Promise<number | null> {
  if (!HAS_PROC) return null;
  return (await tcpTable(undefined, procRootOf(port)))
    .filter((e) => e.state === TCP_LISTEN && e.localPort === port)
    .reduce((sum, e) => sum + e.rxQueue, 0);
}

/**
 * Bytes the kernel holds for one connection, at both ends: what the client sent that the server hasn't
 * read (client's send queue, server's receive queue), and what the server sent that the client hasn't
 * read (server's send queue, client's receive queue). Null when the connection can't be found.
 */
export async function inFlight(
  serverPort: number,
  clientPort: number,
): Promise<{ toServer: number; toClient: number } | null> {
  if (!HAS_PROC) return null;
  const table = await tcpTable(undefined, procRootOf(serverPort));
  const client = table.find((e) => e.localPort === clientPort && e.remotePort === serverPort);
  const server = table.find((e) => e.localPort === serverPort && e.remotePort === clientPort && e.state !== TCP_LISTEN);
  if (!client || !server) return null;
  return { toServer: client.txQueue + server.rxQueue, toClient: server.txQueue + client.rxQueue };
}

/** /proc/mounts and /proc/version (null where unknown): which filesystem a folder is on, and whether under WSL. */
export function mountsAndVersion(): { mounts: string | null; version: string | null } {
  return { mounts: safeRead('/proc/mounts'), version: safeRead('/proc/version') };
}

// How many connections a server's listening socket queues for accept(): the number it gave listen(),
// as the kernel keeps it. /proc/net/tcp shows how many wait, not the room; the kernel's socket
// diagnostics do, and `ss` (iproute2, on every common Linux) asks them.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Long enough for `ss` on a starved machine; past it, the backlog is unknown, not guessed. */
const SS_MS = 5000;

export interface ListenBacklog {
  /** The listen backlog (the smallest, where several sockets listen on the port). */
  backlog: number;
  /** The machine's ceiling on any backlog (somaxconn): a backlog at the ceiling is the machine's choice. */
  cap: number;
}

/** `ss -Hltn`'s lines: "LISTEN <waiting> <backlog> <local> <peer>". */
export function parseListeners(text: string): number[] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[0] === 'LISTEN')
    .map((cols) => Number(cols[2]))
    .filter((n) => Number.isInteger(n) && n >= 0);
}

/** The backlog of whatever listens on `port` on this machine, or null where that can't be told. */
export function listenBacklog(port: number): Promise<ListenBacklog | null> {
  if (process.platform !== 'linux') return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile('ss', ['-Hltn', `sport = :${port}`], { timeout: SS_MS, killSignal: 'SIGKILL' }, (err, stdout) => {
      const sizes = err ? [] : parseListeners(stdout);
      resolve(sizes.length === 0 ? null : { backlog: Math.min(...sizes), cap: somaxconn() });
    });
  });
}

function somaxconn(): number {
  try {
    const cap = Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8').trim());
    return Number.isInteger(cap) && cap > 0 ? cap : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

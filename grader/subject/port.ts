// A port for the next server: random, below the ephemeral range (so our own client sockets never take
// it), free on both loopback addresses, and never handed out twice by this process.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { claim, release, releaseAll } from './machine-locks.ts';
import { HAS_PROC, tcpTable } from './procfs.ts';

// Ports this process used lately: not picked again soon (TIME_WAIT may linger on them), but the set is
// bounded, so a long watch session or soak never runs out of ports.
const recent = new Set<number>();
const RECENT_MAX = 4096;

function remember(port: number): void {
  recent.add(port);
  if (recent.size > RECENT_MAX) recent.delete(recent.values().next().value as number);
}

// Two graders at once (watch mode beside a manual grade, parallel CI jobs) must never pick the same
// port: one's probe would reach the other's server. A port is reserved until its server is stopped.
const PORTS = 'ports';

/** Reserve a port for this process, unless a live grader holds it. */
export function reservePort(port: number): boolean {
  return claim(PORTS, String(port));
}

/** Give the port back, once the server that used it is stopped. */
export function releasePort(port: number): void {
  release(PORTS, String(port));
}

/** Give back every port (and every other machine-wide lock) still held: before an end by signal. */
export const releaseAllPorts = releaseAll;

function ephemeralRangeStart(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    if (Number.isInteger(low) && low > 2048) return low;
  } catch {
    // not Linux: the IANA range starts at 49152, Linux's default at 32768; stay below both
  }
  return 32768;
}

const RANGE_END = ephemeralRangeStart(); // exclusive
const RANGE_START = Math.max(1024, Math.min(20000, RANGE_END - 4096));

function bindable(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      // No IPv6 on this machine: nothing can listen on ::1, so nothing there can collide with us.
      resolve(err.code === 'EADDRNOTAVAIL' || err.code === 'EAFNOSUPPORT');
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

// A port with a socket lingering in TIME_WAIT lets Node bind (SO_REUSEADDR) but not a plain Python
// server. One look at the table serves the picks of a whole grade: what appears in it later is ours.
let inUse: { at: number; ports: Promise<Set<number>> } | null = null;
const IN_USE_FRESH_MS = 2000;

function portsInUse(): Promise<Set<number>> {
  if (!HAS_PROC) return Promise.resolve(new Set());
  if (!inUse || performance.now() - inUse.at > IN_USE_FRESH_MS) {
    inUse = { at: performance.now(), ports: tcpTable().then((t) => new Set(t.map((e) => e.localPort))) };
  }
  return inUse.ports;
}

async function isFree(port: number): Promise<boolean> {
  if ((await portsInUse()).has(port)) return false;
  return (await bindable(port, '127.0.0.1')) && (await bindable(port, '::1'));
}

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = RANGE_START + Math.floor(Math.random() * (RANGE_END - RANGE_START));
    if (recent.has(port)) continue;
    remember(port);
    if (!reservePort(port)) continue;
    if (await isFree(port)) return port;
    releasePort(port);
  }
  throw new Error(`no free port found between ${RANGE_START} and ${RANGE_END - 1}`);
}

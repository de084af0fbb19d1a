// Is a server that does not listen yet still starting, or will it never listen? A server is given the
// time it needs as long as it works at starting: everything its launch does counts (a version manager's
// shim and its short-lived helpers, what the shim `exec`s), and so does waiting for a CPU, which is the
// machine's time, not the server's. Only a server that sits idle, or has used up a budget of CPU time of
// its own without listening, is given up on.

import type { SubjectProcess } from './process.ts';
import { anyWorking, groupUsage, HAS_PROC, listenersOf } from './procfs.ts';

const SHARED_PASS_MS = 50;

export interface StartLimits {
  /** CPU time a server may use (and wall time it gets at least) before it is judged as never listening. */
  startMs: number;
  /** A server idle this long without listening, at least `idleStartMs` after spawn, won't listen. */
  idleMs: number;
  idleStartMs: number;
  /** Wall time after which a server still starting is given up on all the same. */
  startCapMs: number;
}

export type StartVerdict =
  /** Idle, and nothing of it listens anywhere: it waits for something that isn't us. */
  | { kind: 'idle'; ms: number }
  /** Worked for `cpuMs` of CPU (or `ms` in all) without listening on PORT. */
  | { kind: 'busy'; ms: number; cpuMs: number };

export class StartWatch {
  private cpuMs = 0;
  private lastWorking: number;
  private lastPrinted = 0;

  constructor(
    private readonly subject: SubjectProcess,
    private readonly limits: StartLimits,
  ) {
    this.lastWorking = subject.startedAt;
  }

  /** Look at the server once: null while it may still be starting, else why it won't listen. */
  async verdict(now = performance.now()): Promise<StartVerdict | null> {
    const ms = Math.round(now - this.subject.startedAt);
    if (!HAS_PROC) return ms >= this.limits.startMs ? { kind: 'busy', ms, cpuMs: 0 } : null;
    // A pass over /proc shared with the other servers' polls for a few ms: growth seen a poll late is
    // still growth.
    const usage = groupUsage(this.subject.pid, SHARED_PASS_MS);
    // Printing counts as working: a server blocked on a full stdout pipe is waiting for us to read.
    const printed = this.subject.stdout.total + this.subject.stderr.total;
    const worked = usage.cpuMs > this.cpuMs || printed !== this.lastPrinted || anyWorking(usage.members) !== false;
    this.cpuMs = Math.max(this.cpuMs, usage.cpuMs);
    this.lastPrinted = printed;
    if (worked) this.lastWorking = now;
    if ((ms >= this.limits.startMs && this.cpuMs >= this.limits.startMs) || ms >= this.limits.startCapMs) {
      return { kind: 'busy', ms, cpuMs: this.cpuMs };
    }
    const idle = now - this.lastWorking;
    // Only when nothing of the server listens anywhere: one asleep in accept() on another port is told so.
    if (
      ms >= this.limits.idleStartMs &&
      idle >= this.limits.idleMs &&
      (await listenersOf(this.subject.pid, this.subject.port))?.length === 0
    ) {
      return { kind: 'idle', ms };
    }
    return null;
  }
}

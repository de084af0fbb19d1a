// Every wait the grader makes is bounded by one of these. One factor scales them all, for slow machines:
//   SOCKET_LAB_TIMEOUT_SCALE=3 npm run grade stage-3
export interface Limits {
  /**
   * A server that works at starting but does not listen is given up on once it has used this much CPU
   * time (everything its launch ran counts) and this much wall time has passed: time spent waiting for
   * a CPU is the machine's, not the server's.
   */
  startMs: number;
  /** A server idle this long without listening, at least `idleStartMs` after spawn, won't listen. */
  idleMs: number;
  idleStartMs: number;
  /** A server still starting after this much wall time is given up on all the same. */
  startCapMs: number;
  /** From a send until the whole expected reply has arrived. */
  replyMs: number;
  /** After the expected bytes, how long to wait for bytes that should not be there. */
  quietMs: number;
  /** From our FIN (or the reply) until the server closes its side, or lets go of a reset socket. */
  closeMs: number;
  /** From the end of the conversation until a one-shot server's process exits. */
  exitMs: number;
  /** no-busy-loop: the trailing window judged, and the longest we observe before failing. */
  busyWindowMs: number;
  busyObserveMs: number;
  /** slow-reader: a transfer that makes no progress this long has stopped. */
  stallMs: number;
  /** stays-small: after the last client left, how long memory may take to come back down. */
  settleMs: number;
  /** Between SIGTERM and SIGKILL when stopping a server. */
  killGraceMs: number;
}

const BASE: Limits = {
  startMs: 5000,
  idleMs: 500,
  idleStartMs: 1000,
  startCapMs: 30_000,
  replyMs: 1000,
  quietMs: 50,
  closeMs: 500,
  exitMs: 500,
  busyWindowMs: 200,
  busyObserveMs: 700,
  stallMs: 100,
  settleMs: 2000,
  killGraceMs: 500,
};

export const SCALE_ENV = 'SOCKET_LAB_TIMEOUT_SCALE';

export function timeoutScale(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[SCALE_ENV];
  if (raw === undefined || raw === '') return 1;
  const scale = Number(raw);
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

export function limitsFor(scale: number): Limits {
  // The busy window is a measurement, not a wait: it stays 200 ms; only how long we watch grows.
  const scaled = Object.fromEntries(
    Object.entries(BASE).map(([k, v]) => [k, Math.round(v * scale)]),
  ) as unknown as Limits;
  return { ...scaled, busyWindowMs: BASE.busyWindowMs };
}

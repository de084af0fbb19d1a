// The server's clock: the time a deadline judges. On a loaded machine a server (or the grader serving
// its clients) may sit waiting for a CPU; that time is not the server's to answer for, so it is given
// back. `starved` is a running total of such waiting, in ms (see starvedMs in procfs.ts: 0 without /proc,
// where the clock is wall time).
import { deadline } from './wait.ts';

/**
 * How much longer than its deadline a wait may last in wall time while the server (or the grader) waits
 * for a CPU: the grader gives back that time on a machine up to this many times too slow. Three was not
 * enough: a grader pinned to one core beside two busy programs gets a third of it, exactly that (npm run
 * slow), and a correct server then failed. A server that truly never answers is still told so after its
 * deadline on a quiet machine; only on a starved one does the verdict wait longer.
 */
export const STARVED_CAP = 10;

/**
 * Time spent waiting for a CPU so far, in ms. `fresh`: read it now. Without: a recent reading will do,
 * as at the start of a wait (an older reading is a smaller one, and only errs toward patience); most
 * waits end on their event and never need a second reading.
 */
export type Starved = (fresh?: boolean) => number;

export interface ServerClock {
  /** Ms on the server's clock since it started. */
  (): number;
  /** Ms of wall time since it started: never less than the server clock, and free to read. */
  wall(): number;
}

/**
 * A clock started now: ms of wall time since, less what `starved` grew by meanwhile, yet running at
 * least 1/STARVED_CAP as fast as wall time (so `ms` on it take at most STARVED_CAP × `ms` of wall time).
 */
export function serverClock(starved: Starved = () => 0): ServerClock {
  const started = performance.now();
  const starvedAtStart = starved(false);
  const wall = () => performance.now() - started;
  const clock = () => {
    const ms = wall();
    return Math.max(ms - (starved(true) - starvedAtStart), ms / STARVED_CAP);
  };
  return Object.assign(clock, { wall });
}

/** A deadline `ms` away on a server clock: true once it has passed. */
export function serverDeadline(ms: number, starved?: Starved): () => boolean {
  const clock = serverClock(starved);
  // The server clock never runs ahead of wall time: before `ms` of wall time, no need to read it.
  return () => clock.wall() >= ms && clock() >= ms;
}

/**
 * Call `fn` once `ms` have passed on a server clock: a timer for what is left, set again as long as
 * waiting for a CPU has given time back. Returns a cancel function.
 */
export function afterServerTime(ms: number, starved: Starved, fn: () => void): () => void {
  const clock = serverClock(starved);
  let cancel = () => {};
  const arm = (wait: number) => {
    cancel = deadline(wait, () => {
      const left = ms - clock();
      if (left <= 0) fn();
      else arm(left);
    });
  };
  arm(ms);
  return () => cancel();
}

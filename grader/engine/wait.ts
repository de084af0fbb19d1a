// Bounded waits. Every timer is cleared once its race is decided, so no stray timer keeps the grader
// alive after its work is done.

export const TIMED_OUT = Symbol('timed out');

/**
 * Call `fn` once `ms` have passed and one more turn of the event loop has: Node runs due timers before
 * it looks at I/O, so when the grader itself was starved (a loaded machine) an event that came in time
 * would otherwise lose to a deadline that passed while no one was looking. Returns a cancel function.
 */
export function deadline(ms: number, fn: () => void): () => void {
  let immediate: NodeJS.Immediate | undefined;
  const timer = setTimeout(
    () => {
      immediate = setImmediate(fn);
    },
    Math.max(0, ms),
  );
  return () => {
    clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
  };
}

/** The promise's value, or TIMED_OUT if `ms` pass first (see `deadline`: an event already due wins). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let cancel = () => {};
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    cancel = deadline(ms, () => resolve(TIMED_OUT));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    cancel();
  }
}

/**
 * A pause for sampling loops only (thread states, /proc); never to order events. It ends, as `deadline`
 * does, after the turn of the event loop that reads I/O: what a server printed meanwhile has been read
 * off our pipes. A server that prints blocks once a pipe is full, and on a starved grader it fills
 * within a fraction of a second; sampled before the read, a spinning server would look asleep.
 */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(() => setImmediate(resolve), ms));
}

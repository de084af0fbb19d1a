// Bounded waits. Every timer is cleared once its race is decided, so no stray timer keeps the grader
// alive after its work is done.

export const TIMED_OUT = Symbol('timed out');

/** The promise's value, or TIMED_OUT if `ms` pass first. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, ms));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A pause for sampling loops only (thread states, /proc); never to order events. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['grader/test/**/*.test.ts'],
    // Each case runs the real grader, which runs several real servers at once. Verdicts must not depend
    // on load, but a 2-core machine starting dozens of servers at once is not what a learner has.
    fileParallelism: false,
    maxConcurrency: 2,
    testTimeout: 60_000,
  },
});

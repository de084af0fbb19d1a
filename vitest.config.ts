import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['grader/test/**/*.test.ts'],
    globalSetup: ['grader/test/global-setup.ts'],
    // Each case runs the real grader, which runs several real servers at once. Verdicts must not depend
    // on load, but a 2-core machine starting dozens of servers at once is not what a learner has.
    fileParallelism: false,
    maxConcurrency: 2,
    // A last resort against a hang, not a verdict: the grader bounds every wait of its own. A stage-4 grade
    // of a server that serves one client at a time takes 20 s on a quiet 2-core machine, and a minute on
    // one three times slower (npm run slow): the bound leaves room for that, and then some.
    testTimeout: 300_000,
  },
});

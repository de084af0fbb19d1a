// What every grade of a request shares: limits, caps, the environment (one grade, a batch, a platform's).
import { limitsFor, timeoutScale } from '../engine/limits.ts';
import type { Request } from './args.ts';
import { DEFAULT_TIME_CAP_S } from './flags.ts';

export function gradeOptions(request: Request, io: { env: NodeJS.ProcessEnv }, batch: boolean) {
  const scale = timeoutScale(io.env);
  // A batch or a platform runs strangers' code: it always has a time cap. One grade has one only when asked.
  const timeCapMs =
    request.timeCapS !== undefined
      ? request.timeCapS * 1000
      : batch
        ? Math.round(DEFAULT_TIME_CAP_S * 1000 * scale)
        : undefined;
  return {
    limits: limitsFor(scale),
    env: io.env,
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    ...(request.memoryCapMiB !== undefined ? { memoryCapMiB: request.memoryCapMiB } : {}),
    ...(timeCapMs !== undefined ? { timeCapMs } : {}),
    // The same goes for a sandbox.
    ...(batch || request.sandbox ? { sandbox: true } : {}),
  };
}

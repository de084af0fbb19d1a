// Small measuring tools shared by bench and soak: wall time of a command, a server's spawn-to-first-reply,
// and the statistics of a sample.
import { type StdioOptions, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { availableParallelism, cpus, release, totalmem } from 'node:os';
import { pause, TIMED_OUT, within } from '../engine/wait.ts';
import { freePort, releasePort } from '../subject/port.ts';
import { reapedChildrenCpuMs } from '../subject/procfs.ts';

export interface Spread {
  median: number;
  min: number;
  max: number;
  p10: number;
  p90: number;
  runs: number;
}

export function spread(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] ?? 0;
  const round = (n: number) => Math.round(n);
  return {
    median: round(at(0.5)),
    min: round(at(0)),
    max: round(at(1)),
    p10: round(at(0.1)),
    p90: round(at(0.9)),
    runs: sorted.length,
  };
}

export function machine(): string {
  const cpu = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${availableParallelism()} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform} ${release()}, Node ${process.version}`;
}

/** Wall time of a command run to completion, its output discarded. */
export async function timeCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return (await runTimed(command, args, env)).ms;
}

/**
 * Wall time of a command run to completion, and the CPU time it used with everything it started and
 * waited for (a grader and its servers), where /proc tells (else null). Run one at a time: the CPU is
 * counted from what this process reaps meanwhile.
 */
export async function runTimed(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  cwd?: string,
): Promise<{ ms: number; cpuMs: number | null; code: number | null }> {
  const cpuBefore = reapedChildrenCpuMs();
  const started = performance.now();
  const child = spawn(command, args, { stdio: 'ignore', env, ...(cwd ? { cwd } : {}) });
  const [code] = (await once(child, 'close')) as [number | null];
  const ms = performance.now() - started;
  const cpuAfter = reapedChildrenCpuMs();
  return { ms, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, code };
}

/**
 * Spawn-to-first-reply of a server: start it, connect as soon as it listens (trying every millisecond),
 * send one message, time its reply. The floor no grader can go below.
 */
const REPLY_BOUND_MS = 10_000;

/**
 * ms from spawn to the first reply to `request` (bytes in the stage's protocol: a framed server waits
 * for a whole frame). Bounded: 10 s to listen, 10 s more for the reply. A boxed server is given the
 * stdio its box watches (contain.ts).
 */
export async function firstReply(
  command: string,
  args: string[],
  request: Buffer,
  stdio: StdioOptions = 'ignore',
): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, { stdio, env: { ...process.env, PORT: String(port) } });
  try {
    for (;;) {
      const socket = connect(port, '127.0.0.1');
      const outcome = await new Promise<'up' | 'down'>((resolve) => {
        socket.once('connect', () => resolve('up'));
        socket.once('error', () => resolve('down'));
      });
      if (outcome === 'up') {
        socket.write(request);
        const reply = await within(once(socket, 'data'), REPLY_BOUND_MS);
        const ms = performance.now() - started;
        socket.destroy();
        if (reply === TIMED_OUT) throw new Error(`${args.join(' ')} did not reply within ${REPLY_BOUND_MS} ms`);
        return ms;
      }
      socket.destroy();
      if (performance.now() - started > 10_000) throw new Error(`${args.join(' ')} did not listen within 10 s`);
      await pause(1);
    }
  } finally {
    child.kill('SIGKILL');
    await once(child, 'close').catch(() => {});
    releasePort(port);
  }
}

// Run the real grader CLI as a learner would, and report what it printed, how it exited, and which of
// the processes it started are still alive afterwards (found by a tag in their environment).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PROGRESS_ENV } from '../progress/store.ts';
import type { StoryData } from '../report/story.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const fixture = (path: string) => `grader/test/fixtures/${path}`;

/** Arguments to `node` that run one of the lab's commands as its npm script does: from the bundle. */
export const command = (entry: string) => ['grader/bundle/run.mjs', entry];
/** `npm run grade`, as `node` arguments. */
export const GRADER = command('grader/cli/entry.ts');

export interface GraderRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** What stdout brought in each read, in order: the report is written as properties are decided. */
  chunks: string[];
  ms: number;
  /** Processes started under this run that outlived it. */
  orphans: number[];
  /** Compiled servers and port reservations this run's grader left behind. */
  leftovers: string[];
}

export interface JsonReport {
  stage: string;
  subject: string;
  passed: boolean;
  /** One line where the platform can't serve the stage fully; null on Linux. */
  platformNote: string | null;
  /** Sandboxed: each limit this machine could not provide, in one line; else null. */
  sandboxNote: string | null;
  properties: ({
    id: string;
    title: string;
    status: 'pass' | 'fail' | 'skip';
    message: string;
    hint: string;
    durationMs: number;
    // The story under a ✘ (absent on a pass).
  } & Partial<StoryData>)[];
}

export const TAG = 'SOCKET_LAB_TEST_RUN';

export function processesTagged(tag: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'latin1').includes(`${TAG}=${tag}`)) found.push(Number(name));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/**
 * SOCKET_LAB_TEST_SANDBOX=1: every grade of the suite sandboxed (--sandbox), to show the sandbox changes
 * no verdict (the fixture table, the solutions): `SOCKET_LAB_TEST_SANDBOX=1 npx vitest run fixtures`.
 */
const SANDBOXED = process.env.SOCKET_LAB_TEST_SANDBOX === '1' ? ['--sandbox'] : [];

export async function runGrader(args: string[], env: Record<string, string> = {}): Promise<GraderRun> {
  args = [...args, ...SANDBOXED];
  const tag = randomUUID();
  const progress = join(tmpdir(), `progress-test-${tag}.json`);
  const started = performance.now();
  const child = spawn(process.execPath, [...GRADER, ...args], {
    cwd: ROOT,
    // Each run remembers its progress apart: never in the learner's own file.
    env: {
      ...process.env,
      NO_COLOR: '1',
      LANG: 'en_US.UTF-8',
      LC_ALL: '',
      [TAG]: tag,
      [PROGRESS_ENV]: progress,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const chunks: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    chunks.push(chunk.toString());
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const ms = performance.now() - started;
  rmSync(progress, { force: true });
  return {
    code,
    stdout,
    stderr,
    chunks,
    ms,
    orphans: process.platform === 'linux' ? processesTagged(tag) : [],
    leftovers: leftBehind(child.pid ?? -1),
  };
}

export function parseReport(run: GraderRun): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}

/** The ids that did not hold, sorted: what every fixture row asserts in full. */
export function failing(report: JsonReport): string[] {
  return report.properties
    .filter((p) => p.status === 'fail')
    .map((p) => p.id)
    .sort();
}

/** What a grader with this pid left in the temporary folder: compiled servers, reserved ports and places. */
export function leftBehind(pid: number): string[] {
  const compiled = readdirSync(tmpdir()).filter((name) => name.startsWith(`socket-lab-${pid}-`));
  const heldIn = (kind: string) => {
    const locks = join(tmpdir(), `socket-lab-${kind}`);
    try {
      return readdirSync(locks)
        .filter((name) => {
          try {
            return readFileSync(join(locks, name), 'utf8') === String(pid);
          } catch {
            return false;
          }
        })
        .map((name) => `${kind} ${name}`);
    } catch {
      return [];
    }
  };
  return [...compiled, ...heldIn('ports').map((p) => p.replace('ports', 'port')), ...heldIn('starts')];
}

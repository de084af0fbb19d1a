// The server under test as a process: spawned in a process group of its own and registered in the same
// synchronous step, so that a Ctrl-C at any instant finds it; stopped by group, TERM then KILL. Native
// Windows has no process groups and no signals: there the server's process tree is ended (taskkill /T /F).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { pause, within } from '../engine/wait.ts';
import { findable, inBox, serverExit, watchedStdio } from './contain.ts';
import { subjectEnv } from './env.ts';
import type { Launch } from './launch.ts';
import { LineSplitter } from './lines.ts';
import { watchMemory } from './memory.ts';
import { joinNetwork } from './networks.ts';
import { OutputCapture, type Printed } from './output.ts';
import { groupMembers, HAS_PROC } from './procfs.ts';
import type { Sandbox } from './sandbox.ts';
import { shown } from './shown.ts';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the program could not be started at all (say, no such executable). */
  error?: string;
  /** Set when the grader stopped it for using more memory than the cap. */
  memory?: { usedMiB: number; capMiB: number };
}

export interface SubjectOptions {
  /** Resident memory the whole process group may use before the grader kills it. */
  memoryCapMiB?: number;
  /** Run it in its grade's sandbox (sandbox.ts); in the plain box when not given. */
  sandbox?: Sandbox;
}

/** Ample for any server of this course (Node itself starts at about 45 MiB), small beside a runaway. */
export const DEFAULT_MEMORY_CAP_MIB = 512;

const running = new Set<SubjectProcess>();
/** The grader is ending (Ctrl-C, a hang-up): a server that would start now is killed as it starts. */
let closing = false;
const MIB = 1024 * 1024;
/** A flood of one endless line must not be held forever: it is cut here. */
const MAX_LINE = 4096;
/** Lines kept with their times: a diagram draws a few; a crash's trace is in the transcript. */
const MAX_PRINTED = 20;
const WINDOWS = process.platform === 'win32';

/**
 * Signal every process of the server: its group (POSIX), or its process tree (native Windows, where any
 * ending signal ends it at once). False when there was nothing left to signal.
 */
function signalServer(pid: number, signal: NodeJS.Signals | 0): boolean {
  if (WINDOWS && signal !== 0) {
    const killed = spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    return killed.status === 0;
  }
  try {
    process.kill(WINDOWS ? pid : -pid, signal);
    return true;
  } catch {
    return false; // the group is already gone
  }
}

export class SubjectProcess {
  readonly pid: number;
  readonly stdout = new OutputCapture();
  readonly stderr = new OutputCapture();
  /** Both streams as labelled lines, in the order they came: a crash trace after the lines before it. */
  readonly transcript = new OutputCapture();
  /** The first lines of the transcript with the time each came: the HTML report draws them where they happened. */
  readonly printed: Printed[] = [];
  /** Resolves when the process has exited and its output is all read. */
  readonly closed: Promise<void>;
  readonly startedAt = performance.now();
  /** Resolves when the process we started (the group leader) has exited. */
  readonly exited: Promise<ExitInfo>;
  exitInfo: ExitInfo | null = null;
  private stopping: Promise<void> | null = null;
  private readonly unwatch: () => void;
  /** Its port is no longer reached in its sandbox's network, once it is stopped. */
  private readonly leaveNetwork: () => void;

  /** What runs it: messages name its own language's calls. */
  readonly runtime: Launch['runtime'];

  constructor(
    launch: Launch,
    readonly port: number,
    private readonly killGraceMs: number,
    env: NodeJS.ProcessEnv,
    options: SubjectOptions = {},
  ) {
    this.runtime = launch.runtime;
    const serverEnv = subjectEnv(env, port);
    // In a box of its own where the machine allows (see contain.ts). A program that can't be found is
    // left to spawn, which says so in its own words.
    const runnable = !WINDOWS && (launch.shell || findable(launch.command, serverEnv.PATH));
    const sandbox = runnable ? options.sandbox : undefined;
    const box = sandbox ? sandbox.command(launch) : runnable ? inBox(launch) : null;
    if (sandbox) serverEnv.TMPDIR = sandbox.tmp;
    const child: ChildProcess = spawn(box?.command ?? launch.command, box?.args ?? launch.args, {
      cwd: launch.cwd,
      shell: box ? false : launch.shell,
      // setsid(): its own process group, so one signal reaches every process it starts. (On Windows it would
      // only give it a console of its own.)
      detached: !WINDOWS,
      windowsHide: true,
      // A box watches a pipe of ours as long as we live (contain.ts).
      stdio: box ? watchedStdio(['ignore', 'pipe', 'pipe']) : ['ignore', 'pipe', 'pipe'],
      env: serverEnv,
    });
    this.pid = child.pid ?? -1;
    if (this.pid > 0) running.add(this);
    // A sandbox's own network is reached through its helper (networks.ts).
    this.leaveNetwork = sandbox?.ownNetwork && this.pid > 0 ? joinNetwork(port, sandbox) : () => {};
    // Spawned while the grader is going down (a check was just starting): it must not outlive us.
    if (closing) this.signal('SIGKILL');
    const capMiB = options.memoryCapMiB ?? DEFAULT_MEMORY_CAP_MIB;
    let overMemory: ExitInfo['memory'];
    // Watched until stopped: a leader's children may outlive it, and count against the same cap.
    this.unwatch =
      this.pid > 0
        ? watchMemory(this.pid, (bytes) => {
            if (overMemory || bytes <= capMiB * MIB) return;
            overMemory = { usedMiB: Math.round(bytes / MIB), capMiB };
            this.signal('SIGKILL');
          })
        : () => {};
    // The transcript: every non-blank line, labelled with its stream.
    const lines = (['stdout', 'stderr'] as const).map((name) => {
      const splitter = new LineSplitter((line) => {
        if (line.trim() === '') return;
        this.transcript.push(Buffer.from(`${name} | ${line}\n`));
        if (this.printed.length < MAX_PRINTED)
          this.printed.push({ at: performance.now() - this.startedAt, line: `${name} | ${shown(line)}` });
      }, MAX_LINE);
      child[name]?.on('data', (chunk: Buffer) => {
        this[name].push(chunk);
        splitter.push(chunk);
      });
      return splitter;
    });
    this.closed = new Promise((resolve) =>
      child.once('close', () => {
        for (const splitter of lines) splitter.flush();
        resolve();
      }),
    );
    this.exited = new Promise((resolve) => {
      child.once('error', (err) => {
        if (this.pid > 0) return; // a kill error on a live process; 'exit' will still come
        this.exitInfo = { code: null, signal: null, error: err.message };
        resolve(this.exitInfo);
      });
      child.once('exit', (code, signal) => {
        const ended = box ? serverExit(code, signal) : { code, signal };
        this.exitInfo = { ...ended, ...(overMemory ? { memory: overMemory } : {}) };
        resolve(this.exitInfo);
      });
    });
  }

  /** Whether anything of the server is still running: the leader, or any process left in its group. */
  alive(): boolean {
    if (this.pid <= 0) return false;
    if (!signalServer(this.pid, 0)) return false;
    // kill(0) also succeeds for zombies waiting to be reaped; /proc tells them apart.
    return HAS_PROC ? groupMembers(this.pid).length > 0 : this.exitInfo === null;
  }

  /** Stop every process of the group: SIGTERM, then SIGKILL for whatever is left after the grace period. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      if (this.pid > 0) {
        this.signal('SIGTERM');
        if (!(await this.waitGone(this.killGraceMs))) {
          this.signal('SIGKILL');
          await this.waitGone(2000);
        }
      }
      this.unwatch();
      this.leaveNetwork();
      running.delete(this);
    })();
    return this.stopping;
  }

  private signal(signal: NodeJS.Signals): void {
    signalServer(this.pid, signal);
  }

  /** Wait until no process of the group is left; false if some still are after `ms`. */
  private async waitGone(ms: number): Promise<boolean> {
    const deadline = performance.now() + ms;
    // The leader's exit is an event; what it leaves behind in its group can only be polled.
    await within(this.exited, ms);
    while (this.alive()) {
      if (performance.now() >= deadline) return false;
      await pause(5);
    }
    return true;
  }
}

/** Stop every server still running (but those to `keep`): on finish, on Ctrl-C, on a crash of the grader. */
export async function stopAll(keep: readonly SubjectProcess[] = []): Promise<void> {
  await Promise.all([...running].filter((s) => !keep.includes(s)).map((subject) => subject.stop()));
}

/** The grader is ending: stop every server, and every one that would still start. */
export function shutDown(): Promise<void> {
  closing = true;
  return stopAll();
}

/** Last resort at process exit, when nothing async can run any more: SIGKILL every group left. */
export function killAllNow(): void {
  for (const subject of running) signalServer(subject.pid, 'SIGKILL');
}

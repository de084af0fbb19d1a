// A box for each server on Linux: a PID namespace of its own, made by util-linux's `unshare`, whose first
// process is the grader's (a shell that starts the server and waits for it). When that first process
// ends, the kernel ends every process left in the namespace: detached, double-forked and setsid'd
// children alike, which a process-group kill misses. The box also ends when the grader dies, SIGKILL
// included: its first process holds one end of a pipe whose other end only the grader holds, and the
// kernel closes that end whatever ended the grader. Where the tools or namespaces are missing (macOS, a
// locked-down container), servers run as before, in a process group of their own.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Launch } from './launch.ts';

/** The box's first process reads this descriptor: the grader's end of its pipe closing ends the box. */
export const WATCH_FD = 3;

/**
 * What the first process does once its words have made "$@" the server's command: start it (without the
 * pipe), end it when the pipe closes (the grader is gone: read meets the end of the pipe, at once if it
 * closed even before), and exit with its status. Then the namespace goes, and all left in it.
 */
export const START_AND_WATCH = `"$@" ${WATCH_FD}<&- & s=$!
{ read -r _ <&${WATCH_FD}; kill -KILL "$s"; } 2>/dev/null &
wait "$s"`;

/**
 * The namespace's first process. It is not the server: a PID namespace's first process ignores every
 * signal it has no handler for (SIGTERM, SIGPIPE…), which would change how a server behaves. The server
 * is its child, in the grader's process group, and the shell exits with its status once it ends.
 */
const firstWords = () => ['/bin/sh', '-c', START_AND_WATCH, 'sh'];

/** The stdio of a boxed process: the caller's three, and the pipe the box watches (spawn it so). */
export function watchedStdio<T extends 'ignore' | 'pipe' | 'inherit'>(stdio: readonly [T, T, T]): [T, T, T, 'pipe'] {
  return [...stdio, 'pipe'];
}

/** How to make a box on this machine: the words before the server's command, or null where none can be. */
let recipe: string[] | null | undefined;

/** Ways to ask for a PID namespace, tried in order: as root; then in a user namespace, as oneself. */
const ATTEMPTS: readonly string[][] = [[], ['--user', '--map-current-user'], ['--user', '--map-root-user']];

function boxWords(userFlags: readonly string[]): string[] {
  return [...userFlags, '--pid', '--fork', '--kill-child', '--'];
}

/**
 * Whether `unshare` asked that way runs `true` and exits 0: proof that it can make a box here (the first
 * process, a shell, can always start).
 */
function works(words: readonly string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const tried = spawn('unshare', [...words, 'true'], { stdio: 'ignore', timeout: 5000 });
    tried.once('error', () => resolve(false));
    tried.once('exit', (code) => resolve(code === 0));
  });
}

let finding: Promise<void> | undefined;

/**
 * Find out, once per grader, how this machine makes a box: a few ms of spawning, so a grade starts it
 * beside its compile (see grade.ts). A server started before it is known runs unboxed.
 */
export function findBox(): Promise<void> {
  finding ??= (async () => {
    if (process.platform !== 'linux' || process.env.SOCKET_LAB_NO_BOX === '1') {
      recipe = null;
      return;
    }
    for (const userFlags of ATTEMPTS) {
      const words = boxWords(userFlags);
      if (await works(words)) {
        recipe = words;
        return;
      }
    }
    recipe = null;
  })();
  return finding;
}

/** Whether servers started now go in a box of their own. */
export function boxed(): boolean {
  return recipe != null;
}

/**
 * The command that runs `launch` in a box of its own, or null where servers can't be boxed here. Spawn it
 * with `watchedStdio`, and keep the pipe's end open as long as the server may run.
 */
export function inBox(launch: Pick<Launch, 'command' | 'args' | 'shell'>): { command: string; args: string[] } | null {
  if (recipe == null) return null;
  const server = launch.shell ? ['/bin/sh', '-c', launch.command] : [launch.command, ...launch.args];
  return { command: 'unshare', args: [...recipe, ...firstWords(), ...server] };
}

/** Whether `command` names a program that exists: a path, or a name found on `path`. */
export function findable(command: string, path = ''): boolean {
  if (command.includes('/')) return existsSync(command);
  return path.split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}

/**
 * The server's own exit, told by the box: the shell's status is the server's, and a server ended by
 * signal N shows as 128 + N (a shell can't tell that from an exit with that status, which a server
 * hardly ever chooses).
 */
export function serverExit(
  code: number | null,
  signal: NodeJS.Signals | null,
): {
  code: number | null;
  signal: NodeJS.Signals | null;
} {
  if (code === null || code <= 128) return { code, signal };
  const name = Object.entries(constants.signals).find(([, n]) => n === code - 128)?.[0];
  return name ? { code: null, signal: name as NodeJS.Signals } : { code, signal };
}

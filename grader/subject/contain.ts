// A box for each server on Linux: a PID namespace of its own, made by util-linux's `unshare`, whose first
// process is the grader's (a shell that starts the server and waits for it). When that first process
// ends, the kernel ends every process left in the namespace: detached, double-forked and setsid'd
// children alike, which a process-group kill misses. `setpriv --pdeathsig` makes the kernel end the box
// when the grader itself dies, SIGKILL included. Where the tools or namespaces are missing (macOS, a
// locked-down container), servers run as before, in a process group of their own.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Launch } from './launch.ts';

/**
 * The namespace's first process. It is not the server: a PID namespace's first process ignores every
 * signal it has no handler for (SIGTERM, SIGPIPE…), which would change how a server behaves. The server
 * is its child, in the grader's process group, and the shell exits with its status once it ends. It
 * starts only while the grader ($1) lives: a grader killed between spawning setpriv and setpriv's
 * asking for the parent-death signal would leave the box unwatched. Past that check, the signal is set.
 */
const FIRST = '[ -d "/proc/$1" ] || exit 1; shift; "$@" & wait "$!"';

/** The shell's words before the server's command. */
const firstWords = () => ['/bin/sh', '-c', FIRST, 'sh', String(process.pid)];

/** How to make a box on this machine: the words before the server's command, or null where none can be. */
let recipe: string[] | null | undefined;

/** Ways to ask for a PID namespace, tried in order: as root; then in a user namespace, as oneself. */
const ATTEMPTS: readonly string[][] = [[], ['--user', '--map-current-user'], ['--user', '--map-root-user']];

function boxWords(userFlags: readonly string[]): string[] {
  return ['--pdeathsig', 'KILL', '--', 'unshare', ...userFlags, '--pid', '--fork', '--kill-child', '--'];
}

/** Whether a box around `true` exits 0 on this machine, asked that way: proof that it can make one. */
function works(words: readonly string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const tried = spawn('setpriv', [...words, ...firstWords(), 'true'], {
      stdio: 'ignore',
      timeout: 5000,
    });
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

/** The command that runs `launch` in a box of its own, or null where servers can't be boxed here. */
export function inBox(launch: Pick<Launch, 'command' | 'args' | 'shell'>): { command: string; args: string[] } | null {
  if (recipe == null) return null;
  const server = launch.shell ? ['/bin/sh', '-c', launch.command] : [launch.command, ...launch.args];
  return { command: 'setpriv', args: [...recipe, ...firstWords(), ...server] };
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

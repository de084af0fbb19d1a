// `--sandbox`: the box of contain.ts, and more, for strangers' code (a class folder, a platform). Each
// server also gets, in namespaces of its own made by util-linux's `unshare` as its own user:
//   network    a network with only loopback: the grader's clients reach it through a helper inside
//              (dial-helper.mjs), nothing else does, and nothing in it reaches out;
//   files      the machine's files read-only, but for its own folder and a temporary one of its own;
//   processes  at most PROCESS_CAP processes and threads (the kernel's RLIMIT_NPROC, which counts them
//              per user namespace: a fork bomb stops there, and the class goes on).
// The memory cap is the grader's own, as without a sandbox. What a machine can't provide is found out
// once, by trying each limit, and told at the top of every report: never skipped in silence.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Launch } from './launch.ts';
import { removeScratch, scratchDir } from './scratch.ts';

export type Limit = 'network' | 'files' | 'processes';
export const LIMITS: readonly Limit[] = ['network', 'files', 'processes'];

/** Why a limit is missing here: the words are in the i18n tables (`sandbox.missing.<reason>`). */
export type MissingReason = 'not-linux' | 'turned-off' | 'no-namespaces' | 'no-ip' | 'no-remount' | 'root';

export interface SandboxSupport {
  /** The limits every sandboxed server is held to on this machine. */
  provided: Limit[];
  missing: { limit: Limit; reason: MissingReason }[];
  /** What is set up for each server: as root, read-only files too, though they do not hold (see `root`). */
  applied?: Limit[];
}

/** Processes and threads, all told: a threaded Python server with 50 clients has about 60. */
export const PROCESS_CAP = 512;

/** Inside the box, from outside: the helper that opens the grader's connections (see networks.ts). */
export const DIAL_HELPER = resolve(import.meta.dirname, '../../grader/subject/dial-helper.mjs');

/**
 * The namespace's first process, as root of its own user namespace (the only way to set up a network
 * and mounts without privileges). It sets up what is asked for (every mount not already read-only made
 * so, one `mount` each), starts the helper in a session of its own (outside the server's process group:
 * its CPU and memory are not the server's), then the server without any capability (it can't undo a
 * mount), its process count capped, and waits for it. The IPC channel (fd 3) and its variables are the
 * helper's only. Exits 97 when loopback can't be brought up.
 * An empty /run hides the local sockets that could act outside the sandbox for it: the system's and the
 * user's message buses, a container engine's (unless its own folders are there).
 */
const FIRST = `[ -d "/proc/$1" ] || exit 1
own=$2 tmp=$3 net=$4 files=$5 nproc=$6 node=$7 helper=$8
shift 8
if [ "$net" = 1 ]; then
  ip link set lo up 2>/dev/null || exit 97
  mount -t sysfs sysfs /sys 2>/dev/null
fi
if [ "$files" = 1 ]; then
  case "$own/:$tmp/" in /run/*|*:/run/*|/var/run/*|*:/var/run/*) ;; *) mount -t tmpfs -o size=64k tmpfs /run ;; esac
  while read -r _ _ _ _ at opts _; do
    case ",$opts," in *,ro,*) continue ;; esac
    mount -o remount,bind,ro "$at" 2>/dev/null
  done < /proc/self/mountinfo
  for dir in "$own" "$tmp"; do mount --bind "$dir" "$dir" && mount -o remount,bind,rw "$dir"; done
fi
[ -z "$helper" ] || setsid "$node" "$helper" </dev/null >/dev/null 2>&1 &
[ "$nproc" = 0 ] || set -- prlimit --nproc="$nproc" -- "$@"
(
  unset NODE_CHANNEL_FD NODE_CHANNEL_SERIALIZATION_MODE
  exec 3>&- setpriv --inh-caps=-all --bounding-set=-all --no-new-privs -- "$@"
) &
wait "$!"`;

const UNSHARE = (net: boolean) => [
  '--user',
  '--map-root-user',
  ...(net ? ['--net'] : []),
  '--mount',
  '--pid',
  '--fork',
  '--kill-child',
  '--',
];

interface BoxSpec {
  own: string;
  tmp: string;
  net: boolean;
  files: boolean;
  nproc: number;
  helper: string;
}

function words(spec: BoxSpec, server: readonly string[]): string[] {
  return [
    '--pdeathsig',
    'KILL',
    '--',
    'unshare',
    ...UNSHARE(spec.net),
    '/bin/sh',
    '-c',
    FIRST,
    'sh',
    String(process.pid),
    spec.own,
    spec.tmp,
    spec.net ? '1' : '0',
    spec.files ? '1' : '0',
    String(spec.nproc),
    process.execPath,
    spec.helper,
    ...server,
  ];
}

/**
 * What a server sees of the machine from inside: its interfaces, whether a write outside its folder and
 * inside it worked, and whether it could fork under a cap of 2 (itself and the first process). Builtins
 * only before the fork, which comes last (a shell that can't fork exits).
 */
const CHECK = `while IFS=: read -r name _; do
  case $name in *"|"*) ;; *) for n in $name; do echo "if $n"; done ;; esac
done < /proc/net/dev
true > "$1/outside" 2>/dev/null && echo outside-written
true > "$2/own" 2>/dev/null && echo own-written
sh -c : 2>/dev/null && echo forked`;

function tryBox(spec: BoxSpec, outside: string): Promise<{ code: number | null; seen: string[] }> {
  return new Promise((done) => {
    const tried = spawn('setpriv', words(spec, ['/bin/sh', '-c', CHECK, 'check', outside, spec.own]), {
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
    let out = '';
    tried.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    tried.once('error', () => done({ code: null, seen: [] }));
    tried.once('close', (code) => done({ code, seen: out.split('\n').filter(Boolean) }));
  });
}

let support: Promise<SandboxSupport> | undefined;

/** Find out, once per grader, which limits this machine gives a sandboxed server: each is tried. */
export function findSandbox(): Promise<SandboxSupport> {
  support ??= (async (): Promise<SandboxSupport> => {
    const none = (reason: MissingReason): SandboxSupport => ({
      provided: [],
      missing: LIMITS.map((limit) => ({ limit, reason })),
    });
    if (process.platform !== 'linux') return none('not-linux');
    if (process.env.SOCKET_LAB_NO_BOX === '1') return none('turned-off');
    const probe = scratchDir();
    try {
      const [own, tmp, outside] = ['own', 'tmp', 'outside'].map((name) => join(probe, name)) as [
        string,
        string,
        string,
      ];
      for (const dir of [own, tmp, outside]) mkdirSync(dir);
      writeFileSync(join(outside, 'outside'), '');
      const spec = { own, tmp, net: true, files: true, nproc: 2, helper: '' };
      let tried = await tryBox(spec, outside);
      let noIp = false;
      if (tried.code === 97) {
        noIp = true;
        tried = await tryBox({ ...spec, net: false }, outside);
      }
      if (!tried.seen.includes('own-written')) return none('no-namespaces');
      const result: SandboxSupport = { provided: [], missing: [] };
      const decide = (limit: Limit, holds: boolean, reason: MissingReason) => {
        if (holds) result.provided.push(limit);
        else result.missing.push({ limit, reason });
      };
      const interfaces = tried.seen.filter((line) => line.startsWith('if '));
      decide('network', !noIp && interfaces.length === 1 && interfaces[0] === 'if lo', 'no-ip');
      const readOnly = !tried.seen.includes('outside-written');
      // As root, a server keeps root's rights where a read-only view does not reach: device files (a
      // disk, written raw) and the local sockets of root's services. And the kernel exempts root's
      // processes from RLIMIT_NPROC (even in a user namespace of its own). Set up, but not promised.
      const root = process.getuid?.() === 0;
      decide('files', readOnly && !root, root && readOnly ? 'root' : 'no-remount');
      decide('processes', !tried.seen.includes('forked'), root ? 'root' : 'no-namespaces');
      result.applied = [...result.provided, ...(root && readOnly ? (['files'] as const) : [])];
      return result;
    } finally {
      await removeScratch(probe);
    }
  })();
  return support;
}

/** A sandbox made for one server: the command that runs it, and its temporary folder to remove after. */
export interface Sandboxed {
  command: string;
  args: string[];
  /** Whether its network is its own: then the grader reaches it only through the helper (IPC, fd 3). */
  ownNetwork: boolean;
  /** The server's temporary folder (TMPDIR), removed once it is stopped. */
  tmp: string;
  remove(): Promise<void>;
}

/** The command that runs `launch` sandboxed as `support` allows, or null where no sandbox can be made. */
export function inSandbox(
  launch: Pick<Launch, 'command' | 'args' | 'shell' | 'cwd'>,
  support: SandboxSupport,
): Sandboxed | null {
  const applied = support.applied ?? support.provided;
  if (applied.length === 0) return null;
  const has = (limit: Limit) => applied.includes(limit);
  const tmp = scratchDir();
  const server = launch.shell ? ['/bin/sh', '-c', launch.command] : [launch.command, ...launch.args];
  const net = has('network');
  const spec: BoxSpec = {
    own: launch.cwd,
    tmp,
    net,
    files: has('files'),
    nproc: has('processes') ? PROCESS_CAP : 0,
    helper: net ? DIAL_HELPER : '',
  };
  return { command: 'setpriv', args: words(spec, server), ownNetwork: net, tmp, remove: () => removeScratch(tmp) };
}

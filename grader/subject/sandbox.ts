// `--sandbox`: the box of contain.ts, and more, for strangers' code (a class folder, a platform). Each
// grade gets namespaces of its own, made by util-linux's `unshare` as its own user, and every server of
// the grade runs in them (each still in a PID namespace of its own, as in the box):
//   network    a network with only loopback: the grader's clients reach it through a helper inside
//              (dial-helper.mjs), nothing else does, and nothing in it reaches out;
//   files      the machine's files read-only, but for the submission's folder and a temporary one;
//   processes  at most PROCESS_CAP processes and threads for the whole grade (the kernel's RLIMIT_NPROC,
//              which counts them per user namespace: a fork bomb stops there, and the class goes on).
// Made once per grade, not per server: a network, a dozen mounts and a helper in Node cost more than a
// server's start. The memory cap is the grader's own, as without a sandbox. What a machine can't provide
// is found out once, by trying each limit, and told at the top of every report: never skipped in silence.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pause } from '../engine/wait.ts';
import { findable, START_AND_WATCH, watchedStdio } from './contain.ts';
import type { Launch } from './launch.ts';
import { HelperDialer, type Network } from './networks.ts';
import { groupMembers, HAS_PROC } from './procfs.ts';
import { removeScratch, scratchDir } from './scratch.ts';
import { keptInTmp, tmpFolder } from './tmp-kept.ts';

export type Limit = 'network' | 'files' | 'processes';
export const LIMITS: readonly Limit[] = ['network', 'files', 'processes'];

/** Why a limit is missing here: the words are in the i18n tables (`sandbox.missing.<reason>`). */
export type MissingReason = 'not-linux' | 'turned-off' | 'no-tools' | 'no-namespaces' | 'no-ip' | 'no-remount' | 'root';

/** util-linux's tools it is made with (some distributions ship them apart); `ip` is tried, as iproute2's. */
const TOOLS = ['setpriv', 'unshare', 'nsenter', 'mount', 'prlimit'];

export interface SandboxSupport {
  /** The limits every sandboxed server is held to on this machine. */
  provided: Limit[];
  missing: { limit: Limit; reason: MissingReason }[];
  /** What is set up for each server: as root, read-only files too, though they do not hold (see `root`). */
  applied?: Limit[];
}

/** Processes and threads of one grade's servers, all told: a threaded Python server with 200 clients has about 210. */
export const PROCESS_CAP = 512;

/** The machine's /tmp as the kernel finds it (null: none), which a sandbox replaces (tmp-kept.ts). */
const TMP = tmpFolder();

/** A fresh /tmp showing `keep` again; none where all of it is kept (a server in /tmp itself). */
const tmpView = (keep: string[]): Pick<Spec, 'hide' | 'keep'> =>
  TMP === null || keep.includes(TMP) ? { hide: null, keep: [] } : { hide: TMP, keep };

/** Inside the sandbox, from outside: the helper that opens the grader's connections (see networks.ts). */
const DIAL_HELPER = resolve(import.meta.dirname, '../../grader/subject/dial-helper.mjs');

/**
 * The sandbox's setup, as root of its own user namespace (the only way to set up a network and mounts
 * without privileges): loopback up, and a fresh /sys that shows this network; an empty /run, which hides
 * the local sockets that could act outside for a server (the system's and the user's message buses, a
 * container engine's) unless the submission's folders are there; a fresh /tmp, for the same reason,
 * showing again only the folders kept (tmp-kept.ts: each bound from the old /tmp, which the new one
 * covers, by a path relative to it as the working folder, which `mount` must take as it is); every mount not already read-only made so, one `mount` each; then its two
 * folders writable again. Then it says "ready" (servers may join now) and becomes what holds the
 * namespaces for them: the helper (or, for the probe, a sleep). Exits 97 when loopback can't be brought up.
 */
const SETUP = `[ -d "/proc/$1" ] || exit 1
own=$2 tmp=$3 net=$4 files=$5 hide=$6 keep=$7
shift 7
if [ "$net" = 1 ]; then
  ip link set lo up 2>/dev/null || exit 97
  mount -t sysfs sysfs /sys 2>/dev/null
fi
if [ "$files" = 1 ]; then
  case "$own/:$tmp/" in /run/*|*:/run/*|/var/run/*|*:/var/run/*) ;; *) mount -t tmpfs -o size=64k tmpfs /run ;; esac
  [ -z "$hide" ] || (
    cd "$hide" && mount -t tmpfs -o mode=1777,size=64k tmpfs "$hide" || exit
    printf '%s\\n' "$keep" | while IFS= read -r dir; do
      [ -z "$dir" ] || { mkdir -p "$dir" && mount --no-canonicalize --rbind "./\${dir#"$hide"/}" "$dir"; }
    done
  )
  while read -r _ _ _ _ at opts _; do
    case ",$opts," in *,ro,*) continue ;; esac
    mount -o remount,bind,ro "$at" 2>/dev/null
  done < /proc/self/mountinfo
  for dir in "$own" "$tmp"; do mount --bind "$dir" "$dir" && mount -o remount,bind,rw "$dir"; done
fi
echo ready
exec "$@"`;

/**
 * A server's first process, in a PID namespace of its own inside the sandbox (see contain.ts for why it
 * is not the server, and how it ends with the grader): it starts the server without any capability (it
 * can't undo a mount), its process count capped, and waits for it.
 */
const FIRST = `nproc=$1
shift
[ "$nproc" = 0 ] || set -- prlimit --nproc="$nproc" -- "$@"
set -- setpriv --inh-caps=-all --bounding-set=-all --no-new-privs -- "$@"
${START_AND_WATCH}`;

interface Spec {
  own: string;
  tmp: string;
  /** The machine's /tmp, as the kernel finds it, and the folders in it to show again (tmp-kept.ts). */
  hide: string | null;
  keep: string[];
  net: boolean;
  files: boolean;
  nproc: number;
}

/** Every sandbox's holder still running, set up or not: ended with the grader, however it ends. */
const holders = new Set<ChildProcess>();

/** End a holder's process group: the holder, and its setup's commands while it still sets up (a mount). */
function killHolder(holder: ChildProcess): void {
  try {
    if (holder.pid !== undefined) process.kill(-holder.pid, 'SIGKILL');
  } catch {
    // gone already
  }
}

/** End a holder, and wait (bounded) until its group is gone: its namespaces go with it. */
async function endHolder(holder: ChildProcess): Promise<void> {
  killHolder(holder);
  const pid = holder.pid;
  const until = performance.now() + 2000;
  const left = () =>
    pid !== undefined && (HAS_PROC ? groupMembers(pid).length > 0 : holder.exitCode === null && !holder.signalCode);
  while (left() && performance.now() < until) await pause(5);
  holders.delete(holder);
}

/** The grader is ending (a signal): end every sandbox, once its servers are stopped. */
export async function closeAllSandboxes(): Promise<void> {
  await Promise.all([...holders].map(endHolder));
}

/** Last resort at exit, when nothing async can run any more. */
export function killSandboxesNow(): void {
  for (const holder of holders) killHolder(holder);
}

/** One grade's sandbox: its namespaces, held by the helper, and its temporary folder. */
export class Sandbox implements Network {
  readonly procRoot: string;
  private readonly dialer: HelperDialer;

  private constructor(
    private readonly spec: Spec,
    private readonly holder: ChildProcess & { pid: number },
  ) {
    this.procRoot = `/proc/${holder.pid}`;
    this.dialer = new HelperDialer(holder);
  }

  /** The server's temporary folder (its TMPDIR). */
  get tmp(): string {
    return this.spec.tmp;
  }

  get ownNetwork(): boolean {
    return this.spec.net;
  }

  /**
   * Make a sandbox for the servers that `launch` starts, as `support` allows: null where none can be made
   * (then they run in the plain box). Resolves once its helper is ready.
   */
  static async open(
    launch: Pick<Launch, 'command' | 'args' | 'shell' | 'cwd'>,
    support: SandboxSupport,
  ): Promise<Sandbox | null> {
    const applied = support.applied ?? support.provided;
    if (applied.length === 0) return null;
    const own = launch.cwd;
    const tmp = scratchDir();
    const spec: Spec = {
      own,
      tmp,
      ...tmpView(keptInTmp(launch, own, tmp, TMP)),
      net: applied.includes('network'),
      files: applied.includes('files'),
      nproc: applied.includes('processes') ? PROCESS_CAP : 0,
    };
    const sandbox = await Sandbox.start(spec);
    if (sandbox instanceof Sandbox) return sandbox;
    await removeScratch(spec.tmp);
    return null;
  }

  /**
   * Make the namespaces `spec` asks for, held by the helper (or by a sleep, for a probe that dials no
   * one): the sandbox once its setup is done, the helper still starting; else how the setup ended (97:
   * no loopback to be had).
   */
  static start(spec: Spec, holder: 'helper' | 'sleep' = 'helper'): Promise<Sandbox | { failed: number | null }> {
    const helper = holder === 'helper';
    const holding = spawn(
      'setpriv',
      [
        '--pdeathsig',
        'KILL',
        '--',
        'unshare',
        '--user',
        '--map-root-user',
        ...(spec.net ? ['--net'] : []),
        '--mount',
        '--',
        '/bin/sh',
        '-c',
        SETUP,
        'sh',
        String(process.pid),
        spec.own,
        spec.tmp,
        spec.net ? '1' : '0',
        spec.files ? '1' : '0',
        spec.files ? (spec.hide ?? '') : '',
        spec.keep.join('\n'),
        ...(helper ? [process.execPath, DIAL_HELPER] : ['sleep', '3600']),
      ],
      { stdio: ['ignore', 'pipe', 'ignore', ...(helper ? (['ipc'] as const) : [])], detached: true },
    );
    holders.add(holding);
    holding.once('exit', () => holders.delete(holding));
    return new Promise((resolve) => {
      holding.once('error', () => resolve({ failed: null }));
      holding.once('exit', (code) => resolve({ failed: code }));
      holding.stdout?.once('data', (said: Buffer) => {
        holding.stdout?.destroy(); // the setup's one word: the holder says nothing more
        if (said.toString().endsWith('ready\n') && holding.pid !== undefined)
          resolve(new Sandbox(spec, holding as ChildProcess & { pid: number }));
        else resolve({ failed: null });
      });
    });
  }

  /**
   * The command that runs `launch` in this sandbox, in a PID namespace of its own, from its folder
   * (entering a mount namespace starts at its root).
   */
  command(launch: Pick<Launch, 'command' | 'args' | 'shell' | 'cwd'>): { command: string; args: string[] } {
    const server = launch.shell ? ['/bin/sh', '-c', launch.command] : [launch.command, ...launch.args];
    return {
      command: 'nsenter',
      args: [
        '--target',
        String(this.holder.pid),
        '--user',
        ...(this.spec.net ? ['--net'] : []),
        '--mount',
        `--wd=${launch.cwd}`,
        '--preserve-credentials',
        '--',
        'unshare',
        '--pid',
        '--fork',
        '--kill-child',
        '--',
        '/bin/sh',
        '-c',
        FIRST,
        'sh',
        String(this.spec.nproc),
        ...server,
      ],
    };
  }

  dial(port: number, host: string, ms: number) {
    return this.dialer.dial(port, host, ms);
  }

  /** End it: its helper, and with it the namespaces once no server holds them; its temporary folder. */
  async close(): Promise<void> {
    this.dialer.close();
    await endHolder(this.holder);
    await removeScratch(this.spec.tmp);
  }
}

/**
 * What a server sees of the machine from inside: its interfaces, whether a write outside its folder and
 * inside it worked, and whether it could fork under a cap of 2 (itself and its first process). Builtins
 * only before the fork, which comes last (a shell that can't fork exits).
 */
const CHECK = `while IFS=: read -r name _; do
  case $name in *"|"*) ;; *) for n in $name; do echo "if $n"; done ;; esac
done < /proc/net/dev
true > "$1/outside" 2>/dev/null && echo outside-written
true > "$2/own" 2>/dev/null && echo own-written
sh -c : 2>/dev/null && echo forked`;

/** Run CHECK as a server of a sandbox made as `spec` asks: what it saw, or null where none could be made. */
async function tryCheck(spec: Spec, outside: string): Promise<string[] | 'no-ip' | null> {
  const sandbox = await Sandbox.start(spec, 'sleep');
  if (!(sandbox instanceof Sandbox)) return sandbox.failed === 97 ? 'no-ip' : null;
  try {
    const { command, args } = sandbox.command({
      command: '/bin/sh',
      args: ['-c', CHECK, 'check', outside, spec.own],
      shell: false,
      cwd: spec.own,
    });
    return await new Promise<string[]>((done) => {
      const tried = spawn(command, args, { stdio: watchedStdio(['ignore', 'pipe', 'ignore']), timeout: 5000 });
      let out = '';
      tried.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      tried.once('error', () => done([]));
      tried.once('close', () => done(out.split('\n').filter(Boolean)));
    });
  } finally {
    await sandbox.close();
  }
}

let support: Promise<SandboxSupport> | undefined;

/** No limit at all, for one reason. */
export const noSandbox = (reason: MissingReason): SandboxSupport => ({
  provided: [],
  missing: LIMITS.map((limit) => ({ limit, reason })),
});

/** Find out, once per grader, which limits this machine gives a sandboxed server: each is tried. */
export function findSandbox(): Promise<SandboxSupport> {
  support ??= (async (): Promise<SandboxSupport> => {
    const none = noSandbox;
    if (process.platform !== 'linux') return none('not-linux');
    if (process.env.SOCKET_LAB_NO_BOX === '1') return none('turned-off');
    if (!TOOLS.every((tool) => findable(tool, process.env.PATH))) return none('no-tools');
    const probe = scratchDir();
    try {
      const [own, tmp, outside] = ['own', 'tmp', 'outside'].map((name) => join(probe, name)) as [
        string,
        string,
        string,
      ];
      for (const dir of [own, tmp, outside]) mkdirSync(dir);
      writeFileSync(join(outside, 'outside'), '');
      const spec: Spec = {
        own,
        tmp,
        ...tmpView(keptInTmp({ command: '/bin/sh', args: [], shell: false }, own, tmp, TMP)),
        net: true,
        files: true,
        nproc: 2,
      };
      let seen = await tryCheck(spec, outside);
      const noIp = seen === 'no-ip';
      if (noIp) seen = await tryCheck({ ...spec, net: false }, outside);
      if (!Array.isArray(seen) || !seen.includes('own-written')) return none('no-namespaces');
      const result: SandboxSupport = { provided: [], missing: [] };
      const decide = (limit: Limit, holds: boolean, reason: MissingReason) => {
        if (holds) result.provided.push(limit);
        else result.missing.push({ limit, reason });
      };
      const interfaces = seen.filter((line) => line.startsWith('if '));
      decide('network', !noIp && interfaces.length === 1 && interfaces[0] === 'if lo', 'no-ip');
      const readOnly = !seen.includes('outside-written');
      // As root, a server keeps root's rights where a read-only view does not reach: device files (a
      // disk, written raw) and the local sockets of root's services. And the kernel exempts root's
      // processes from RLIMIT_NPROC (even in a user namespace of its own). Set up, but not promised.
      const root = process.getuid?.() === 0;
      decide('files', readOnly && !root, root && readOnly ? 'root' : 'no-remount');
      decide('processes', !seen.includes('forked'), root ? 'root' : 'no-namespaces');
      result.applied = [...result.provided, ...(root && readOnly ? (['files'] as const) : [])];
      return result;
    } finally {
      await removeScratch(probe);
    }
  })();
  return support;
}

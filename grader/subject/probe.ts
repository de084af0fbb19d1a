// Is the server listening yet? A server just started is probed, address after address, until a
// connection gets through, the server exits, or StartWatch judges it will never listen. The connection
// that gets through is the caller's to keep: a one-client server must not have its only client spent
// on a probe.
import { pause, within } from '../engine/wait.ts';
import type { ExitInfo, SubjectProcess } from './process.ts';
import { type Listener, listenersOf } from './procfs.ts';
import { type StartLimits, type StartVerdict, StartWatch } from './start-watch.ts';

/** The loopback addresses a server on this machine is reached on, in the order they are tried. */
export const HOSTS = ['127.0.0.1', '::1'] as const;

const PROBE_EVERY_MS = 10;
/** Looking at /proc costs more than a connect: every fifth round is soon enough to judge the start. */
const VERDICT_EVERY = 5;
/** And every tenth to say "wrong port". */
const ELSEWHERE_EVERY = 10;

export type ProbeEnd<T> =
  | { kind: 'connected'; host: string; connection: T }
  /** The server exited, and nothing of its group is left that might still listen. */
  | { kind: 'exited'; exit: ExitInfo }
  /** It listens, but not on its PORT (Linux): where it does. */
  | { kind: 'elsewhere'; listeners: Listener[] }
  | { kind: 'never'; verdict: StartVerdict };

/**
 * Probe until the server listens. `connect` makes one attempt on a host: the connection, or null.
 * `elsewhere`: also look (in /proc) for the server listening on another port than its own.
 */
export async function probeListening<T>(
  subject: SubjectProcess,
  limits: StartLimits,
  connect: (host: string) => Promise<T | null>,
  { elsewhere = false } = {},
): Promise<ProbeEnd<T>> {
  const watch = new StartWatch(subject, limits);
  for (let round = 0; ; round++) {
    for (const host of HOSTS) {
      const connection = await connect(host);
      if (connection !== null) return { kind: 'connected', host, connection };
    }
    if (subject.exitInfo && !subject.alive()) return { kind: 'exited', exit: subject.exitInfo };
    const verdict = round % VERDICT_EVERY === VERDICT_EVERY - 1 ? await watch.verdict() : null;
    if (elsewhere && (round % ELSEWHERE_EVERY === ELSEWHERE_EVERY - 1 || verdict)) {
      const listeners = await listeningElsewhere(subject);
      if (listeners) return { kind: 'elsewhere', listeners };
    }
    if (verdict) return { kind: 'never', verdict };
    // Retry soon, or at once when the server exits: its exit is what to report then. (Exited but with
    // processes of its group still running, it may yet listen: only a retry can tell.)
    await (subject.exitInfo ? pause(PROBE_EVERY_MS) : within(subject.exited, PROBE_EVERY_MS));
  }
}

/** Where the server listens instead of PORT, when /proc shows it listening but not there. */
async function listeningElsewhere(subject: SubjectProcess): Promise<Listener[] | null> {
  const listeners = await listenersOf(subject.pid, subject.port);
  if (!listeners || listeners.length === 0) return null;
  return listeners.some((l) => l.port === subject.port && isLoopbackReachable(l.address)) ? null : listeners;
}

function isLoopbackReachable(address: string): boolean {
  return ['0.0.0.0', '127.0.0.1', '::', '::1', '::ffff:7f00:1'].includes(address) || address.startsWith('127.');
}

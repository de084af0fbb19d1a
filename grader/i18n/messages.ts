// The grader's own sentences about what happened, shared by several properties: which sentence fits, and
// what fills it. The words themselves are in the catalogues (en.ts, zh.ts).
import type { ScriptedClient } from '../client/scripted-client.ts';
import type { Runtime } from '../subject/launch.ts';
import type { ExitInfo } from '../subject/process.ts';
import type { Listener } from '../subject/procfs.ts';
import { type Hint, hint } from './hint.ts';
import { t } from './t.ts';
import type { Text } from './text.ts';

function exitStatus(info: ExitInfo): Text {
  if (info.memory) {
    const { usedMiB, capMiB } = info.memory;
    return t('say.exit-status.memory', { usedMiB, capMiB });
  }
  if (info.error) return t('say.exit-status.error', { error: info.error });
  if (info.signal) return t('say.exit-status.signal', { signal: info.signal });
  return t('say.exit-status.code', { code: String(info.code) });
}

/** ", and the server process exited with status 1" — or nothing while it runs. */
function andExited(exit: ExitInfo | null): Text {
  if (!exit) return { en: '', zh: '' };
  const status = exitStatus(exit);
  return t('say.and-exited', { status });
}

/** How a server reads its port, in its own language. */
function readPort(runtime: Runtime): string {
  return { node: 'process.env.PORT', python: 'os.environ["PORT"]', other: '$PORT' }[runtime];
}

function where(listeners: Listener[]): string {
  return listeners
    .map((l) => (l.address.includes(':') ? `[${l.address}]:${l.port}` : `${l.address}:${l.port}`))
    .join(', ');
}

export const say = {
  exitStatus,
  andExited,

  exitedBeforeListening: (exit: ExitInfo): Text => {
    const status = exitStatus(exit);
    return t('say.exited-before-listening', { status });
  },

  /** Worked `cpuMs` of CPU time in `ms` without listening (over the `budgetMs` of CPU, or past the cap). */
  neverListened: (budgetMs: number, ms: number, cpuMs: number, port: number): Text => {
    const within = cpuMs >= budgetMs || cpuMs === 0 ? Math.min(budgetMs, ms) : ms;
    const used = cpuMs > 0 ? t('say.never-listened.used', { cpuMs, ms }) : { en: '', zh: '' };
    return t('say.never-listened', { port, within, used });
  },

  listensOnlySometimesHint: (): Hint => hint('listens-only-sometimes'),

  slowStart: (ms: number): Text => {
    const seconds = (ms / 1000).toFixed(1);
    return t('say.slow-start', { seconds });
  },

  asleepNotListening: (ms: number, port: number): Text => t('say.asleep-not-listening', { ms, port }),

  wrongPort: (listeners: Listener[], port: number, runtime: Runtime): Text => {
    const samePort = listeners.some((l) => l.port === port);
    const read = readPort(runtime);
    return samePort
      ? t('say.wrong-port.address', { listenersWhere: where(listeners) })
      : t('say.wrong-port.port', { listenersWhere: where(listeners), port, read });
  },

  triedOtherPort: (taken: number, port: number, runtime: Runtime): Text =>
    t('say.tried-other-port', { taken, port, read: readPort(runtime) }),

  connectFailed: (client: string, code: string, exit: ExitInfo | null, port: number): Text => {
    if (code === 'ECONNREFUSED' && exit) {
      const status = exitStatus(exit);
      return t('say.connect-failed.server-gone', { client, status });
    }
    if (code === 'ECONNREFUSED') {
      return t('say.connect-failed.not-listening', { client, port });
    }
    if (code === 'ETIMEDOUT') {
      return t('say.connect-failed.timed-out', { client });
    }
    return t('say.connect-failed.other', { client, code });
  },

  /** Why a client got no reply: silence, a FIN, or a reset — and whether the server is gone. */
  noReply: (client: ScriptedClient, ms: number, exit: ExitInfo | null): Text => {
    const tail = andExited(exit);
    if (client.resetReceived) {
      return t('say.no-reply.reset', { name: client.name, tail });
    }
    if (client.finReceived) {
      return t('say.no-reply.fin', { name: client.name, tail });
    }
    return t('say.no-reply.silence', { name: client.name, ms, tail });
  },

  noFinYet: (client: string, ms: number): Text => t('say.no-fin-yet', { client, ms }),

  noReplyHint: (): Hint => hint('no-reply'),
  /** Nothing came back from a server running flat out (said in the learner's style by course/hint-styles.ts). */
  spinningHint: (): Hint => hint('no-reply.spinning'),
  /** A handshake that did not complete: the listen backlog is full. */
  backlogFullHint: (): Hint => hint('backlog-full'),

  /** The same lead for a server not written for Node: its own language's calls, no event-loop traps. */
  noReplyHintFor: (runtime: 'python' | 'other'): Hint =>
    hint(runtime === 'python' ? 'no-reply.python' : 'no-reply.other'),

  toUpperCaseHint: (): Hint => hint('to-upper-case'),

  serverGoneHint: (exit: ExitInfo, printed: boolean): Hint => {
    const status = exitStatus(exit);
    return hint('server-gone', { status, printed: printed ? t('server-gone.printed') : '' });
  },

  stoppedListeningHint: (): Hint => hint('stopped-listening'),

  otherPortHint: (): Hint => hint('other-port'),

  exitStatusHint: (exit: ExitInfo): Hint => {
    const status = exitStatus(exit);
    // Status 13 is Node's "unsettled top-level await": a different cause from exiting on purpose.
    return hint(exit.code === 13 ? 'exit-status.unsettled-await' : 'exit-status.by-itself', { status });
  },

  wrongReply: (what: Text): Text => t('say.wrong-reply', { what }),

  andStoppedForMemory: (message: Text, exit: ExitInfo): Text => {
    const status = exitStatus(exit);
    return t('say.and-stopped-for-memory', { message, status });
  },

  pastTimeCap: (seconds: number): Text => t('say.past-time-cap', { seconds }),

  pastTimeCapHint: (): Hint => hint('past-time-cap'),

  notJudged: (): Text => t('say.not-judged'),

  needsProc: (): Text => t('say.needs-proc'),
};

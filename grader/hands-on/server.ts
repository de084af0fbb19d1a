// The learner's server, started the way the grader starts it: compiled once, on a free port, in a
// process group of its own (SubjectProcess), its output followed line by line as it comes.

import { say as graderSay } from '../i18n/messages.ts';
import { t } from '../i18n/t.ts';
import type { Text } from '../i18n/text.ts';
import { compileServer } from '../subject/compile.ts';
import { findBox } from '../subject/contain.ts';
import { explainStartupError } from '../subject/friendly-errors.ts';
import { compiledLaunch, type Launch, withPort } from '../subject/launch.ts';
import { LineSplitter } from '../subject/lines.ts';
import { probeListening } from '../subject/probe.ts';
import { SubjectProcess } from '../subject/process.ts';
import { shown } from '../subject/shown.ts';
import type { StartLimits } from '../subject/start-watch.ts';
import { say } from './messages.ts';
import { Connection } from './session.ts';

export type Stream = 'stdout' | 'stderr';

export interface StartedServer {
  subject: SubjectProcess;
  /** Flush the last, unterminated line of each stream (the server has exited). */
  flush(): void;
  /** Remove the compiled copy, once the server is stopped. */
  remove(): Promise<void>;
}

export async function startServer(
  launch: Launch,
  port: number,
  options: { killGraceMs: number; env: NodeJS.ProcessEnv; onLine: (line: string, stream: Stream) => void },
): Promise<StartedServer> {
  const [compiled] = await Promise.all([launch.typescript ? compileServer(launch.typescript) : null, findBox()]);
  const run = compiled ? compiledLaunch(launch, compiled.file) : launch;
  const subject = new SubjectProcess(withPort(run, port), port, options.killGraceMs, options.env);
  // Followed in the same synchronous step as the spawn: output only arrives on a later tick.
  const splitters = (['stdout', 'stderr'] as const).map((stream) => {
    const splitter = new LineSplitter((line) => options.onLine(shown(line), stream));
    subject[stream].follow((chunk) => splitter.push(chunk));
    return splitter;
  });
  return {
    subject,
    flush: () => {
      for (const s of splitters) s.flush();
    },
    remove: async () => {
      await compiled?.remove();
    },
  };
}

export type FirstConnection = { ok: true; connection: Connection } | { ok: false; why: Text };

/**
 * The first connection to a server just started (see probeListening): it is the learner's connection.
 */
export async function firstConnection(
  subject: SubjectProcess,
  limits: StartLimits,
  connectMs: number,
): Promise<FirstConnection> {
  const end = await probeListening(subject, limits, async (host) => {
    const opened = await Connection.open(host, subject.port, connectMs);
    return opened.ok ? opened.connection : null;
  });
  switch (end.kind) {
    case 'connected':
      return { ok: true, connection: end.connection };
    case 'exited': {
      const why = explainStartupError(subject.stderr.lines(40).join('\n'));
      const exited = say.exitedBeforeListening(end.exit);
      return { ok: false, why: why ? t('say.exited-and-why', { exited, why }) : exited };
    }
    case 'never': {
      const { verdict } = end;
      return {
        ok: false,
        why:
          verdict.kind === 'idle'
            ? graderSay.asleepNotListening(verdict.ms, subject.port)
            : graderSay.neverListened(limits.startMs, verdict.ms, verdict.cpuMs, subject.port),
      };
    }
    case 'elsewhere':
      throw new Error('probeListening looked for another port unasked');
  }
}

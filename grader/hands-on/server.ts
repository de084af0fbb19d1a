// The learner's server, started the way the grader starts it: compiled once, on a free port, in a
// process group of its own (SubjectProcess), its output followed line by line as it comes.

import { pause, within } from '../engine/wait.ts';
import { say as graderSay } from '../i18n/messages.ts';
import { t } from '../i18n/t.ts';
import type { Text } from '../i18n/text.ts';
import { compileServer } from '../subject/compile.ts';
import { explainStartupError } from '../subject/friendly-errors.ts';
import { compiledLaunch, type Launch, withPort } from '../subject/launch.ts';
import { SubjectProcess } from '../subject/process.ts';
import { type StartLimits, StartWatch } from '../subject/start-watch.ts';
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

/** Split a stream into lines as they complete; what is left of a line waits for the rest, or for flush. */
export class LineSplitter {
  private partial = '';
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly emit: (line: string) => void) {}

  push(chunk: Buffer): void {
    const lines = (this.partial + this.decoder.decode(chunk, { stream: true })).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.emit(line.replace(/\r$/, ''));
  }

  flush(): void {
    const rest = this.partial + this.decoder.decode();
    this.partial = '';
    if (rest !== '') this.emit(rest.replace(/\r$/, ''));
  }
}

export async function startServer(
  launch: Launch,
  port: number,
  options: { killGraceMs: number; env: NodeJS.ProcessEnv; onLine: (line: string, stream: Stream) => void },
): Promise<StartedServer> {
  const compiled = launch.typescript ? await compileServer(launch.typescript) : null;
  const run = compiled ? compiledLaunch(launch, compiled.file) : launch;
  const subject = new SubjectProcess(withPort(run, port), port, options.killGraceMs, options.env);
  // Followed in the same synchronous step as the spawn: output only arrives on a later tick.
  const splitters = (['stdout', 'stderr'] as const).map((stream) => {
    const splitter = new LineSplitter((line) => options.onLine(line, stream));
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

const HOSTS = ['127.0.0.1', '::1'] as const;
const PROBE_EVERY_MS = 20;

export type FirstConnection = { ok: true; connection: Connection } | { ok: false; why: Text };

/**
 * The first connection to a server just started: retried while nothing listens yet, until it is
 * accepted, the server exits, or it is judged as never going to listen (see StartWatch: a server busy
 * starting, through a slow launcher or on a slow machine, is waited for). The probe that succeeds is the
 * learner's connection: a one-client server (stages 1 and 2) must not have its only client spent on a probe.
 */
export async function firstConnection(
  subject: SubjectProcess,
  limits: StartLimits,
  connectMs: number,
): Promise<FirstConnection> {
  const watch = new StartWatch(subject, limits);
  for (let round = 0; ; round++) {
    for (const host of HOSTS) {
      const opened = await Connection.open(host, subject.port, connectMs);
      if (opened.ok) return opened;
    }
    if (subject.exitInfo && !subject.alive()) {
      const why = explainStartupError(subject.stderr.lines(40).join('\n'));
      const exited = say.exitedBeforeListening(subject.exitInfo);
      return { ok: false, why: why ? t('say.exited-and-why', { exited, why }) : exited };
    }
    const verdict = round % 3 === 2 ? await watch.verdict() : null;
    if (verdict?.kind === 'busy')
      return { ok: false, why: graderSay.neverListened(limits.startMs, verdict.ms, verdict.cpuMs, subject.port) };
    if (verdict?.kind === 'idle') return { ok: false, why: graderSay.asleepNotListening(verdict.ms, subject.port) };
    // Retry soon, or at once when the server exits: its exit is what to report then. (Exited but with
    // processes of its group still running, it may yet listen: only a retry can tell.)
    await (subject.exitInfo ? pause(PROBE_EVERY_MS) : within(subject.exited, PROBE_EVERY_MS));
  }
}

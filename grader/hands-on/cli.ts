// Entry of `npm run client`: talk to a TCP server by hand. With a stage (or --solution, --file) it
// starts the server itself; whatever ends the client — :quit, Ctrl-D, Ctrl-C, a closed terminal, a
// crash — that server is stopped first.
import { resolve } from 'node:path';
import { ROOT } from '../course/catalogue.ts';
import { SubjectError } from '../engine/errors.ts';
import { limitsFor, timeoutScale } from '../engine/limits.ts';
import { detectLang, type Lang, langInArgv } from '../i18n/text.ts';
import { fileLaunch, type Launch } from '../subject/launch.ts';
import { freePort } from '../subject/port.ts';
import { HOSTS } from '../subject/probe.ts';
import { stopAll } from '../subject/process.ts';
import { endOnSignals } from '../subject/signals.ts';
import { say } from './messages.ts';
import { type Options, OptionsError, parseOptions, type Target } from './options.ts';
import { Repl } from './repl.ts';
import { Screen } from './screen.ts';
import { firstConnection, type StartedServer, startServer } from './server.ts';
import { Connection, type Windows, windows } from './session.ts';

function launchFor(target: Target & { kind: 'start' }): Launch {
  const { stage, subject } = target;
  if (subject.kind === 'file') return fileLaunch(subject.path);
  // parseOptions names a stage whenever the subject is not a file.
  const path = subject.kind === 'solution' ? stage?.solution : stage?.starter;
  return fileLaunch(resolve(ROOT, path ?? ''), ROOT);
}

/** The first connection to a server already running: 127.0.0.1, then ::1, unless a host was given. */
async function connectTo(target: Target & { kind: 'port' }, w: Windows, screen: Screen): Promise<Connection | null> {
  const hosts = target.host ? [target.host] : HOSTS;
  let first: { host: string; code: string } | null = null;
  for (const host of hosts) {
    const opened = await Connection.open(host, target.port, w.connectMs);
    if (opened.ok) return opened.connection;
    first ??= { host, code: opened.code };
  }
  if (first?.code === 'ECONNREFUSED') screen.say(say.refused(first.host, target.port), 'error');
  else if (first) screen.say(say.connectFailed(first.host, target.port, first.code), 'error');
  return null;
}

// What a signal handler must reach: the server to stop, the screen to silence.
const current: { lang: Lang; screen: Screen | null; server: StartedServer | null; ending: boolean } = {
  lang: 'en',
  screen: null,
  server: null,
  ending: false,
};

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let lang: Lang = langInArgv(argv) ?? detectLang(env);
  let options: Options;
  try {
    options = parseOptions(argv);
  } catch (err) {
    if (!(err instanceof OptionsError)) throw err;
    lang = err.lang ?? lang;
    // The one line that matters, and where the rest is: the whole usage is behind --help.
    process.stderr.write(`${err.text[lang]}\n${say.usagePointer()[lang]}\n`);
    return 2;
  }
  lang = options.lang ?? lang;
  current.lang = lang;
  if (options.help) {
    process.stdout.write(`${say.usage()[lang]}\n`);
    return 0;
  }
  if (!process.stdin.isTTY) {
    process.stderr.write(`${say.notATerminal()[lang]}\n`);
    return 2;
  }
  const screen = new Screen(lang, process.stdin, process.stdout, Boolean(process.stdout.isTTY) && !env.NO_COLOR);
  current.screen = screen;
  const scale = timeoutScale(env);
  const limits = limitsFor(scale);
  const w = windows(scale);
  try {
    let conn: Connection | null;
    const target = options.target;
    if (target.kind === 'start') {
      const launch = launchFor(target);
      const port = await freePort();
      screen.say(say.starting(launch.label, port), 'note');
      current.server = await startServer(launch, port, {
        killGraceMs: limits.killGraceMs,
        env,
        onLine: (line, stream) => screen.server(say.serverLabel, line, stream),
      });
      const first = await firstConnection(current.server.subject, limits, w.connectMs);
      if (!first.ok) {
        current.server.flush();
        screen.say(first.why, 'error');
        return 1;
      }
      conn = first.connection;
    } else {
      conn = await connectTo(target, w, screen);
      if (!conn) return 1;
    }
    screen.say(say.connected(conn.host, conn.port, conn.localPort));
    screen.say(say.welcome(options.framed), 'note');

    const subject = current.server?.subject ?? null;
    void subject?.exited.then((exit) => {
      current.server?.flush();
      if (!current.ending) screen.say(say.serverExited(exit), 'warn');
    });
    // Raw from here to the end, not only while the prompt is up: a Ctrl-D pressed while a reply is
    // being collected is then a key for the next prompt, not an end-of-file that would stop stdin for
    // good; a Ctrl-C likewise waits (at most one reply window) for the prompt, which ends the client.
    screen.raw = true;
    process.stdin.setRawMode(true);
    const end = await new Repl(conn, screen, w, subject, options.framed).run();
    current.ending = true;
    screen.say(end === 'interrupt' ? say.interrupted() : end === 'eof' ? say.endOfInput() : say.bye(), 'note');
    screen.mute();
    return end === 'interrupt' ? 130 : 0;
  } catch (err) {
    if (!(err instanceof SubjectError)) throw err;
    screen.say(err.text, 'error');
    return 2;
  } finally {
    current.ending = true;
    restoreTerminal();
    await cleanUp();
  }
}

function restoreTerminal(): void {
  try {
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
  } catch {
    // the terminal is gone
  }
}

async function cleanUp(): Promise<void> {
  await stopAll();
  await current.server?.remove();
}

async function crash(err: unknown): Promise<void> {
  current.ending = true;
  current.screen?.mute();
  const crashed = say.crashed();
  process.stderr.write(`\n${crashed.en}\n${crashed.zh}\n\n${(err as Error).stack ?? err}\n`);
  restoreTerminal();
  await cleanUp();
  process.exit(3);
}

// Before the first prompt the terminal is in cooked mode, where Ctrl-C is a SIGINT.
endOnSignals({
  onSignal: (signal) => {
    current.ending = true;
    current.screen?.mute();
    if (signal === 'SIGINT') process.stdout.write(`\n${say.interrupted()[current.lang]}\n`);
  },
  cleanUp: async () => {
    await current.server?.remove();
  },
  beforeExit: restoreTerminal,
  onCrash: (err) => void crash(err),
});

try {
  process.exitCode = await main(process.argv.slice(2), process.env);
} catch (err) {
  await crash(err);
}

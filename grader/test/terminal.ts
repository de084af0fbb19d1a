// Run a program in a real pseudo-terminal and drive it as a learner at the keyboard would.
//
//   const run = await runInTerminal(['node', 'grader/bundle/run.mjs', 'grader/hands-on/cli.ts', '3', '--solution'], [
//     { waitFor: /to 127\.0\.0\.1:\d+/ },
//     { type: 'hello' },
//     { key: 'enter' },
//     { waitFor: 'HELLO' },
//     { key: 'ctrl-d' },
//   ]);
//   run.output; run.code;
//
// A Step is one of:
//   { waitFor: string | RegExp, timeoutMs?: number }
//       Wait until the terminal's output (ANSI escapes stripped, line ends as \n) shows the text or
//       matches the pattern. Each waitFor searches only what came after the previous waitFor's match,
//       so waiting twice for a prompt waits for the next one. Bounded: after timeoutMs (default 60 s,
//       times SOCKET_LAB_TIMEOUT_SCALE) the run fails with a TerminalTimeout carrying the output so far.
//       (A bound against a hang, not a measure of speed: on a machine several times slower than a quiet
//       one, starting the grader through tsx alone can take seconds.)
//   { type: string }
//       Type the text (as UTF-8 bytes, all at once, like a paste). Nothing is added: no Enter.
//   { key: 'enter' | 'up' | 'down' | 'left' | 'right' | 'tab' | 'backspace' | 'escape' | 'ctrl-c' | 'ctrl-d' }
//       Press a key. In a terminal in cooked mode ctrl-c is SIGINT to the foreground process group;
//       in raw mode (an enquirer prompt) it is a byte the program reads.
//   { run: (output: string) => void | Promise<void> }
//       Do something outside the terminal at this point (close a socket, connect to a port read from
//       the output so far), and wait for it to finish; the program keeps running meanwhile.
// Typing and keys do not wait for anything: put a waitFor before them for what must be on screen
// first (a prompt), or the bytes arrive early, as they would from a learner typing ahead.
// After the last step the program is given exitTimeoutMs (default 60 s) to exit by itself; then the
// terminal is hung up (SIGHUP, as a closed window) and `code` is null, `hungUp` true.
//
// The terminal is a pty made by grader/test/pty-driver.py (python3, standard library only), which
// relays bytes; the steps run here, so patterns are JavaScript's own regular expressions.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { timeoutScale } from '../engine/limits.ts';

export type Key = 'enter' | 'up' | 'down' | 'left' | 'right' | 'tab' | 'backspace' | 'escape' | 'ctrl-c' | 'ctrl-d';

export type Step =
  | { waitFor: string | RegExp; timeoutMs?: number }
  | { type: string }
  | { key: Key }
  | { run: (output: string) => void | Promise<void> };

export interface TerminalOptions {
  /** Merged over this process's environment. */
  env?: Record<string, string>;
  cwd?: string;
  cols?: number;
  rows?: number;
  /** The default bound of each waitFor. */
  timeoutMs?: number;
  /** How long the program has to exit by itself after the last step. */
  exitTimeoutMs?: number;
}

export interface TerminalRun {
  /** Everything the program showed, ANSI escapes stripped, line ends as \n. */
  output: string;
  /** The bytes as the terminal received them, escapes and all. */
  raw: string;
  code: number | null;
  /** The signal number that ended the program, if one did. */
  signal: number | null;
  /** The program did not exit by itself after the last step; the terminal was hung up. */
  hungUp: boolean;
}

export class TerminalTimeout extends Error {
  constructor(
    readonly step: Step,
    readonly index: number,
    readonly output: string,
    exited: boolean,
  ) {
    const wanted = 'waitFor' in step ? String(step.waitFor) : JSON.stringify(step);
    const why = exited ? 'the program exited before it appeared' : 'it did not appear in time';
    super(`step ${index + 1}, waitFor ${wanted}: ${why}. The terminal showed:\n${output}`);
  }
}

const KEYS: Record<Key, string> = {
  enter: '\r',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  tab: '\t',
  backspace: '\x7f',
  escape: '\x1b',
  'ctrl-c': '\x03',
  'ctrl-d': '\x04',
};

const DRIVER = resolve(import.meta.dirname, 'pty-driver.py');
const EXIT_MARK = 'PTY-DRIVER-EXIT ';

// CSI (colors, cursor moves, erasing), OSC (titles) and the two-byte escapes; BEL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: escapes are what it strips
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_78=>]|\x07/g;

/** Terminal bytes as text: escapes stripped, \r\n and lone \r as \n. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '').replace(/\r\n?/g, '\n');
}

function matchFrom(text: string, from: number, wanted: string | RegExp): number | null {
  if (typeof wanted === 'string') {
    const at = text.indexOf(wanted, from);
    return at < 0 ? null : at + wanted.length;
  }
  const re = new RegExp(wanted.source, `${wanted.flags.replace('g', '').replace('y', '')}g`);
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index + m[0].length : null;
}

export async function runInTerminal(argv: string[], steps: Step[], opts: TerminalOptions = {}): Promise<TerminalRun> {
  const scale = timeoutScale();
  const waitMs = opts.timeoutMs ?? 60_000 * scale;
  const exitMs = opts.exitTimeoutMs ?? 60_000 * scale;
  const spec = JSON.stringify({ argv, cols: opts.cols ?? 100, rows: opts.rows ?? 30 });
  const driver = spawn('python3', [DRIVER, spec], {
    cwd: opts.cwd ?? process.cwd(),
    env: { ...process.env, TERM: 'xterm-256color', ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });

  let raw = '';
  let driverErr = '';
  const decoder = new StringDecoder('utf8');
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };
  driver.stdout.on('data', (chunk: Buffer) => {
    raw += decoder.write(chunk);
    changed();
  });
  driver.stderr.on('data', (chunk: Buffer) => (driverErr += chunk.toString()));
  const closed = new Promise<void>((done) => driver.on('close', () => done()));
  let ended = false;
  void closed.then(() => {
    ended = true;
    changed();
  });

  /** Resolve true once `predicate` holds (checked on every output and at the end), false after `ms`. */
  const until = (predicate: () => boolean, ms: number): Promise<boolean> =>
    new Promise((done) => {
      const check = () => {
        if (predicate()) finish(true);
      };
      const finish = (value: boolean) => {
        clearTimeout(timer);
        listeners.delete(check);
        done(value);
      };
      const timer = setTimeout(() => finish(false), ms);
      listeners.add(check);
      check();
    });

  const hangUp = async () => {
    driver.stdin.end();
    // The driver gives the program its grace and a SIGKILL; this bound is for the driver itself.
    if (!(await until(() => ended, 10_000))) driver.kill('SIGKILL');
    await closed;
  };

  let cursor = 0;
  try {
    for (const [index, step] of steps.entries()) {
      if ('waitFor' in step) {
        let end: number | null = null;
        const found = await until(() => {
          end = matchFrom(stripAnsi(raw), cursor, step.waitFor);
          return end !== null || ended;
        }, step.timeoutMs ?? waitMs);
        if (!found || end === null) {
          throw new TerminalTimeout(
            step,
            index,
            stripAnsi(raw) + (driverErr ? `\n[driver stderr] ${driverErr}` : ''),
            ended,
          );
        }
        cursor = end;
      } else if ('run' in step) {
        await step.run(stripAnsi(raw));
      } else if (!ended) {
        driver.stdin.write('type' in step ? step.type : KEYS[step.key]);
      }
    }
  } catch (err) {
    await hangUp();
    throw err;
  }

  const exited = await until(() => ended, exitMs);
  if (!exited) await hangUp();
  raw += decoder.end();
  const exit = new RegExp(`^${EXIT_MARK}(.*)$`, 'm').exec(driverErr);
  const status = exit
    ? (JSON.parse(exit[1] as string) as { code: number | null; signal: number | null })
    : { code: null, signal: null };
  return { output: stripAnsi(raw), raw, code: exited ? status.code : null, signal: status.signal, hungUp: !exited };
}

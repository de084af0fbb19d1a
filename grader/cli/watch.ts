// --watch: grade again whenever the learner saves a file, on a clean screen, whatever state the server is
// in (a syntax error is just another report). In a terminal, keys: Enter grades again, h shows the next
// hint, q quits. How saves are noticed (announced, or looked for): watch-mode.ts.
import { t } from '../i18n/t.ts';
import type { Lang, Text } from '../i18n/text.ts';
import { type SaveWatch, watchForSaves } from './watch-mode.ts';

export interface WatchIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
}

/** One grade; `reveal` asks for the next hint. */
export type Regrade = (reveal: boolean) => Promise<void>;

const SETTLE_MS = 80; // editors save in bursts of events: grade once the burst is over

const footer = (dir: string, keys: boolean): Text =>
  t('watch.footer', { dir, keys: keys ? t('watch.footer.keys') : t('watch.footer.ctrl-c') });

/** Resolves when the learner quits: 'quit' for q, 'interrupt' for Ctrl-C (a terminal in raw mode sends it as a key). */
export function watchAndRegrade(
  folder: string,
  label: string,
  regrade: Regrade,
  io: WatchIo,
  lang: Lang,
): Promise<'quit' | 'interrupt'> {
  const keys = Boolean(io.stdin.isTTY && io.stdout.isTTY);
  let running: Promise<void> | null = null;
  let again: boolean | null = null; // a grade requested while one runs: run it after, with this reveal
  let settle: NodeJS.Timeout | undefined;
  let polling: Text | null = null; // said once, under the first report's footer

  const run = (reveal: boolean): void => {
    if (running) {
      again = Boolean(again) || reveal;
      return;
    }
    if (io.stdout.isTTY) io.stdout.write('\x1b[2J\x1b[3J\x1b[H'); // a clean screen for each report
    running = regrade(reveal).finally(() => {
      io.stdout.write(footer(label, keys)[lang]);
      if (polling) io.stdout.write(polling[lang]);
      polling = null;
      running = null;
      if (again !== null) {
        const reveal2 = again;
        again = null;
        run(reveal2);
      }
    });
  };

  return new Promise((resolve) => {
    const saves: Promise<SaveWatch> = watchForSaves(folder, io.env, () => {
      clearTimeout(settle);
      settle = setTimeout(() => run(false), SETTLE_MS);
    });
    const quit = async (how: 'quit' | 'interrupt') => {
      (await saves).close();
      clearTimeout(settle);
      if (keys) io.stdin.setRawMode(false);
      io.stdin.pause();
      await running;
      resolve(how);
    };
    if (keys) {
      io.stdin.setRawMode(true);
      io.stdin.on('data', (key: Buffer) => {
        const k = key.toString();
        if (k === 'q' || k === '\u0004') void quit('quit');
        else if (k === '\u0003') void quit('interrupt');
        else if (k === 'h') run(true);
        else if (k === '\r' || k === '\n') run(false);
      });
    }
    // The first grade once watching: a save the learner makes after its report is never missed.
    void saves.then((watching) => {
      polling = watching.polling;
      run(false);
    });
  });
}

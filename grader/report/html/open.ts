// --open: hand the report to the learner's browser, when there is one to hand it to. Never waits for the
// browser (it may stay open for hours) and never fails the grade: at worst the path is printed.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { shellQuote } from '../../cli/shell-quote.ts';

/** The command that opens a file in a browser here, or undefined when there is none (a server, CI, a container). */
export function browserCommand(
  path: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): { command: string; args: string[]; shell: boolean } | undefined {
  // $BROWSER, as many tools read it: 'none' opens nothing; anything else is a command given the file.
  const chosen = env.BROWSER?.trim();
  if (chosen === 'none') return undefined;
  if (chosen) return { command: `${chosen} ${shellQuote(path)}`, args: [], shell: true };
  if (platform === 'darwin') return { command: 'open', args: [path], shell: false };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', path], shell: false };
  // WSL: Windows' browser, through wslview when installed.
  if (env.WSL_DISTRO_NAME && onPath('wslview', env)) return { command: 'wslview', args: [path], shell: false };
  // Elsewhere, only with a desktop to show it on: over ssh or in CI, xdg-open would find no browser.
  if ((env.DISPLAY || env.WAYLAND_DISPLAY) && onPath('xdg-open', env))
    return { command: 'xdg-open', args: [path], shell: false };
  return undefined;
}

/** What became of the page: handed to a browser, a launcher that failed, no browser here, or none asked for. */
export type Opened = 'opened' | 'failed' | 'no-browser' | 'not-asked';

/** A launcher that fails says so at once (a status other than 0); one still running after this has a browser up. */
const SETTLE_MS = 1500;

/** Start the browser on the file and let it go, after at most SETTLE_MS to hear whether it failed. */
export function openInBrowser(path: string, env: NodeJS.ProcessEnv = process.env): Promise<Opened> {
  if (env.BROWSER?.trim() === 'none') return Promise.resolve('not-asked');
  const how = browserCommand(path, env);
  if (!how) return Promise.resolve('no-browser');
  return new Promise((done) => {
    let child: ChildProcess;
    try {
      child = spawn(how.command, how.args, { shell: how.shell, detached: true, stdio: 'ignore', env });
    } catch {
      done('failed');
      return;
    }
    const settle = (opened: Opened) => {
      clearTimeout(timer);
      child.unref(); // the browser stays; the grader need not
      done(opened);
    };
    const timer = setTimeout(() => settle('opened'), SETTLE_MS);
    child.once('error', () => settle('failed'));
    child.once('exit', (code) => settle(code === 0 ? 'opened' : 'failed'));
  });
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}

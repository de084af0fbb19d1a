// --open: hand the report to the learner's browser, when there is one to hand it to. Never waits for the
// browser (it may stay open for hours) and never fails the grade: at worst the path is printed.
import { spawn } from 'node:child_process';
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

/** Start the browser on the file and let it go; true when one was started. */
export function openInBrowser(path: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const how = browserCommand(path, env);
  if (!how) return false;
  try {
    const child = spawn(how.command, how.args, { shell: how.shell, detached: true, stdio: 'ignore', env });
    child.on('error', () => {}); // a browser that fails to start leaves the printed path
    child.unref();
    return true;
  } catch {
    return false;
  }
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}

// How the server under test is written, told from its source: hints then speak of the calls that
// style uses (a 'data' listener has no await to put a drain behind; a thread has no event loop).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Launch, Runtime } from './launch.ts';

export type Style = 'node-promise' | 'node-callback' | 'python-blocking' | 'python-threads' | 'python-asyncio';

/** Where a hint's variant is looked up: a style's own, then its language's (for a Python server of any style). */
export type StyleKey = Style | 'python';

const SOURCE = /\.(py|[cm]?[jt]s)$/i;

/** Comments stripped, so a comment that names a call doesn't count as the call. */
function code(source: string, python: boolean): string {
  if (python) return source.replace(/(^|\s)#.*$/gm, '$1');
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

/** The style of `source`, a server run by `runtime`; undefined when the source says nothing that tells. */
export function styleOf(source: string, python: boolean): Style | undefined {
  const text = code(source, python);
  if (python) {
    if (/\basyncio\b/.test(text)) return 'python-asyncio';
    if (/\bthreading\b|\b_thread\b|Threading(TCP|Mixin|MixIn)|ThreadPoolExecutor/.test(text)) return 'python-threads';
    return 'python-blocking';
  }
  if (/\.on\(\s*['"`]data['"`]/.test(text)) return 'node-callback';
  if (/\bawait\b|\bonce\(|\bfor await\b|\bpipeline\(/.test(text)) return 'node-promise';
  return undefined;
}

/** The source file a launch runs: `--file`'s, or the first word of a `--cmd` that names an existing one. */
export function sourceOf(launch: Launch): string | undefined {
  const words = launch.shell ? launch.command.split(/\s+/) : [...launch.args].reverse();
  for (const word of words) {
    const path = resolve(launch.cwd, word.replace(/^['"]|['"]$/g, ''));
    if (SOURCE.test(extname(path)) && existsSync(path) && statSync(path).isFile()) return path;
  }
  return undefined;
}

/** The keys a launch's hints are looked up by, most particular first (read once per grade). */
export function styleKeys(launch: Launch): StyleKey[] {
  const path = sourceOf(launch);
  const runtime: Runtime = path ? (/\.py$/i.test(path) ? 'python' : 'node') : launch.runtime;
  let style: Style | undefined;
  try {
    style = path ? styleOf(readFileSync(path, 'utf8'), runtime === 'python') : undefined;
  } catch {
    style = undefined;
  }
  const keys: StyleKey[] = style ? [style] : [];
  return runtime === 'python' ? [...keys, 'python'] : keys;
}

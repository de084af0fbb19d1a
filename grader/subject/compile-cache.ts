// What esbuild made of a server, kept between grades: a learner grades the same file again and again
// (a re-grade, --hint, the next rung of a ladder), and esbuild's own start costs about 90 ms of each.
// An entry holds while every file the compile read has the same content (a hash, not a size and an
// mtime: two saves inside one clock tick share an mtime) and no file came or went beside them (which
// could change what an import resolves to). A cache that can't be read or written is only slower.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** Two folders deep, as every source is (and the bundle too: see grader/bundle/run.mjs). */
export const DEFAULT_CACHE_DIR = resolve(import.meta.dirname, '../..', '.socket-lab/compiled');
/** Entries kept at most: a class's worth of files graded on one machine leaves no more than this. */
const KEEP = 64;

export interface CachedCompile {
  /** The output's file name (its extension says ES module or CommonJS), or null: left to tsx. */
  name: string | null;
  contents: string;
}

interface Entry extends CachedCompile {
  tool: string;
  /** Every file the compile read, with a hash of its content. */
  inputs: Record<string, string>;
  /** The folders they are in, with their mtimes: a file added or removed there changes it. */
  folders: Record<string, number>;
}

/** What made the entry: another esbuild or Node compiles differently. */
const TOOL = (() => {
  try {
    const { version } = createRequire(import.meta.url)('esbuild/package.json') as { version: string };
    return `esbuild ${version}, node ${process.versions.node.split('.')[0]}`;
  } catch {
    return 'unknown';
  }
})();

const hashOf = (file: string) => createHash('sha1').update(readFileSync(file)).digest('hex');
const entryFile = (dir: string, source: string) =>
  join(dir, `${createHash('sha1').update(source).digest('hex').slice(0, 16)}.json`);

/** The compile kept for `source`, while every file it read is as it was; else undefined. */
export function cachedCompile(dir: string, source: string): CachedCompile | undefined {
  try {
    const entry = JSON.parse(readFileSync(entryFile(dir, source), 'utf8')) as Entry;
    if (entry.tool !== TOOL) return undefined;
    for (const [folder, mtime] of Object.entries(entry.folders))
      if (statSync(folder).mtimeMs !== mtime) return undefined;
    for (const [file, hash] of Object.entries(entry.inputs)) if (hashOf(file) !== hash) return undefined;
    return { name: entry.name, contents: entry.contents };
  } catch {
    return undefined; // none yet, unreadable, or an input gone
  }
}

/**
 * How long before the compile began its inputs must have been saved last. The files are hashed after
 * the compile: one saved meanwhile would be kept with a hash of content the compile never read. An mtime
 * comes from a clock that may lag by a tick, hence the margin; a file saved that recently (watch mode)
 * is compiled again next time, by an esbuild already running there.
 */
const SETTLED_MS = 1000;

/** Keep a compile of `source`, begun at `startedAt` (ms since the epoch), that read `inputs` (absolute paths). */
export function keepCompile(
  dir: string,
  source: string,
  startedAt: number,
  inputs: readonly string[],
  compile: CachedCompile,
): void {
  try {
    // Hashed first, stamped after: an mtime still that old then vouches for the content hashed too.
    const hashes = Object.fromEntries(inputs.map((f) => [f, hashOf(f)]));
    const paths = [...new Set([...inputs, ...inputs.map((f) => dirname(f))])];
    const mtimes = new Map(paths.map((p) => [p, statSync(p).mtimeMs]));
    if ([...mtimes.values()].some((mtime) => mtime > startedAt - SETTLED_MS)) return;
    const folders = Object.fromEntries(inputs.map((f) => [dirname(f), mtimes.get(dirname(f)) as number]));
    const entry: Entry = { tool: TOOL, inputs: hashes, folders, ...compile };
    mkdirSync(dir, { recursive: true });
    // Written aside, then renamed: a grader beside this one reads a whole entry, old or new.
    const file = entryFile(dir, source);
    const aside = `${file}.${process.pid}.tmp`;
    writeFileSync(aside, JSON.stringify(entry));
    renameSync(aside, file);
    prune(dir);
  } catch {
    // a read-only checkout: every grade compiles, as before
  }
}

/** Remove the entries least recently written, past KEEP. */
function prune(dir: string): void {
  const entries = readdirSync(dir).filter((name) => name.endsWith('.json'));
  if (entries.length <= KEEP) return;
  const byAge = entries
    .map((name) => ({ path: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => a.mtime - b.mtime);
  for (const { path } of byAge.slice(0, entries.length - KEEP)) rmSync(path, { force: true });
}

// A TypeScript server is compiled once per grade, so its many fresh starts each cost a plain Node start
// (about 60 ms of CPU here) instead of loading tsx again (about 220 ms); what was made is kept for the
// next grade of the same files (compile-cache.ts). Source maps keep the learner's own file and line
// numbers in every stack trace. Whatever this can't compile faithfully runs with tsx.
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { basename, extname, join, resolve } from 'node:path';
import type { Metafile } from 'esbuild';
import { cachedCompile, DEFAULT_CACHE_DIR, keepCompile } from './compile-cache.ts';
import { removeScratch, scratchDir, scratchKept } from './scratch.ts';

export interface Compiled {
  file: string;
  /** Remove the compiled output; the grader calls it when the grade is over. */
  remove(): Promise<void>;
}

const BUILTINS = new Set(builtinModules);

// Code that finds its way by its own location or command line would see the compiled copy instead.
const SELF_AWARE =
  /\bimport\.meta\.(url|dirname|filename|resolve)\b|\b__dirname\b|\b__filename\b|\bprocess\.(argv|execArgv)\b/;

async function selfAware(metafile: Metafile): Promise<boolean> {
  const sources = await Promise.all(Object.keys(metafile.inputs).map((path) => readFile(path, 'utf8').catch(() => '')));
  return sources.some((text) => SELF_AWARE.test(text));
}

function isBuiltin(path: string): boolean {
  return path.startsWith('node:') || BUILTINS.has(path) || BUILTINS.has(path.split('/')[0] ?? '');
}

/** Imports left for Node to resolve at run time that are not Node's own: packages, which resolve from
 *  the source's folder and would not from ours. */
function importsPackages(metafile: Metafile): boolean {
  return Object.values(metafile.outputs).some((output) => output.imports.some((i) => i.external && !isBuiltin(i.path)));
}

/**
 * Bundle `source` and its local imports into one ES module (or CommonJS, for a file that uses require),
 * or null when it can't be done faithfully: a syntax error (let the learner see it as Node reports it),
 * imports of packages, or code that looks at its own location or command line.
 */
export async function compileServer(source: string, cacheDir = DEFAULT_CACHE_DIR): Promise<Compiled | null> {
  // Written to only by this process (below), and only while kept: an end by signal removes it.
  const dir = scratchDir();
  const remove = () => removeScratch(dir);
  const cached = cachedCompile(cacheDir, source);
  if (cached) {
    if (cached.name === null) {
      await remove();
      return null;
    }
    const file = join(dir, cached.name);
    writeFileSync(file, cached.contents);
    return { file, remove };
  }
  const startedAt = Date.now();
  const keep = (metafile: Metafile, name: string | null, contents = '') =>
    keepCompile(
      cacheDir,
      source,
      startedAt,
      Object.keys(metafile.inputs).map((input) => resolve(input)),
      {
        name,
        contents,
      },
    );
  try {
    for (const format of ['esm', 'cjs'] as const) {
      const file = join(dir, `${basename(source, extname(source))}.${format === 'esm' ? 'mjs' : 'cjs'}`);
      // Loaded on the first TypeScript server, not at start-up: a --cmd grade never needs it.
      const { build } = await import('esbuild');
      const result = await build({
        entryPoints: [source],
        outfile: file,
        bundle: true,
        platform: 'node',
        format,
        target: `node${process.versions.node.split('.')[0]}`,
        packages: 'external',
        sourcemap: 'inline',
        metafile: true,
        logLevel: 'silent',
        write: false,
      });
      // The grader is ending (its folder is gone): nothing more goes on disk.
      if (!scratchKept(dir)) return null;
      for (const output of result.outputFiles) writeFileSync(output.path, output.contents);
      if (importsPackages(result.metafile) || (await selfAware(result.metafile))) {
        keep(result.metafile, null);
        break;
      }
      // An ES module can't call require(); esbuild then leaves a shim that throws. Build it as CommonJS.
      const usesRequire = Object.values(result.metafile.outputs).some((o) =>
        o.imports.some((i) => i.kind === 'require-call'),
      );
      if (format === 'esm' && usesRequire) continue;
      const [only, ...more] = result.outputFiles;
      if (only && more.length === 0) keep(result.metafile, basename(file), only.text);
      return { file, remove };
    }
  } catch {
    // a compile error: the fallback shows it exactly as running the file by hand would
  }
  await remove();
  return null;
}

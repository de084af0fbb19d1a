// node grader/bundle/run.mjs <entry.ts> [args…]: run one of the lab's commands (grade, client, progress,
// reset) from a bundle of its code. Started through tsx, the grader transpiles and resolves a hundred
// modules on every run: most of a second on a slow machine, paid again on every save in watch mode. The
// bundle is one file, built by esbuild the first time and again whenever one of its sources changed, so
// an edit to the grader is picked up as before. Plain JavaScript: this file runs before anything can
// transpile.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename, dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
// Two folders deep, as the sources are (grader/<layer>/<file>.ts): a path a module resolves from its
// own place (the course's ROOT, node_modules) is the same from the bundle.
const OUT = resolve(ROOT, '.socket-lab/bundle');

/** Size and modification time of each source, as esbuild listed them: the bundle is fresh while they hold. */
function stamp(file) {
  const stat = statSync(resolve(ROOT, file));
  return `${stat.size}:${stat.mtimeMs}`;
}

function fresh(manifestFile) {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest.root !== ROOT || manifest.node !== process.version) return false;
    return Object.entries(manifest.inputs).every(([file, seen]) => stamp(file) === seen);
  } catch {
    return false; // none yet, unreadable, or a source gone: build anew
  }
}

async function build(entry, bundleFile, manifestFile) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [resolve(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    outfile: bundleFile,
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(OUT, { recursive: true });
  // Written aside, then renamed: a grade started meanwhile (watch beside a manual grade) reads a whole
  // file, old or new. The manifest goes last, so it never vouches for a bundle not yet in place.
  const put = (file, contents) => {
    const aside = `${file}.${process.pid}.tmp`;
    writeFileSync(aside, contents);
    renameSync(aside, file);
  };
  for (const file of result.outputFiles) put(file.path, file.contents);
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((file) => [file, stamp(file)]));
  put(manifestFile, `${JSON.stringify({ root: ROOT, node: process.version, inputs }, null, 2)}\n`);
}

/**
 * Stack traces (a crash of the grader) name the sources' files and lines, not the bundle's. The map is
 * read the first time a stack is shown: --enable-source-maps would read it on every start.
 */
function showSourceLines(bundle) {
  const url = pathToFileURL(bundle).href;
  let map;
  Error.prepareStackTrace = (error, frames) => {
    const lines = frames.map((frame) => {
      if (frame.getFileName() !== url) return `    at ${frame}`;
      map ??= new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')));
      const found = map.findEntry((frame.getLineNumber() ?? 1) - 1, (frame.getColumnNumber() ?? 1) - 1);
      if (!found?.originalSource) return `    at ${frame}`;
      const where = `${resolve(dirname(bundle), found.originalSource)}:${found.originalLine + 1}:${found.originalColumn + 1}`;
      const name = frame.getFunctionName();
      return name ? `    at ${name} (${where})` : `    at ${where}`;
    });
    return [String(error), ...lines].join('\n');
  };
}

const [entry] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node grader/bundle/run.mjs <entry.ts> [args…]\n');
  process.exit(2);
}
// The command sees its own arguments, as if it had been started directly.
process.argv.splice(2, 1);
const name = `${basename(dirname(entry))}-${basename(entry, '.ts')}`;
const bundleFile = resolve(OUT, `${name}.mjs`);
const manifestFile = resolve(OUT, `${name}.json`);
let bundled = fresh(manifestFile);
if (!bundled) {
  try {
    await build(relative(ROOT, resolve(entry)), bundleFile, manifestFile);
    bundled = true;
  } catch {
    // A read-only checkout, or a source that doesn't compile: run the sources through tsx, which says
    // what is wrong with them in its own words.
  }
}
if (bundled) {
  showSourceLines(bundleFile);
  await import(pathToFileURL(bundleFile).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(resolve(entry)).href);
}

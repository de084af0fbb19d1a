// Writes the result files asked for (--out, --csv, --junit, --gradescope, --html), for one grade or a batch.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Outputs } from '../../cli/args.ts';
import { OutputError, UsageError } from '../../engine/errors.ts';
import { t } from '../../i18n/t.ts';
import type { Lang } from '../../i18n/text.ts';
import { resultsCsv } from './csv.ts';
import type { Results } from './graded.ts';
import { gradescopeJson } from './gradescope.ts';
import { resultsHtml } from './html.ts';
import { resultsJson } from './json.ts';
import { resultsJunit } from './junit.ts';

function write(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (err) {
    const reason = (err as Error).message;
    throw new OutputError(t('write.failed', { path, reason }));
  }
}

/** An existing folder; anything else (a file, nothing, a path through a file) is left to the write to judge. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const EXAMPLE_FILE: Record<keyof Outputs, string> = {
  out: 'results.json',
  csv: 'results.csv',
  junit: 'results.xml',
  gradescope: 'results.json',
  html: 'report.html',
};

/**
 * Before grading: a result file named by a folder ('out/', or one that exists) can only fail after the
 * whole grade, so it is a usage error now. (A batch's --gradescope is a folder, as it should be.)
 */
export function checkOutputPaths(outputs: Outputs, base: string, batch: boolean): void {
  for (const [format, path] of Object.entries(outputs)) {
    if (path === undefined || (format === 'gradescope' && batch)) continue;
    const folder = /[/\\]$/.test(path) || isFolder(resolve(base, path));
    if (folder) {
      const example = `${path.replace(/[/\\]+$/, '')}/${EXAMPLE_FILE[format as keyof Outputs]}`;
      throw new UsageError(t('args.output-is-folder', { format, path, example }));
    }
  }
}

/**
 * Write every file asked for, paths taken from `base` (where the user ran the command); returns the
 * paths written. In a batch, --gradescope names a folder: Gradescope reads one submission per file.
 */
export function writeResults(results: Results, outputs: Outputs, lang: Lang, base: string, batch: boolean): string[] {
  const written: string[] = [];
  const put = (path: string, text: string) => {
    write(path, text);
    written.push(path);
  };
  if (outputs.out) put(resolve(base, outputs.out), resultsJson(results, lang));
  if (outputs.csv) put(resolve(base, outputs.csv), resultsCsv(results));
  if (outputs.junit) put(resolve(base, outputs.junit), resultsJunit(results, lang));
  if (outputs.html) put(resolve(base, outputs.html), resultsHtml(results, lang, batch));
  if (outputs.gradescope) {
    const target = resolve(base, outputs.gradescope);
    if (batch)
      for (const graded of results.graded)
        put(join(target, `${graded.name}.json`), gradescopeJson(results, graded, lang));
    else if (results.graded[0]) put(target, gradescopeJson(results, results.graded[0], lang));
  }
  return written;
}

// A batch for people: a table of submissions × properties (✔ ✘), a legend, and a summary line.

import { join, relative } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { t } from '../i18n/t.ts';
import type { Lang } from '../i18n/text.ts';
import { displayWidth } from '../report/bytes.ts';
import {
  type Cell,
  cellsOf,
  type Graded,
  passedAll,
  type Results,
  sandboxOf,
  scoreOf,
} from '../report/formats/graded.ts';
import { seedNote } from '../report/render.ts';
import { platformNote, sandboxNote } from '../subject/platform.ts';
import type { Submission } from './discover.ts';

const padTo = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

function mark(cell: Cell, c: ChalkInstance): string {
  return { pass: c.green('✔'), fail: c.red('✘'), skip: c.yellow('–'), error: c.dim('·') }[cell];
}

/** What stopped a submission short, in a word or two: the things an instructor looks at first. */
function note(graded: Graded, lang: Lang): string {
  const report = graded.report;
  if (!report) return '';
  const notes: string[] = [];
  if (report.capped) notes.push(t('batch.note.1')[lang]);
  if (report.results.some((r) => r.exit?.memory)) notes.push(t('batch.note.2')[lang]);
  if (report.results.every((r) => r.notListening)) notes.push(t('batch.note.3')[lang]);
  return notes.join(t('sep.list')[lang]);
}

export function renderBatch(
  results: Results,
  submissions: readonly Submission[],
  lang: Lang,
  color: boolean,
  jobs: number,
  base: string,
): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const { stage, graded } = results;
  const count = stage.properties.length;
  const numbers = stage.properties.map((_, i) => String(i + 1));
  const nameWidth = Math.max(lang === 'zh' ? 4 : 10, ...graded.map((g) => displayWidth(g.name)));
  const scoreLabel = t('batch.score-label')[lang];
  const platform = platformNote(stage.properties);
  const sandbox = sandboxNote(sandboxOf(results));
  const lines = [
    c.bold(`Socket Lab · ${stage.id} · ${stage.title[lang]}`),
    ...(platform ? [c.yellow(platform[lang])] : []),
    ...(sandbox ? [c.yellow(sandbox[lang])] : []),
    c.dim(`${t('batch.submissions', { count: graded.length })[lang]} · ${seedNote(results.seed, lang)}`),
    '',
    `${' '.repeat(nameWidth)}  ${numbers.join(' ')}  ${scoreLabel}`,
  ];
  for (const g of graded) {
    const name = padTo(g.name, nameWidth);
    if (!g.report) {
      lines.push(`${name}  ${c.red(g.error?.[lang] ?? '')}`);
      continue;
    }
    // Each mark under its column's number (a mark is one column wide; colour codes take none).
    const cells = cellsOf(results, g).map(({ cell }, i) => mark(cell, c) + ' '.repeat((numbers[i] ?? '').length - 1));
    const { held, max } = scoreOf(results, g);
    const score = `${held}/${max}`;
    const extra = note(g, lang);
    lines.push(
      `${name}  ${cells.join(' ')}  ${passedAll(g) ? c.green(score) : c.red(score)}${extra ? `  ${c.dim(extra)}` : ''}`,
    );
  }
  lines.push('');
  const idWidth = Math.max(...stage.properties.map((p) => p.id.length));
  for (const [i, property] of stage.properties.entries()) {
    lines.push(
      c.dim(`${String(i + 1).padStart(String(count).length)} ${property.id.padEnd(idWidth)}  ${property.title[lang]}`),
    );
  }
  const passing = graded.filter(passedAll).length;
  const ungraded = graded.filter((g) => !g.report).length;
  const failing = graded.length - passing - ungraded;
  const seconds = (results.durationMs / 1000).toFixed(1);
  lines.push(
    '',
    t('batch.summary', {
      passing,
      total: graded.length,
      count: failing,
      ungraded: ungraded > 0 ? t('batch.ungraded', { ungraded }) : '',
      seconds,
      jobs,
    })[lang],
  );
  const firstFailing = submissions.find(
    (s) => s.launch && !passedAll(graded.find((g) => g.name === s.name) ?? { name: '', how: '' }),
  );
  if (firstFailing?.launch) {
    lines.push(
      c.dim(
        `${t('batch.full-report')[lang]}npm run grade -- ${stage.id} ${aloneFlags(firstFailing, base)} --seed ${results.seed}`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** How to grade one submission alone: its file, or its run file's command in its own folder. */
function aloneFlags(submission: Submission, base: string): string {
  if (submission.launch?.shell) {
    const command = submission.how.replace(/^run: /, '');
    return `--cmd "cd ${shellQuote(submission.folder)} && ${command.replaceAll('"', '\\"')}"`;
  }
  const file = join(submission.folder, submission.how);
  const near = relative(base, file);
  return `--file ${shellQuote(near.startsWith('..') ? file : near)}`;
}

/** A path as the shell reads it: as it is when it's plain, in single quotes otherwise. */
function shellQuote(path: string): string {
  return /^[\w./~@%+=:,-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}

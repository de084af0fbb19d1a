// What `npm run progress` shows: each stage, its best result, and what comes next.
import { Chalk } from 'chalk';
import { STAGES } from '../course/catalogue.ts';
import { joined, t } from '../i18n/t.ts';
import type { Lang } from '../i18n/text.ts';
import { describeStatus, statusOf } from './status.ts';
import { loadProgress, progressFile } from './store.ts';

/** `asked`: the language asked for with --lang, which the command it suggests keeps. */
export function renderProgress(lang: Lang, color: boolean, env: NodeJS.ProcessEnv = process.env, asked?: Lang): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const progress = loadProgress(progressFile(env));
  const colon = t('report.colon')[lang];
  const lines = [c.bold(t('progress.heading')[lang]), ''];
  for (const stage of STAGES) {
    const entry = progress.stages[stage.id];
    const status = statusOf(entry);
    const mark = status.kind === 'passed' ? c.green('✔') : status.kind === 'failing' ? c.red('✘') : c.dim('·');
    const best =
      status.kind === 'failing' && entry?.best
        ? t('progress.best', { held: entry.best.held, total: entry.best.total })[lang]
        : '';
    lines.push(`${mark} ${stage.id} · ${stage.title[lang]}${colon}${describeStatus(status)[lang]}${best}`);
    if (status.kind === 'failing' && entry?.last) {
      lines.push(c.dim(`    ${t('progress.failing')[lang]}${colon}${joined(entry.last.failing, 'sep.list')[lang]}`));
    }
    if (status.kind === 'passed') lines.push(c.dim(`    ${stage.learned[lang]}`));
  }
  const next = STAGES.find((s) => statusOf(progress.stages[s.id]).kind !== 'passed');
  lines.push('');
  if (next) {
    const readme = next.starter.replace('server.ts', t('progress.readme')[lang]);
    const command = asked ? `npm run grade -- ${next.id} --lang ${asked}` : `npm run grade ${next.id}`;
    lines.push(t('progress.next', { readme, command })[lang]);
  } else {
    lines.push(t('progress.all-passed')[lang]);
  }
  return `${lines.join('\n')}\n`;
}

// What `npm run progress` shows: each stage, its best result, and what comes next.
import { Chalk } from 'chalk';
import { STAGES } from '../course/catalogue.ts';
import type { Lang } from '../i18n/text.ts';
import { describeStatus, statusOf } from './status.ts';
import { loadProgress, progressFile } from './store.ts';

export function renderProgress(lang: Lang, color: boolean, env: NodeJS.ProcessEnv = process.env): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const progress = loadProgress(progressFile(env));
  const lines = [c.bold(lang === 'zh' ? 'Socket Lab · 你的进度' : 'Socket Lab · your progress'), ''];
  for (const stage of STAGES) {
    const entry = progress.stages[stage.id];
    const status = statusOf(entry);
    const mark = status.kind === 'passed' ? c.green('✔') : status.kind === 'failing' ? c.red('✘') : c.dim('·');
    const best =
      status.kind === 'failing' && entry?.best
        ? lang === 'zh'
          ? `，最好成绩 ${entry.best.held}/${entry.best.total}`
          : `, best ${entry.best.held}/${entry.best.total}`
        : '';
    lines.push(`${mark} ${stage.id} · ${stage.title[lang]}: ${describeStatus(status)[lang]}${best}`);
    if (status.kind === 'failing' && entry?.last) {
      lines.push(c.dim(`    ${lang === 'zh' ? '未通过' : 'failing'}: ${entry.last.failing.join(', ')}`));
    }
    if (status.kind === 'passed') lines.push(c.dim(`    ${stage.learned[lang]}`));
  }
  const next = STAGES.find((s) => statusOf(progress.stages[s.id]).kind !== 'passed');
  lines.push('');
  if (next) {
    const readme = next.starter.replace('server.ts', lang === 'zh' ? 'README.zh-CN.md' : 'README.md');
    lines.push(
      lang === 'zh'
        ? `下一步：阅读 ${readme}，然后运行 npm run grade ${next.id}`
        : `Next: read ${readme}, then npm run grade ${next.id}`,
    );
  } else {
    lines.push(
      lang === 'zh'
        ? '所有阶段都通过了，了不起！你的服务器已经能同时服务许多客户端。'
        : 'Every stage passed. Well done! Your server now serves many clients at once.',
    );
  }
  return `${lines.join('\n')}\n`;
}

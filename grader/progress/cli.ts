// npm run progress [-- --lang en|zh]: 0, or 2 for anything else on the command line.

import { t } from '../i18n/t.ts';
import { detectLang, isLang, langInArgv } from '../i18n/text.ts';
import { colorWanted } from '../report/render.ts';
import { strayWords } from './args.ts';
import { renderProgress } from './render.ts';

// Piped into a command that exits early (| head), the rest is simply not written.
process.stdout.on('error', () => {});
const argv = process.argv.slice(2);
const asked = langInArgv(argv);
const lang = asked ?? detectLang();
const stray = strayWords(argv);
if (stray.length > 0) {
  // A bare `zh` with no --lang: npm kept --lang for itself (`npm run progress stage-2 --lang zh`).
  const npmKept = !argv.some((a) => a === '--lang' || a.startsWith('--lang=')) && argv.some(isLang);
  const command = `npm run progress${asked ? ` -- --lang ${asked}` : ''}`;
  const id = npmKept ? 'progress.usage.npm-kept-lang' : 'progress.usage';
  process.stderr.write(`${t(id, { stray: stray.join(' '), command })[lang]}\n`);
  process.exitCode = 2;
} else {
  process.stdout.write(renderProgress(lang, colorWanted(process.stdout), process.env, asked));
}

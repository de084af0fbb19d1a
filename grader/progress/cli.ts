// npm run progress [-- --lang en|zh]: 0, or 2 for anything else on the command line.

import { t } from '../i18n/t.ts';
import { detectLang, langInArgv } from '../i18n/text.ts';
import { colorWanted } from '../report/render.ts';
import { strayWords } from './args.ts';
import { renderProgress } from './render.ts';

const argv = process.argv.slice(2);
const asked = langInArgv(argv);
const lang = asked ?? detectLang();
const stray = strayWords(argv);
if (stray.length > 0) {
  process.stderr.write(`${t('progress.usage', { stray: stray.join(' ') })[lang]}\n`);
  process.exitCode = 2;
} else {
  process.stdout.write(renderProgress(lang, colorWanted(process.stdout), process.env, asked));
}

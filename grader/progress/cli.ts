// npm run progress [-- --lang en|zh]

import { detectLang, isLang } from '../i18n/text.ts';
import { colorWanted } from '../report/render.ts';
import { renderProgress } from './render.ts';

const at = process.argv.indexOf('--lang');
const chosen = at >= 0 ? process.argv[at + 1] : undefined;
process.stdout.write(renderProgress(chosen && isLang(chosen) ? chosen : detectLang(), colorWanted(process.stdout)));

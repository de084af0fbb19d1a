// npm run progress [-- --lang en|zh]

import { detectLang, langInArgv } from '../i18n/text.ts';
import { colorWanted } from '../report/render.ts';
import { renderProgress } from './render.ts';

const asked = langInArgv(process.argv.slice(2));
process.stdout.write(renderProgress(asked ?? detectLang(), colorWanted(process.stdout), process.env, asked));

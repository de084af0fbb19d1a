// npm run progress [-- --lang en|zh]

import { detectLang, langInArgv } from '../i18n/text.ts';
import { colorWanted } from '../report/render.ts';
import { renderProgress } from './render.ts';

process.stdout.write(renderProgress(langInArgv(process.argv.slice(2)) ?? detectLang(), colorWanted(process.stdout)));

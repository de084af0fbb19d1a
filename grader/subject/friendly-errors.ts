// Start-up errors a learner is likely to meet, recognised in the server's stderr and explained in plain
// words. Data, not branches: add a row when a new one turns up.

import { t } from '../i18n/t.ts';
import type { Text } from '../i18n/text.ts';

interface FriendlyError {
  pattern: RegExp;
  explain: Text;
}

const TABLE: FriendlyError[] = [
  {
    pattern: /Top-level await is currently not supported with the "cjs" output format/,
    explain: t('startup.cjs-top-level-await'),
  },
  {
    pattern: /SyntaxError|TransformError|Transform failed/,
    explain: t('startup.syntax-error'),
  },
  {
    pattern: /ERR_MODULE_NOT_FOUND|Cannot find module|Cannot find package|ModuleNotFoundError/,
    explain: t('startup.module-not-found'),
  },
  {
    pattern: /ERR_SOCKET_BAD_PORT|Port should be >= 0 and < 65536/,
    explain: t('startup.bad-port'),
  },
];

/** The explanation of the first known error in this output, if any. */
export function explainStartupError(stderr: string): Text | null {
  return TABLE.find((row) => row.pattern.test(stderr))?.explain ?? null;
}

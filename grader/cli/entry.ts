// Entry of `npm run grade`. Whatever ends the grader — the last verdict, Ctrl-C, a crash — every server
// it started is stopped first.

import { t } from '../i18n/t.ts';
import { stopAll } from '../subject/process.ts';
import { endOnSignals } from '../subject/signals.ts';
import { main } from './main.ts';

endOnSignals();

try {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
  });
} catch (err) {
  // Both languages: whatever failed may have been choosing one.
  const crashed = t('main.crashed');
  process.stderr.write(`\n${crashed.en}\n${crashed.zh}\n\n${(err as Error).stack ?? err}\n`);
  await stopAll();
  process.exitCode = 3;
}

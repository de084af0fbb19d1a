// npm run reset -- <stage> [--lang en|zh]: 0 reset (or nothing to do), 1 no starter to be found, 2 usage.

import { type Flag, parseFlags } from '../cli/flag-table.ts';
import { shellCommand } from '../cli/shell-quote.ts';
import { closest, meantStage } from '../cli/suggest.ts';
import { findStage, ROOT, STAGES } from '../course/catalogue.ts';
import { joined, t } from '../i18n/t.ts';
import { detectLang, isLang, langInArgv, type Text } from '../i18n/text.ts';
import { type Outcome, reset } from './restore.ts';

/** Where the course is: the repository, unless a test points elsewhere (never at the real stages/). */
export const RESET_ROOT_ENV = 'SOCKET_LAB_RESET_ROOT';

export interface ResetIo {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
}

function said(outcome: Outcome, stage: string): Text {
  switch (outcome.kind) {
    case 'restored':
      return t('reset.done', { file: outcome.file, saved: outcome.saved });
    case 'was-missing':
      return t('reset.was-missing', { file: outcome.file });
    case 'untouched':
      return t('reset.untouched', { file: outcome.file });
    case 'no-starter':
      return t('reset.no-starter', { stage, file: outcome.file });
  }
}

/** Its flags, declared as the other commands declare theirs (cli/flag-table.ts). */
const RESET_FLAGS = {
  lang: { type: 'string', group: 'common', value: t('flags.value.lang') },
} as const satisfies Record<string, Flag>;

class ResetUsage extends Error {}

export function resetCommand(argv: readonly string[], io: ResetIo): number {
  const known = joined(
    STAGES.map((s) => s.id),
    'sep.list',
  );
  let lang = langInArgv(argv) ?? detectLang(io.env);
  let args: ReturnType<typeof parseFlags<typeof RESET_FLAGS>> | undefined;
  try {
    args = parseFlags(RESET_FLAGS, argv, () => new ResetUsage());
  } catch (err) {
    if (!(err instanceof ResetUsage)) throw err; // an unknown flag: answered with the usage
  }
  const asked = args?.values.lang;
  const [name, ...extra] = args?.positionals ?? [];
  const stage = name !== undefined ? findStage(name) : undefined;
  const command = (stageId: string, language?: string) =>
    shellCommand(['npm', 'run', 'reset', '--', stageId, ...(language ? ['--lang', language] : [])]);
  // `npm run reset stage-2 --lang zh`: npm kept --lang for itself and left its value among the words.
  const stray = extra[0];
  if (name !== undefined && asked === undefined && extra.length === 1 && stray !== undefined && isLang(stray)) {
    lang = stray;
    io.err(t('reset.npm-kept-lang', { extra: stray, fixed: command(meantStage(name), stray) })[lang]);
    return 2;
  }
  if (!args || (asked !== undefined && !isLang(asked)) || name === undefined || extra.length > 0) {
    io.err(t('reset.usage', { known })[lang]);
    return 2;
  }
  if (!stage) {
    const suggestion = closest(
      name,
      STAGES.map((s) => s.id),
    );
    io.err(
      (suggestion
        ? joined(
            [
              t('main.no-such-stage.did-you-mean', { stage: name, suggestion }),
              t('main.run-as', { command: command(suggestion, asked) }),
            ],
            'sep.sentence',
          )
        : t('reset.no-such-stage', { stage: name, known }))[lang],
    );
    return 2;
  }
  const outcome = reset(io.env[RESET_ROOT_ENV] ?? ROOT, stage);
  (outcome.kind === 'no-starter' ? io.err : io.out)(said(outcome, stage.id)[lang]);
  return outcome.kind === 'no-starter' ? 1 : 0;
}

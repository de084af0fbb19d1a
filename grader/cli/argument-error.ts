// What is off in a command line parseArgs refused, for the grader and the client alike: Node's own
// words, ours (in both languages) for the usual cases, and the flag an unknown one was likely meant to be.
import { t } from '../i18n/t.ts';
import type { Text } from '../i18n/text.ts';
import { closest } from './suggest.ts';

export function argumentError(err: NodeJS.ErrnoException, flags: readonly string[]): Text {
  const reason = err.message;
  const option = /'(-[^' ]+)/.exec(reason)?.[1] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const suggestion = option.startsWith('--')
      ? closest(
          option,
          flags.map((name) => `--${name}`),
        )
      : undefined;
    return suggestion
      ? t('args.no-such-option.did-you-mean', { option, suggestion })
      : t('args.no-such-option', { option });
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing|ambiguous/.test(reason)) {
    return t('args.needs-value', { option });
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take an argument/.test(reason)) {
    return t('args.takes-no-value', { option });
  }
  return t('args.node-reason', { reason });
}

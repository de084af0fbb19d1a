// The flags of `npm run client`, once: parseArgs's options and the usage are derived from this table
// (see cli/flag-table.ts).
import type { Flag } from '../cli/flag-table.ts';
import { t } from '../i18n/t.ts';

/** running: talk to a server already running. start: which server to start (one at most). */
type Group = 'running' | 'start' | 'common' | 'meta';

export const CLIENT_FLAGS = {
  port: { type: 'string', group: 'running', value: t('flags.value.port'), help: t('client.flags.port.help') },
  host: { type: 'string', group: 'running', value: t('flags.value.host') },
  framed: { type: 'boolean', group: 'running', help: t('client.flags.framed.help') },
  solution: { type: 'boolean', group: 'start', help: t('client.flags.solution.help') },
  file: { type: 'string', group: 'start', value: t('flags.value.path'), help: t('client.flags.file.help') },
  lang: { type: 'string', group: 'common', value: t('flags.value.lang'), help: t('client.flags.lang.help') },
  help: { type: 'boolean', short: 'h', group: 'meta' },
} as const satisfies Record<string, Flag<Group>>;

// The flags of `npm run grade`, once: parseArgs's options, the check for flags npm kept for itself, and
// the usage text in both languages are all derived from this table (see flag-table.ts).
import { t } from '../i18n/t.ts';
import { DEFAULT_MEMORY_CAP_MIB } from '../subject/process.ts';
import { type Flag, flagsIn } from './flag-table.ts';

/** A batch grades strangers' code: each submission's grade is cut off after this long (scaled with the limits). */
export const DEFAULT_TIME_CAP_S = 60;

/**
 * subject: which server to grade, one at most (the usage's alternatives). option: how to grade it.
 * meta: --help, answered before anything else (and by npm itself when given without `--`).
 */
type Group = 'subject' | 'option' | 'meta';

export const FLAGS = {
  solution: { type: 'boolean', group: 'subject', help: t('flags.solution.help') },
  file: { type: 'string', group: 'subject', value: t('flags.value.path'), help: t('flags.file.help') },
  cmd: {
    type: 'string',
    group: 'subject',
    value: t('flags.value.command'),
    // `{port}` is shown as it is: the learner writes it in the command, the grader replaces it.
    help: t('flags.cmd.help', { port: '{port}' }),
  },
  batch: { type: 'string', group: 'subject', value: t('flags.value.folder'), help: t('flags.batch.help') },
  engine: { type: 'string', group: 'subject', value: t('flags.value.engine'), help: t('flags.engine.help') },
  jobs: { type: 'string', group: 'option', value: t('flags.value.count'), help: t('flags.jobs.help') },
  json: { type: 'boolean', group: 'option', help: t('flags.json.help') },
  hint: { type: 'boolean', group: 'option', help: t('flags.hint.help') },
  watch: { type: 'boolean', group: 'option', help: t('flags.watch.help') },
  seed: { type: 'string', group: 'option', value: t('flags.value.number'), help: t('flags.seed.help') },
  out: { type: 'string', group: 'option', value: t('flags.value.file'), help: t('flags.out.help') },
  csv: { type: 'string', group: 'option', value: t('flags.value.file'), help: t('flags.csv.help') },
  junit: { type: 'string', group: 'option', value: t('flags.value.file'), help: t('flags.junit.help') },
  html: { type: 'string', group: 'option', value: t('flags.value.file'), help: t('flags.html.help') },
  open: { type: 'boolean', group: 'option', help: t('flags.open.help') },
  sandbox: { type: 'boolean', group: 'option', help: t('flags.sandbox.help') },
  gradescope: { type: 'string', group: 'option', value: t('flags.value.path'), help: t('flags.gradescope.help') },
  'engine-root': {
    type: 'string',
    group: 'option',
    value: t('flags.value.folder'),
    help: t('flags.engine-root.help'),
  },
  points: { type: 'string', group: 'option', value: t('flags.value.points'), help: t('flags.points.help') },
  'time-cap': {
    type: 'string',
    group: 'option',
    value: t('flags.value.seconds'),
    help: t('flags.time-cap.help', { seconds: DEFAULT_TIME_CAP_S }),
  },
  'max-memory': {
    type: 'string',
    group: 'option',
    value: t('flags.value.mib'),
    help: t('flags.max-memory.help', { mib: DEFAULT_MEMORY_CAP_MIB }),
  },
  lang: { type: 'string', group: 'option', value: t('flags.value.lang'), help: t('flags.lang.help') },
  help: { type: 'boolean', short: 'h', group: 'meta' },
} as const satisfies Record<string, Flag<Group>>;

export type FlagName = keyof typeof FLAGS;

/** The grader's own flags: those npm would keep for itself, given without `--`. */
export const GRADER_FLAGS = flagsIn(FLAGS, 'subject', 'option');

export const takesValue = (name: string): boolean => (FLAGS as Record<string, Flag>)[name]?.type === 'string';

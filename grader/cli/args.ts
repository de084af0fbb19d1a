// The command line, parsed without side effects: a request to grade, or a UsageError saying what's off.
import { findStage, STAGES } from '../course/catalogue.ts';
import { UsageError } from '../engine/errors.ts';
import { joined, t } from '../i18n/t.ts';
import { isLang, type Lang } from '../i18n/text.ts';
import { ENGINE_IDS, type EngineId, isEngineId } from '../platforms/engine-ids.ts';
import { argumentError } from './argument-error.ts';
import { columns, flagLabel, flagRows, flagsIn, parseFlags } from './flag-table.ts';
import { FLAGS, GRADER_FLAGS } from './flags.ts';
import { meantStage } from './suggest.ts';

export type SubjectChoice =
  | { kind: 'starter' }
  | { kind: 'solution' }
  | { kind: 'file'; path: string }
  | { kind: 'cmd'; command: string };

export interface Request {
  help: boolean;
  stage?: string;
  subject: SubjectChoice;
  json: boolean;
  /** Show the next hint of the first failing property. */
  hint: boolean;
  /** Grade again on every save. */
  watch: boolean;
  /** Write the HTML report to .socket-lab/report.html (or --html's file) and open it in a browser. */
  open: boolean;
  /** Each server in a sandbox (always so for a batch and the platforms). */
  sandbox: boolean;
  lang?: Lang;
  /** Replay the traffic of an earlier grade. */
  seed?: number;
  /** Grade every submission (subfolder) of this folder. */
  batch?: string;
  /** Submissions graded at once (batch only). */
  jobs?: number;
  /** Wall time one grade may take, in seconds. */
  timeCapS?: number;
  /** Resident memory one server may use, in MiB. */
  memoryCapMiB?: number;
  /** Result files to write, by format. */
  outputs: Outputs;
  /** Grade the submission where this platform puts it, and write the platform's results file. */
  engine?: EngineId;
  /** The platform's folder, when not its own default. */
  engineRoot?: string;
  /** --points as given: checked against the stage once it is known (parsePoints). */
  points?: string;
}

export interface Outputs {
  out?: string;
  csv?: string;
  junit?: string;
  gradescope?: string;
  html?: string;
}

export const OUTPUT_FORMATS = ['out', 'csv', 'junit', 'gradescope', 'html'] as const;

/** Width of the usage's first column, the flags: its longest, --engine-root <folder>, and two spaces. */
const FLAG_COLUMN = 24;

/** The whole usage; asked for with --lang, its examples ask for that language too, to run as printed. */
export function usage(lang: Lang, asked?: Lang): string {
  const stages = joined(
    STAGES.map((s) => t('usage.stage.item', { id: s.id, title: s.title })),
    'sep.list',
  )[lang];
  const numbers = joined(
    STAGES.map((_, i) => i + 1),
    'sep.list',
  );
  const subjects = flagsIn(FLAGS, 'subject')
    .map((name) => flagLabel(FLAGS, name, lang))
    .join(' | ');
  const rows: [string, string][] = [
    [t('usage.stage.label')[lang], t('usage.stage.help', { stages, numbers })[lang]],
    [t('usage.default.label')[lang], t('usage.default.help')[lang]],
    ...flagRows(FLAGS, flagsIn(FLAGS, 'subject', 'option'), lang),
  ];
  return [
    t('usage.synopsis', { subjects })[lang],
    '',
    columns(rows, FLAG_COLUMN),
    '',
    t('usage.exit-codes')[lang],
    t('usage.examples', {
      first: asked ? `npm run grade -- stage-2 --lang ${asked}` : 'npm run grade stage-2',
      lang: asked ? ` --lang ${asked}` : '',
    })[lang],
  ].join('\n');
}

/** A whole number within bounds, or a UsageError naming the flag. */
function wholeNumber(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (/^\d+$/.test(raw.trim()) && n >= min && n <= max) return n;
  throw new UsageError(t('args.whole-number', { flag, min, max, raw }));
}

export function parseRequest(argv: readonly string[]): Request {
  const { values, positionals } = parseFlags(
    FLAGS,
    argv,
    (err) => new UsageError(argumentError(err, Object.keys(FLAGS))),
  );
  const lang = values.lang;
  if (lang !== undefined && !isLang(lang)) {
    throw new UsageError(t('args.bad-lang', { lang }));
  }
  if (positionals.length > 1) {
    const extra = positionals.slice(1).join(' ');
    // A language left alone (npm took `--lang` for itself): say where it goes.
    const id = positionals.length === 2 && isLang(extra) ? 'args.one-stage.lang' : 'args.one-stage';
    // The command it prints runs as printed: a stage named with a typo is written as the one meant,
    // and the typo said first.
    const typed = positionals[0] ?? '';
    const stage = meantStage(typed);
    const told = t(id, { extra, stage });
    const typo = findStage(typed) === undefined && stage !== typed;
    throw new UsageError(
      typo
        ? joined([t('main.no-such-stage.did-you-mean', { stage: typed, suggestion: stage }), told], 'sep.sentence')
        : told,
    );
  }
  const chosen = flagsIn(FLAGS, 'subject')
    .filter((name) => values[name] !== undefined && values[name] !== false)
    .map((name) => `--${name}`);
  if (chosen.length > 1) {
    throw new UsageError(t('args.one-subject', { subjects: joined(chosen, 'sep.or') }));
  }
  if (values.batch !== undefined) {
    const alone = [values.watch && '--watch', values.hint && '--hint'].filter((flag) => flag !== false);
    if (alone.length > 0) {
      throw new UsageError(t('args.not-with-batch', { flags: joined(alone, 'sep.and'), count: alone.length }));
    }
    if (values.gradescope?.toLowerCase().endsWith('.json')) {
      throw new UsageError(t('args.gradescope-folder'));
    }
  } else if (values.jobs !== undefined) {
    throw new UsageError(t('args.jobs-without-batch'));
  }
  const engine = values.engine;
  if (engine !== undefined) {
    if (!isEngineId(engine))
      throw new UsageError(t('args.bad-engine', { engine, known: joined(ENGINE_IDS, 'sep.or') }));
    const alone = [values.watch && '--watch', values.hint && '--hint', values.open && '--open'].filter(
      (flag) => flag !== false,
    );
    if (alone.length > 0) {
      throw new UsageError(t('args.not-with-engine', { flags: joined(alone, 'sep.and'), count: alone.length }));
    }
  } else if (values['engine-root'] !== undefined) {
    throw new UsageError(t('args.engine-root-alone'));
  }
  if (values.points !== undefined && values.points.trim() === '') {
    throw new UsageError(t('points.bad-item', { item: '' }));
  }
  if (values.watch && (values.open || OUTPUT_FORMATS.some((f) => values[f] !== undefined))) {
    throw new UsageError(t('args.watch-and-files'));
  }
  const subject: SubjectChoice =
    values.file !== undefined
      ? { kind: 'file', path: values.file }
      : values.cmd !== undefined
        ? { kind: 'cmd', command: values.cmd }
        : values.solution
          ? { kind: 'solution' }
          : { kind: 'starter' };
  const seed = wholeNumber('seed', values.seed, 0, 2 ** 32 - 1);
  const jobs = wholeNumber('jobs', values.jobs, 1, 256);
  const timeCapS = wholeNumber('time-cap', values['time-cap'], 1, 3600);
  const memoryCapMiB = wholeNumber('max-memory', values['max-memory'], 16, 1024 * 1024);
  const outputs: Outputs = {};
  for (const format of OUTPUT_FORMATS) {
    const path = values[format];
    if (path === undefined) continue;
    if (path.trim() === '') throw new UsageError(t('args.needs-file-name', { format }));
    outputs[format] = path;
  }
  return {
    help: values.help,
    stage: positionals[0],
    subject,
    json: values.json,
    hint: values.hint,
    watch: values.watch,
    open: values.open,
    sandbox: values.sandbox,
    outputs,
    ...(lang ? { lang } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(values.batch !== undefined ? { batch: values.batch } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    ...(timeCapS !== undefined ? { timeCapS } : {}),
    ...(memoryCapMiB !== undefined ? { memoryCapMiB } : {}),
    ...(engine !== undefined && isEngineId(engine) ? { engine } : {}),
    ...(values['engine-root'] !== undefined ? { engineRoot: values['engine-root'] } : {}),
    ...(values.points !== undefined ? { points: values.points } : {}),
  };
}

/**
 * Flags npm kept for itself: `npm run grade stage-1 --solution`, without `--`, hands `--solution` to
 * npm, which tells us only through npm_config_solution. Grading the wrong subject silently would be
 * worse than saying so.
 */
export function flagsNpmKept(env: NodeJS.ProcessEnv): string[] {
  if (env.npm_lifecycle_event !== 'grade') return [];
  return GRADER_FLAGS.filter((flag) =>
    npmNames(flag).some((name) => {
      const value = env[`npm_config_${name}`];
      return value !== undefined && value !== '';
    }),
  );
}

/** The npm settings a flag may land in: its own name, or one of npm's that it abbreviates (npm expands
 *  `--engine` to its `--engine-strict`). */
function npmNames(flag: string): string[] {
  const name = flag.replaceAll('-', '_');
  return flag === 'engine' ? [name, 'engine_strict'] : [name];
}

// The command line, parsed without side effects: a request to grade, or a UsageError saying what's off.
import { parseArgs } from 'node:util';
import { STAGES } from '../course/catalogue.ts';
import { UsageError } from '../engine/errors.ts';
import { isLang, type Lang, type Text } from '../i18n/text.ts';
import { columns, flagLabel, flagRows, flagsIn, parseArgsOptions } from './flag-table.ts';
import { FLAGS, GRADER_FLAGS } from './flags.ts';

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
}

export interface Outputs {
  out?: string;
  csv?: string;
  junit?: string;
  gradescope?: string;
}

export const OUTPUT_FORMATS = ['out', 'csv', 'junit', 'gradescope'] as const;

/** Width of the usage's first column, the flags: its longest, --time-cap <seconds>, and two spaces. */
const FLAG_COLUMN = 22;

export function usage(lang: Lang): string {
  const stages = STAGES.map((s) => `${s.id} (${s.title[lang]})`).join(', ');
  const numbers = STAGES.map((_, i) => i + 1).join(lang === 'zh' ? '、' : ', ');
  const subjects = flagsIn(FLAGS, 'subject')
    .map((name) => flagLabel(FLAGS, name, lang))
    .join(' | ');
  const rows = [
    ...(lang === 'zh'
      ? ([
          ['<阶段>', `${stages}；也可以只写编号（${numbers}）；在终端里不写阶段会弹出选择列表`],
          ['（默认）', '评分你的 stages/<阶段>/server.ts'],
        ] as const)
      : ([
          [
            '<stage>',
            `${stages}; the number alone (${numbers}) works too; in a terminal, leave it out to pick from a list`,
          ],
          ['(default)', 'grade your stages/<stage>/server.ts'],
        ] as const)),
    ...flagRows(FLAGS, flagsIn(FLAGS, 'subject', 'option'), lang),
  ];
  return lang === 'zh'
    ? `用法：npm run grade -- <阶段> [${subjects}] [选项]

${columns(rows, FLAG_COLUMN)}

退出码：0 全部成立，1 有不成立的，2 用法错误或被测服务器无法启动，130 被中断，3 评分器自身出错。
例如：npm run grade stage-2
      npm run grade -- 3 --cmd "python3 server.py"
      npm run grade -- 3 --batch ~/class --csv results.csv`
    : `Usage: npm run grade -- <stage> [${subjects}] [options]

${columns(rows, FLAG_COLUMN)}

Exit status: 0 every property holds, 1 some fail, 2 usage error or the server can't be started,
130 interrupted, 3 the grader itself failed.
Examples: npm run grade stage-2
          npm run grade -- 3 --cmd "python3 server.py"
          npm run grade -- 3 --batch ~/class --csv results.csv`;
}

/** Node's own words for a malformed command line, and ours in Chinese for the usual cases. */
function argumentError(err: NodeJS.ErrnoException): Text {
  const reason = err.message;
  const option = /'(-[^' ]+)/.exec(reason)?.[1] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return { en: `There is no option ${option}.`, zh: `没有 ${option} 这个选项。` };
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing|ambiguous/.test(reason)) {
    return { en: `${option} needs a value right after it.`, zh: `${option} 后面要紧跟着它的值。` };
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take an argument/.test(reason)) {
    return { en: `${option} takes no value.`, zh: `${option} 不带值。` };
  }
  return { en: reason, zh: `命令行参数有误：${reason}` };
}

/** A whole number within bounds, or a UsageError naming the flag. */
function wholeNumber(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (/^\d+$/.test(raw.trim()) && n >= min && n <= max) return n;
  throw new UsageError({
    en: `--${flag} takes a whole number from ${min} to ${max}, not "${raw}".`,
    zh: `--${flag} 需要一个 ${min} 到 ${max} 之间的整数，而不是“${raw}”。`,
  });
}

export function parseRequest(argv: readonly string[]): Request {
  const parsed = (() => {
    try {
      return parseArgs({
        args: [...argv],
        allowPositionals: true,
        strict: true,
        options: parseArgsOptions(FLAGS),
      });
    } catch (err) {
      throw new UsageError(argumentError(err as NodeJS.ErrnoException));
    }
  })();
  const { values, positionals } = parsed;
  const lang = values.lang;
  if (lang !== undefined && !isLang(lang)) {
    throw new UsageError({
      en: `--lang takes en or zh, not "${lang}".`,
      zh: `--lang 只能是 en 或 zh，而不是“${lang}”。`,
    });
  }
  if (positionals.length > 1) {
    const extra = positionals.slice(1).join(' ');
    throw new UsageError({
      en: `One stage at a time: what is "${extra}"? Through npm, options go after --, or npm keeps them: npm run grade -- ${positionals[0]} --lang ${extra}. A command with spaces goes in quotes after --cmd.`,
      zh: `一次只能评分一个阶段：“${extra}”是什么？通过 npm 运行时，选项要写在 -- 之后，否则会被 npm 拿走：npm run grade -- ${positionals[0]} --lang ${extra}。带空格的命令要用引号括起来放在 --cmd 后面。`,
    });
  }
  const chosen = flagsIn(FLAGS, 'subject')
    .filter((name) => values[name] !== undefined && values[name] !== false)
    .map((name) => `--${name}`);
  if (chosen.length > 1) {
    throw new UsageError({
      en: `Choose one subject: ${chosen.join(' or ')}.`,
      zh: `只能选一个被测服务器：${chosen.join(' 或 ')}。`,
    });
  }
  if (values.batch !== undefined) {
    const alone = [values.watch && '--watch', values.hint && '--hint'].filter(Boolean);
    if (alone.length > 0) {
      throw new UsageError({
        en: `${alone.join(' and ')} ${alone.length > 1 ? 'are' : 'is'} for one server, not for --batch: grade one submission alone with --file or --cmd.`,
        zh: `${alone.join(' 和 ')} 只用于单个服务器，不能与 --batch 一起用：请用 --file 或 --cmd 单独评分某份提交。`,
      });
    }
    if (values.gradescope?.toLowerCase().endsWith('.json')) {
      throw new UsageError({
        en: `With --batch, --gradescope takes a folder: Gradescope reads one results file per submission, so each goes in it as <submission>.json.`,
        zh: `与 --batch 一起用时，--gradescope 需要一个文件夹：Gradescope 每份提交读一个结果文件，所以每份提交会写成其中的 <提交名>.json。`,
      });
    }
  } else if (values.jobs !== undefined) {
    throw new UsageError({
      en: '--jobs says how many submissions are graded at once: it goes with --batch.',
      zh: '--jobs 表示同时评分几份提交：它要与 --batch 一起用。',
    });
  }
  if (values.watch && OUTPUT_FORMATS.some((f) => values[f] !== undefined)) {
    throw new UsageError({
      en: '--watch grades again and again; result files go with a single grade.',
      zh: '--watch 会反复评分；结果文件只用于单次评分。',
    });
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
    if (path.trim() === '')
      throw new UsageError({ en: `--${format} needs a file name.`, zh: `--${format} 需要一个文件名。` });
    outputs[format] = path;
  }
  return {
    help: values.help,
    stage: positionals[0],
    subject,
    json: values.json,
    hint: values.hint,
    watch: values.watch,
    outputs,
    ...(lang ? { lang } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(values.batch !== undefined ? { batch: values.batch } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    ...(timeCapS !== undefined ? { timeCapS } : {}),
    ...(memoryCapMiB !== undefined ? { memoryCapMiB } : {}),
  };
}

/**
 * Flags npm kept for itself: `npm run grade stage-1 --solution`, without `--`, hands `--solution` to
 * npm, which tells us only through npm_config_solution. Grading the wrong subject silently would be
 * worse than saying so.
 */
export function flagsNpmKept(env: NodeJS.ProcessEnv): string[] {
  if (env.npm_lifecycle_event !== 'grade') return [];
  return GRADER_FLAGS.filter((flag) => {
    const value = env[`npm_config_${flag.replaceAll('-', '_')}`];
    return value !== undefined && value !== '';
  });
}

// The flags of `npm run grade`, once: parseArgs's options, the check for flags npm kept for itself, and
// the usage text in both languages are all derived from this table (see flag-table.ts).
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
  solution: {
    type: 'boolean',
    group: 'subject',
    help: { en: 'grade the reference solution', zh: '评分参考答案' },
  },
  file: {
    type: 'string',
    group: 'subject',
    value: { en: '<path>', zh: '<路径>' },
    help: { en: 'grade any .ts/.js/.mjs/.py file', zh: '评分任意 .ts/.js/.mjs/.py 文件' },
  },
  cmd: {
    type: 'string',
    group: 'subject',
    value: { en: '"<command>"', zh: '"<命令>"' },
    help: {
      en: 'grade a server in any language: run through the shell, PORT in its environment,\n{port} replaced by the port',
      zh: '评分任意语言的服务器：命令交给 shell 执行，环境变量 PORT 给出端口，{port} 会被替换',
    },
  },
  batch: {
    type: 'string',
    group: 'subject',
    value: { en: '<folder>', zh: '<文件夹>' },
    help: {
      en: 'grade every subfolder of the folder (one submission each): its run file (one\ncommand line), server.ts, server.js, server.mjs or server.py',
      zh: '评分文件夹里的每个子文件夹（每个子文件夹是一份提交）：其中的 run（一行命令）、\nserver.ts、server.js、server.mjs 或 server.py',
    },
  },
  jobs: {
    type: 'string',
    group: 'option',
    value: { en: '<n>', zh: '<数量>' },
    help: {
      en: 'submissions graded at once (default: the number of CPU cores)',
      zh: '同时评分几份提交（默认：CPU 核数）',
    },
  },
  json: {
    type: 'boolean',
    group: 'option',
    help: { en: 'print one JSON object on stdout, nothing else', zh: '只在标准输出打印一个 JSON 对象' },
  },
  hint: {
    type: 'boolean',
    group: 'option',
    help: {
      en: 'show one more hint for the first failing property, down to the Node API involved',
      zh: '多显示一条提示（针对第一个未通过的评分项），一直到用到的 Node API',
    },
  },
  watch: {
    type: 'boolean',
    group: 'option',
    help: { en: 'grade again every time you save a file', zh: '每次保存文件都重新评分' },
  },
  seed: {
    type: 'string',
    group: 'option',
    value: { en: '<n>', zh: '<数字>' },
    help: {
      en: 'replay the traffic of an earlier grade (every report prints its seed)',
      zh: '重放某次评分的流量（每份报告都会打印它的 seed）',
    },
  },
  out: {
    type: 'string',
    group: 'option',
    value: { en: '<file>', zh: '<文件>' },
    help: { en: 'write every report as JSON', zh: '把所有报告写成 JSON' },
  },
  csv: {
    type: 'string',
    group: 'option',
    value: { en: '<file>', zh: '<文件>' },
    help: {
      en: 'one row per submission: a column per property, and the score',
      zh: '每份提交一行：每个评分项一列，外加得分',
    },
  },
  junit: {
    type: 'string',
    group: 'option',
    value: { en: '<file>', zh: '<文件>' },
    help: {
      en: 'JUnit XML: a testsuite per submission, a testcase per property',
      zh: 'JUnit XML：每份提交一个 testsuite，每个评分项一个 testcase',
    },
  },
  gradescope: {
    type: 'string',
    group: 'option',
    value: { en: '<path>', zh: '<路径>' },
    help: {
      en: "Gradescope's results.json; with --batch, a folder with one file per submission",
      zh: 'Gradescope 的 results.json；批量评分时是一个文件夹，每份提交一个文件',
    },
  },
  'time-cap': {
    type: 'string',
    group: 'option',
    value: { en: '<seconds>', zh: '<秒>' },
    help: {
      en: `the longest one grade may take (default with --batch: ${DEFAULT_TIME_CAP_S})`,
      zh: `一次评分最多用时（批量评分默认 ${DEFAULT_TIME_CAP_S} 秒）`,
    },
  },
  'max-memory': {
    type: 'string',
    group: 'option',
    value: { en: '<MiB>', zh: '<MiB>' },
    help: {
      en: `resident memory each server may use (default: ${DEFAULT_MEMORY_CAP_MIB})`,
      zh: `每个服务器最多占用的常驻内存（默认 ${DEFAULT_MEMORY_CAP_MIB}）`,
    },
  },
  lang: {
    type: 'string',
    group: 'option',
    value: { en: 'en|zh', zh: 'en|zh' },
    help: { en: 'the language of the report (default: from LANG/LC_ALL)', zh: '输出语言（默认取自 LANG/LC_ALL）' },
  },
  help: { type: 'boolean', short: 'h', group: 'meta' },
} as const satisfies Record<string, Flag<Group>>;

export type FlagName = keyof typeof FLAGS;

/** The grader's own flags: those npm would keep for itself, given without `--`. */
export const GRADER_FLAGS = flagsIn(FLAGS, 'subject', 'option');

export const takesValue = (name: string): boolean => (FLAGS as Record<string, Flag>)[name]?.type === 'string';

// The command line, parsed without side effects: a request to grade, or a UsageError saying what's off.
import { parseArgs } from 'node:util';
import { STAGES } from './catalogue.ts';
import { UsageError } from './errors.ts';
import { isLang, type Lang } from './text.ts';

export type SubjectChoice = { kind: 'starter' } | { kind: 'solution' } | { kind: 'file'; path: string } | { kind: 'cmd'; command: string };

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
}

export function usage(lang: Lang): string {
  const stages = STAGES.map((s) => `${s.id} (${s.title[lang]})`).join(', ');
  return lang === 'zh'
    ? `用法：npm run grade -- <阶段> [--solution | --file <路径> | --cmd "<命令>"] [--json] [--hint] [--watch] [--lang en|zh]

  <阶段>          ${stages}；也可以只写 1、2、3；在终端里不写阶段会弹出选择列表
  （默认）         评分你的 stages/<阶段>/server.ts
  --solution      评分参考答案
  --file <路径>    评分任意 .ts/.js/.mjs/.py 文件
  --cmd "<命令>"   评分任意语言的服务器：命令交给 shell 执行，环境变量 PORT 给出端口，{port} 会被替换
  --json          只在标准输出打印一个 JSON 对象
  --hint          多显示一条提示（针对第一个未通过的评分项），一直到用到的 Node API
  --watch         每次保存文件都重新评分
  --lang en|zh    输出语言（默认取自 LANG/LC_ALL）

退出码：0 全部成立，1 有不成立的，2 用法错误或被测服务器无法启动。
例如：npm run grade stage-2
      npm run grade -- 3 --cmd "python3 server.py"`
    : `Usage: npm run grade -- <stage> [--solution | --file <path> | --cmd "<command>"] [--json] [--hint] [--watch] [--lang en|zh]

  <stage>          ${stages}; 1, 2, 3 work too; in a terminal, leave it out to pick from a list
  (default)        grade your stages/<stage>/server.ts
  --solution       grade the reference solution
  --file <path>    grade any .ts/.js/.mjs/.py file
  --cmd "<cmd>"    grade a server in any language: run through the shell, PORT in its environment,
                   {port} replaced by the port
  --json           print one JSON object on stdout, nothing else
  --hint           show one more hint for the first failing property, down to the Node API involved
  --watch          grade again every time you save a file
  --lang en|zh     the language of the report (default: from LANG/LC_ALL)

Exit status: 0 every property holds, 1 some fail, 2 usage error or the server can't be started.
Examples: npm run grade stage-2
          npm run grade -- 3 --cmd "python3 server.py"`;
}

export function parseRequest(argv: readonly string[]): Request {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        solution: { type: 'boolean', default: false },
        file: { type: 'string' },
        cmd: { type: 'string' },
        json: { type: 'boolean', default: false },
        hint: { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    const reason = (err as Error).message;
    throw new UsageError({ en: reason, zh: `命令行参数有误：${reason}` });
  }
  const { values, positionals } = parsed;
  const lang = values.lang;
  if (lang !== undefined && !isLang(lang)) {
    throw new UsageError({ en: `--lang takes en or zh, not "${lang}".`, zh: `--lang 只能是 en 或 zh，而不是“${lang}”。` });
  }
  if (positionals.length > 1) {
    const extra = positionals.slice(1).join(' ');
    throw new UsageError({
      en: `One stage at a time: what is "${extra}"? Through npm, options go after --, or npm keeps them: npm run grade -- ${positionals[0]} --lang ${extra}. A command with spaces goes in quotes after --cmd.`,
      zh: `一次只能评分一个阶段：“${extra}”是什么？通过 npm 运行时，选项要写在 -- 之后，否则会被 npm 拿走：npm run grade -- ${positionals[0]} --lang ${extra}。带空格的命令要用引号括起来放在 --cmd 后面。`,
    });
  }
  const chosen = [values.solution && '--solution', values.file !== undefined && '--file', values.cmd !== undefined && '--cmd'].filter(Boolean);
  if (chosen.length > 1) {
    throw new UsageError({ en: `Choose one subject: ${chosen.join(' or ')}.`, zh: `只能选一个被测服务器：${chosen.join(' 或 ')}。` });
  }
  const subject: SubjectChoice =
    values.file !== undefined
      ? { kind: 'file', path: values.file }
      : values.cmd !== undefined
        ? { kind: 'cmd', command: values.cmd }
        : values.solution
          ? { kind: 'solution' }
          : { kind: 'starter' };
  return { help: values.help, stage: positionals[0], subject, json: values.json, hint: values.hint, watch: values.watch, ...(lang ? { lang } : {}) };
}

const GRADER_FLAGS = ['solution', 'file', 'cmd', 'json', 'hint', 'watch', 'lang'];

/**
 * Flags npm kept for itself: `npm run grade stage-1 --solution`, without `--`, hands `--solution` to
 * npm, which tells us only through npm_config_solution. Grading the wrong subject silently would be
 * worse than saying so.
 */
export function flagsNpmKept(env: NodeJS.ProcessEnv): string[] {
  if (env.npm_lifecycle_event !== 'grade') return [];
  return GRADER_FLAGS.filter((flag) => env[`npm_config_${flag}`] !== undefined && env[`npm_config_${flag}`] !== '');
}

// A report for people (✔/✘ lines, the wire story, a hint) and one for programs (--json).
import { Chalk, type ChalkInstance } from 'chalk';
import { nextStage } from '../course/catalogue.ts';
import type { PropertyResult, Report } from '../engine/grade.ts';
import { say } from '../i18n/messages.ts';
import type { Lang } from '../i18n/text.ts';
import { displayWidth, firstDifference, quoteAt } from './bytes.ts';
import { wireStory } from './wire-story.ts';

/** A first server slower than this to listen is named at the top of the report: the grade waited for it. */
export const SLOW_START_MS = 1000;

export function colorWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '');
}

/** What a result says, with failures caused by a server that never listened pointed at `listens`. */
export function messageOf(result: PropertyResult, lang: Lang): string {
  if (result.notListening && result.id !== 'listens') return say.notJudged()[lang];
  return result.message[lang];
}

const LABELS = {
  expected: { en: 'expected', zh: '期望' },
  received: { en: 'received', zh: '收到' },
  difference: { en: 'first difference at byte', zh: '第一处不同在字节' },
  wire: { en: 'on the wire', zh: '线路上发生的事' },
  port: { en: 'port', zh: '端口' },
  output: { en: 'your server printed', zh: '你的服务器打印了' },
  hint: { en: 'hint', zh: '提示' },
  subject: { en: 'subject', zh: '被测服务器' },
  seed: { en: 'seed', zh: 'seed' },
  moreHints: { en: 'one more hint', zh: '再看一条提示' },
  learned: { en: 'What you learned', zh: '你学到了' },
  next: { en: 'Next', zh: '下一步' },
  lastStage: {
    en: 'That was the last stage: your server now serves many clients at once. npm run progress shows the whole course.',
    zh: '这是最后一个阶段：你的服务器现在能同时服务许多客户端了。npm run progress 可以查看整个课程的进度。',
  },
} as const;

export interface RenderOptions {
  /** How many hints of each failing property to show (the ladder); 1 when not given. */
  hintLevels?: Record<string, number>;
  /** The command that climbs the ladder, to say how to see more. */
  hintCommand?: string;
  /** The learner's own server: a pass earns "what you learned" and the way on. */
  celebrate?: boolean;
  /** More hints were asked for this property, and there are none. */
  ladderTop?: { id: string; solution: string };
}

function hintLines(result: PropertyResult, lang: Lang, c: ChalkInstance, options: RenderOptions): string[] {
  const total = result.hints.length;
  const shown = Math.min(total, Math.max(1, options.hintLevels?.[result.id] ?? 1));
  const lines = result.hints.slice(0, shown).map((hint, i) => {
    const label = total > 1 ? `${LABELS.hint[lang]} ${i + 1}/${total}` : LABELS.hint[lang];
    return `    ${c.yellow(`${label}${colon(lang)}`)}${hint[lang]}`;
  });
  if (shown < total && options.hintCommand)
    lines.push(`    ${c.dim(`${LABELS.moreHints[lang]}${colon(lang)}${options.hintCommand}`)}`);
  return lines;
}

/** A colon that introduces what follows on the same line. */
const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');
/** A colon that ends a heading line. */
const heading = (lang: Lang) => (lang === 'zh' ? '：' : ':');

/** Labels padded to one display width (Chinese characters take two columns). */
function pad(label: string): string {
  return label + ' '.repeat(Math.max(1, 10 - displayWidth(label)) - 1);
}

function failureDetails(result: PropertyResult, lang: Lang, c: ChalkInstance, options: RenderOptions): string[] {
  const out: string[] = [`    ${messageOf(result, lang)}`];
  if (result.notListening && result.id !== 'listens') return out;
  if (result.expected && result.actual) {
    // Nothing received is already said by the message; a diff against nothing says nothing more.
    const at = result.actual.length > 0 ? firstDifference(result.expected, result.actual) : 0;
    const expected = quoteAt(result.expected, at);
    out.push(`    ${pad(LABELS.expected[lang])} ${c.green(expected.text)}`);
    if (result.actual.length > 0) {
      const received = quoteAt(result.actual, at);
      out.push(`    ${pad(LABELS.received[lang])} ${c.red(received.text)}`);
      // The caret stands under the first byte that differs (in the received line; in the expected one
      // when the received bytes stop short of it).
      const column = at < result.actual.length ? received.column : expected.column;
      out.push(`    ${' '.repeat(10 + column)}${c.yellow('^')} ${c.dim(`${LABELS.difference[lang]} ${at}`)}`);
    }
  }
  if (result.wire.length > 0) {
    const where =
      lang === 'zh'
        ? `（${LABELS.port[lang]} ${result.port}，从服务器启动时计时）：`
        : ` (${LABELS.port[lang]} ${result.port}, times from the server's start):`;
    out.push(`    ${c.dim(`${LABELS.wire[lang]}${where}`)}`);
    for (const line of wireStory(result.wire, lang)) out.push(`      ${line}`);
  }
  const output = result.output;
  if (output.length > 0) {
    out.push(`    ${c.dim(`${LABELS.output[lang]}${heading(lang)}`)}`);
    for (const line of output) out.push(`      ${c.dim(line)}`);
  }
  out.push(...hintLines(result, lang, c, options));
  return out;
}

export function renderHuman(report: Report, lang: Lang, color: boolean, options: RenderOptions = {}): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines = [
    c.bold(`Socket Lab · ${report.stage.id} · ${report.stage.title[lang]}`),
    c.dim(`${LABELS.subject[lang]}${colon(lang)}${report.subject} · ${seedNote(report.seed, lang)}`),
    ...[startNote(report, lang)].filter((note) => note !== '').map((note) => c.dim(note)),
    '',
  ];
  const width = Math.max(...report.results.map((r) => r.id.length));
  for (const result of report.results) {
    const mark = result.status === 'pass' ? c.green('✔') : result.status === 'fail' ? c.red('✘') : c.yellow('–');
    lines.push(`${mark} ${result.id.padEnd(width)}  ${result.title[lang]}`);
    if (result.status === 'fail') lines.push(...failureDetails(result, lang, c, options), '');
    if (result.status === 'skip') lines.push(`    ${c.dim(result.message[lang])}`);
  }
  lines.push('', summary(report, lang, c));
  if (options.ladderTop) {
    const { id, solution } = options.ladderTop;
    lines.push(
      c.dim(
        lang === 'zh'
          ? `${id} 没有更多提示了：参考答案在 ${solution}。`
          : `No more hints for ${id}: the reference solution is ${solution}.`,
      ),
    );
  }
  if (report.passed && options.celebrate) lines.push('', ...afterPassing(report, lang, c));
  return `${lines.join('\n')}\n`;
}

function summary(report: Report, lang: Lang, c: ChalkInstance): string {
  const held = report.results.filter((r) => r.status === 'pass').length;
  const skipped = report.results.filter((r) => r.status === 'skip').length;
  const measured = report.results.length - skipped;
  const skippedNote =
    skipped > 0
      ? lang === 'zh'
        ? `（${skipped} 项在本机无法测量，已跳过）`
        : ` (${skipped} skipped: not measurable here)`
      : '';
  const line =
    lang === 'zh'
      ? `${measured} 项中 ${held} 项成立${skippedNote}`
      : `${held}/${measured} properties hold${skippedNote}`;
  if (report.passed) return c.green.bold(line) + (lang === 'zh' ? '。全部通过！' : '. Stage passed!');
  const first = report.results.find((r) => r.status === 'fail');
  const next =
    lang === 'zh' ? `。先修好 ${first?.id}，然后再评分一次。` : `. Start with ${first?.id}, then grade again.`;
  return c.red.bold(line) + next;
}

/** A start slow enough to mention: the grade waited for it (every output says so). */
export function startNote(report: Pick<Report, 'startMs'>, lang: Lang): string {
  return report.startMs !== undefined && report.startMs >= SLOW_START_MS ? say.slowStart(report.startMs)[lang] : '';
}

/** "seed 482913 (--seed 482913 replays this traffic)": every report says how to see the same bytes again. */
export function seedNote(seed: number, lang: Lang): string {
  return lang === 'zh'
    ? `seed ${seed}（用 --seed ${seed} 可重放同样的流量）`
    : `seed ${seed} (--seed ${seed} replays this traffic)`;
}

/** A failure as plain text for files (JUnit, Gradescope): what the report shows under its ✘, hint included. */
export function failureText(result: PropertyResult, lang: Lang): string {
  return failureDetails(result, lang, new Chalk({ level: 0 }), {})
    .map((line) => line.replace(/^ {4}/, ''))
    .join('\n');
}

/** One report as data: the --json contract, and each submission of --out. */
export function reportData(report: Report, lang: Lang) {
  return {
    stage: report.stage.id,
    subject: report.subject,
    seed: report.seed,
    passed: report.passed,
    /** How long the first server took to listen, in ms (null when it never did). */
    startMs: report.startMs ?? null,
    properties: report.results.map((r) => ({
      id: r.id,
      title: r.title[lang],
      status: r.status,
      message: messageOf(r, lang),
      hint: r.status === 'fail' ? (r.hints[0]?.[lang] ?? '') : '',
      durationMs: r.durationMs,
    })),
  };
}

/** The --json contract: one object, these fields, nothing else on stdout. */
export function renderJson(report: Report, lang: Lang): string {
  return `${JSON.stringify(reportData(report, lang), null, 2)}\n`;
}

/** A passed stage: what it taught, and where to go next. */
function afterPassing(report: Report, lang: Lang, c: ChalkInstance): string[] {
  const next = nextStage(report.stage);
  return [
    `${c.bold(`${LABELS.learned[lang]}${colon(lang)}`)}${report.stage.learned[lang]}`,
    next
      ? `${c.bold(`${LABELS.next[lang]}${colon(lang)}`)}${next.id} · ${next.title[lang]}: ${lang === 'zh' ? next.starter.replace('server.ts', 'README.zh-CN.md') : next.starter.replace('server.ts', 'README.md')}, npm run grade ${next.id}`
      : LABELS.lastStage[lang],
  ];
}

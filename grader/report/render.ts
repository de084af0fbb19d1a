// A report for people (✔/✘ lines, the wire story, a hint) and one for programs (--json).
import { Chalk, type ChalkInstance } from 'chalk';
import { firstDifference, quote } from '../bytes.ts';
import type { PropertyResult, Report } from '../grade.ts';
import { say } from '../messages.ts';
import type { Lang } from '../text.ts';
import { wireStory } from './wire-story.ts';

export function colorWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '');
}

/** What a result says, with failures caused by a server that never listened pointed at `listens`. */
function messageOf(result: PropertyResult, lang: Lang): string {
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
  subject: { en: 'subject', zh: '被测程序' },
} as const;

function failureDetails(result: PropertyResult, lang: Lang, c: ChalkInstance): string[] {
  const out: string[] = [`    ${messageOf(result, lang)}`];
  if (result.notListening && result.id !== 'listens') return out;
  if (result.expected && result.actual) {
    // Nothing received is already said by the message; a diff against nothing says nothing more.
    const at = result.actual.length > 0 ? firstDifference(result.expected, result.actual) : 0;
    out.push(`    ${LABELS.expected[lang].padEnd(9)} ${c.green(quote(result.expected, at))}`);
    if (result.actual.length > 0) {
      out.push(`    ${LABELS.received[lang].padEnd(9)} ${c.red(quote(result.actual, at))}`);
      out.push(`    ${c.dim(`${LABELS.difference[lang]} ${at}`)}`);
    }
  }
  if (result.wire.length > 0) {
    out.push(`    ${c.dim(`${LABELS.wire[lang]} (${LABELS.port[lang]} ${result.port}):`)}`);
    for (const line of wireStory(result.wire, lang)) out.push(`      ${line}`);
  }
  const output = [...result.stderr.map((l) => `stderr | ${l}`), ...result.stdout.map((l) => `stdout | ${l}`)];
  if (output.length > 0) {
    out.push(`    ${c.dim(`${LABELS.output[lang]}:`)}`);
    for (const line of output) out.push(`      ${c.dim(line)}`);
  }
  const hint = result.hints[0];
  if (hint) out.push(`    ${c.yellow(`${LABELS.hint[lang]}:`)} ${hint[lang]}`);
  return out;
}

export function renderHuman(report: Report, lang: Lang, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines = [
    c.bold(`Socket Lab · ${report.stage.id} · ${report.stage.title[lang]}`),
    c.dim(`${LABELS.subject[lang]}: ${report.subject}`),
    '',
  ];
  const width = Math.max(...report.results.map((r) => r.id.length));
  for (const result of report.results) {
    const mark = result.status === 'pass' ? c.green('✔') : result.status === 'fail' ? c.red('✘') : c.yellow('–');
    lines.push(`${mark} ${result.id.padEnd(width)}  ${result.title[lang]}`);
    if (result.status === 'fail') lines.push(...failureDetails(result, lang, c), '');
    if (result.status === 'skip') lines.push(`    ${c.dim(result.message[lang])}`);
  }
  lines.push('', summary(report, lang, c));
  return `${lines.join('\n')}\n`;
}

function summary(report: Report, lang: Lang, c: ChalkInstance): string {
  const held = report.results.filter((r) => r.status === 'pass').length;
  const skipped = report.results.filter((r) => r.status === 'skip').length;
  const measured = report.results.length - skipped;
  const skippedNote = skipped > 0 ? (lang === 'zh' ? `（${skipped} 项在本机无法测量，已跳过）` : ` (${skipped} skipped: not measurable here)`) : '';
  const line =
    lang === 'zh' ? `${measured} 项中 ${held} 项成立${skippedNote}` : `${held}/${measured} properties hold${skippedNote}`;
  if (report.passed) return c.green.bold(line) + (lang === 'zh' ? '。全部通过！' : '. Stage passed!');
  const first = report.results.find((r) => r.status === 'fail');
  const next =
    lang === 'zh' ? `。先修好 ${first?.id}，然后再评测一次。` : `. Start with ${first?.id}, then grade again.`;
  return c.red.bold(line) + next;
}

/** The --json contract: one object, these fields, nothing else on stdout. */
export function renderJson(report: Report, lang: Lang): string {
  return `${JSON.stringify({
    stage: report.stage.id,
    subject: report.subject,
    passed: report.passed,
    properties: report.results.map((r) => ({
      id: r.id,
      title: r.title[lang],
      status: r.status,
      message: messageOf(r, lang),
      hint: r.status === 'fail' ? (r.hints[0]?.[lang] ?? '') : '',
      durationMs: r.durationMs,
    })),
  }, null, 2)}\n`;
}

// A report for people (✔/✘ lines, the wire story, a hint) and one for programs (--json).
import { Chalk, type ChalkInstance } from 'chalk';
import { nextStage } from '../course/catalogue.ts';
import type { PropertyResult, Report } from '../engine/grade.ts';
import { say } from '../i18n/messages.ts';
import { t } from '../i18n/t.ts';
import type { Lang } from '../i18n/text.ts';
import { platformNote, sandboxNote } from '../subject/platform.ts';
import { caretAt, displayWidth, quoteAt } from './bytes.ts';
import { notJudged, storyOf } from './story.ts';
import { wireStory } from './wire-story.ts';

/** A first server slower than this to listen is named at the top of the report: the grade waited for it. */
export const SLOW_START_MS = 1000;

export function colorWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '');
}

/** What a result says, with failures caused by a server that never listened pointed at `listens`. */
export function messageOf(result: PropertyResult, lang: Lang): string {
  if (notJudged(result)) return say.notJudged()[lang];
  return result.message[lang];
}

const LABELS = {
  expected: t('report.expected'),
  received: t('report.received'),
  wire: t('report.wire'),
  port: t('report.port'),
  output: t('report.output'),
  hint: t('report.hint'),
  subject: t('report.subject'),
  seed: t('report.seed'),
  moreHints: t('report.more-hints'),
  learned: t('report.learned'),
  next: t('report.next'),
  lastStage: t('report.last-stage'),
} as const;

export interface RenderOptions {
  /** How many hints of each failing property to show (the ladder); 1 when not given. */
  hintLevels?: Record<string, number>;
  /** The command that climbs the ladder, to say how to see more. */
  hintCommand?: string;
  /** The learner's own server: a pass earns "what you learned" and the way on. */
  celebrate?: boolean;
  /** The language asked for with --lang: the command to the next stage asks for it again. */
  langAsked?: Lang;
  /** More hints were asked for this property, and there are none. */
  ladderTop?: { id: string; solution: string };
  /** Number the hints (hint 1/3): where the ladder can be climbed. A file shows the first, unnumbered. */
  ladder?: boolean;
}

function hintLines(result: PropertyResult, lang: Lang, c: ChalkInstance, options: RenderOptions): string[] {
  const total = result.hints.length;
  const shown = Math.min(total, Math.max(1, options.hintLevels?.[result.id] ?? 1));
  const lines = result.hints.slice(0, shown).map((hint, i) => {
    const label = total > 1 && options.ladder !== false ? `${LABELS.hint[lang]} ${i + 1}/${total}` : LABELS.hint[lang];
    return `    ${c.yellow(`${label}${colon(lang)}`)}${hint[lang]}`;
  });
  if (shown < total && options.hintCommand)
    lines.push(`    ${c.dim(`${LABELS.moreHints[lang]}${colon(lang)}${options.hintCommand}`)}`);
  return lines;
}

/** A colon that introduces what follows on the same line. */
const colon = (lang: Lang) => t('report.colon')[lang];
/** A colon that ends a heading line. */
const heading = (lang: Lang) => t('report.heading')[lang];

/** Labels padded to one display width (Chinese characters take two columns). */
function pad(label: string): string {
  return label + ' '.repeat(Math.max(1, 10 - displayWidth(label)) - 1);
}

function failureDetails(result: PropertyResult, lang: Lang, c: ChalkInstance, options: RenderOptions): string[] {
  const out: string[] = [`    ${messageOf(result, lang)}`];
  if (notJudged(result)) return out;
  if (result.expected && result.actual) {
    // Nothing received is already said by the message; a diff against nothing says nothing more.
    const at = caretAt(result.expected, result.actual);
    const expected = quoteAt(result.expected, { focus: at, lang });
    out.push(`    ${pad(LABELS.expected[lang])} ${c.green(expected.text)}`);
    if (result.actual.length > 0) {
      const received = quoteAt(result.actual, { focus: at, lang });
      out.push(`    ${pad(LABELS.received[lang])} ${c.red(received.text)}`);
      // The caret stands under the character shown for the first byte that differs (in the received
      // line; in the expected one when the received bytes stop short of it).
      const column = at < result.actual.length ? received.column : expected.column;
      const note = t('report.difference', { at })[lang];
      out.push(`    ${' '.repeat(10 + column)}${c.yellow('^')} ${c.dim(note)}`);
    }
  }
  if (result.wire.length > 0) {
    const where = t('report.failure-details.where', { port: LABELS.port[lang], port2: result.port })[lang];
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

/** What the top of a report says: known before any property is decided (but the start, known at the first). */
export type ReportHead = Pick<Report, 'stage' | 'subject' | 'seed' | 'startMs' | 'sandbox'>;

export function renderHuman(report: Report, lang: Lang, color: boolean, options: RenderOptions = {}): string {
  const width = idWidth(report.stage);
  return [
    renderHead(report, lang, color),
    ...report.results.map((result) => renderResult(result, width, lang, color, options)),
    renderTail(report, lang, color, options),
  ].join('');
}

/** The title, what this platform can't serve (off Linux), the subject and seed, and a slow start when there was one. */
export function renderHead(head: ReportHead, lang: Lang, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const platform = platformNote(head.stage.properties);
  const sandbox = sandboxNote(head.sandbox);
  const lines = [
    c.bold(`Socket Lab · ${head.stage.id} · ${head.stage.title[lang]}`),
    ...(platform ? [c.yellow(platform[lang])] : []),
    ...(sandbox ? [c.yellow(sandbox[lang])] : []),
    c.dim(`${LABELS.subject[lang]}${colon(lang)}${head.subject} · ${seedNote(head.seed, lang)}`),
    ...[startNote(head, lang)].filter((note) => note !== '').map((note) => c.dim(note)),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

/** The width of the id column: the stage's longest id. */
export function idWidth(stage: Report['stage']): number {
  return Math.max(...stage.properties.map((p) => p.id.length));
}

/** One property's line, and under a ✘ what happened and the hint. */
export function renderResult(
  result: PropertyResult,
  width: number,
  lang: Lang,
  color: boolean,
  options: RenderOptions = {},
): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const mark = result.status === 'pass' ? c.green('✔') : result.status === 'fail' ? c.red('✘') : c.yellow('–');
  const lines = [`${mark} ${result.id.padEnd(width)}  ${result.title[lang]}`];
  if (result.status === 'fail') lines.push(...failureDetails(result, lang, c, options), '');
  if (result.status === 'skip') lines.push(`    ${c.dim(result.message[lang])}`);
  return `${lines.join('\n')}\n`;
}

/** The summary, and what comes after it: the ladder's top, or what a passed stage taught. */
export function renderTail(report: Report, lang: Lang, color: boolean, options: RenderOptions = {}): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines = ['', summary(report, lang, c)];
  if (options.ladderTop) {
    const { id, solution } = options.ladderTop;
    lines.push(c.dim(t('report.ladder-top', { id, solution })[lang]));
  }
  if (report.passed && options.celebrate) lines.push('', ...afterPassing(report, lang, c, options.langAsked));
  return `${lines.join('\n')}\n`;
}

function summary(report: Report, lang: Lang, c: ChalkInstance): string {
  const { line, after } = summaryParts(report, lang);
  return (report.passed ? c.green.bold(line) : c.red.bold(line)) + after;
}

/** The summary line: how many hold (shown in bold), and what follows it (passed, or where to start). */
export function summaryParts(report: Pick<Report, 'results' | 'passed'>, lang: Lang): { line: string; after: string } {
  const held = report.results.filter((r) => r.status === 'pass').length;
  const skipped = report.results.filter((r) => r.status === 'skip').length;
  const measured = report.results.length - skipped;
  const skippedNote = skipped > 0 ? t('report.summary.skipped-note', { skipped })[lang] : '';
  const line = t('report.summary.line', { held, measured, skippedNote })[lang];
  if (report.passed) return { line, after: t('report.summary')[lang] };
  const first = report.results.find((r) => r.status === 'fail');
  return { line, after: t('report.summary.next', { id: String(first?.id) })[lang] };
}

/** A start slow enough to mention: the grade waited for it (every output says so). */
export function startNote(report: Pick<Report, 'startMs'>, lang: Lang): string {
  return report.startMs !== undefined && report.startMs >= SLOW_START_MS ? say.slowStart(report.startMs)[lang] : '';
}

/** "seed 482913 (--seed 482913 replays this traffic)": every report says how to see the same bytes again. */
export function seedNote(seed: number, lang: Lang): string {
  return t('report.seed-note', { seed })[lang];
}

/**
 * A failure as text for files (JUnit, the platforms): what the report shows under its ✘, hint included;
 * with `color`, in the terminal's ANSI colours, for the platforms that render them.
 */
export function failureText(result: PropertyResult, lang: Lang, color = false): string {
  return failureDetails(result, lang, new Chalk({ level: color ? 1 : 0 }), { ladder: false })
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
    /** What this platform can't serve of the stage, in one line (null on Linux, where it serves all). */
    platformNote: platformNote(report.stage.properties)?.[lang] ?? null,
    /** Sandboxed (--sandbox, a batch, a platform): each limit this machine could not provide, in one line (else null). */
    sandboxNote: sandboxNote(report.sandbox)?.[lang] ?? null,
    properties: report.results.map((r) => ({
      id: r.id,
      title: r.title[lang],
      status: r.status,
      message: messageOf(r, lang),
      hint: r.status === 'fail' ? (r.hints[0]?.[lang] ?? '') : '',
      durationMs: r.durationMs,
      // The story the report tells under a ✘ (story.ts): absent on a pass.
      ...storyOf(r, lang),
    })),
  };
}

/** The --json contract: one object, these fields, nothing else on stdout. */
export function renderJson(report: Report, lang: Lang): string {
  return `${JSON.stringify(reportData(report, lang), null, 2)}\n`;
}

/** A passed stage: what it taught, and where to go next. */
function afterPassing(report: Report, lang: Lang, c: ChalkInstance, langAsked?: Lang): string[] {
  const next = nextStage(report.stage);
  const command = next && (langAsked ? `npm run grade -- ${next.id} --lang ${langAsked}` : `npm run grade ${next.id}`);
  return [
    `${c.bold(`${LABELS.learned[lang]}${colon(lang)}`)}${report.stage.learned[lang]}`,
    next
      ? `${c.bold(`${LABELS.next[lang]}${colon(lang)}`)}${t('report.next-stage', { id: next.id, title: next.title, readme: next.starter.replace('server.ts', t('progress.readme')[lang]), command: command ?? '' })[lang]}`
      : LABELS.lastStage[lang],
  ];
}

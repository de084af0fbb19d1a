// One grade as HTML: the summary, each property's verdict, and under each failure its conversation as a
// sequence diagram (with the wire story as text beside it for screen readers and search), the bytes
// expected and received with the first difference marked, what the server printed, and the hints so far.
import type { PropertyResult, Report } from '../../engine/grade.ts';
import { t } from '../../i18n/t.ts';
import type { Lang } from '../../i18n/text.ts';
import { platformNote, sandboxNote } from '../../subject/platform.ts';
import { caretAt, displayPieces } from '../bytes.ts';
import type { Ladder } from '../formats/graded.ts';
import { messageOf, seedNote, startNote, summaryParts } from '../render.ts';
import { notJudged } from '../story.ts';
import { wireStory } from '../wire-story.ts';
import { esc, slug } from './markup.ts';
import { sequenceSvg } from './sequence.ts';
import { PAGE_CSS } from './style.ts';

/** Bytes shown around the first difference: enough to read, not a megabyte. */
const BYTES_WINDOW = 160;

const MARKS = { pass: '✔', fail: '✘', skip: '–' } as const;

/** A page: self-contained (the policy forbids every request), in the reader's language. */
export function htmlDocument(title: string, lang: Lang, body: string): string {
  return [
    '<!doctype html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing leaves the page: no fetch, no image, no font, no frame; only what is written here runs.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    `<main>${body}</main>`,
    // A link to a submission or a property opens the details it is folded in.
    `<script>${OPEN_TARGET}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const OPEN_TARGET = `(function () {
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    for (var d = target.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
    target.scrollIntoView();
  }
  addEventListener('hashchange', openTarget);
  openTarget();
})();`;

export interface SectionOptions {
  /** Ids in the page start with it: a class's page holds many reports. */
  prefix: string;
  /** How far up each ladder the hints are shown (the learner's own climb); the first hint otherwise. */
  ladder?: Ladder;
}

/** The id of a property's section in the page. */
export function propertyAnchor(prefix: string, id: string): string {
  return `${prefix}p-${slug(id)}`;
}

/** The head of one report: subject, seed, the slow start and the platform's line when there is one. */
export function reportMeta(report: Report, lang: Lang): string {
  const platform = platformNote(report.stage.properties);
  const sandbox = sandboxNote(report.sandbox);
  const start = startNote(report, lang);
  return [
    ...(platform ? [`<p class="meta">${esc(platform[lang])}</p>`] : []),
    ...(sandbox ? [`<p class="meta">${esc(sandbox[lang])}</p>`] : []),
    `<p class="meta">${esc(t('report.subject')[lang])}${esc(t('report.colon')[lang])}<code>${esc(report.subject)}</code> · ${esc(seedNote(report.seed, lang))}</p>`,
    ...(start ? [`<p class="meta">${esc(start)}</p>`] : []),
  ].join('\n');
}

export function summaryHtml(report: Report, lang: Lang): string {
  const { line, after } = summaryParts(report, lang);
  return `<p class="summary ${report.passed ? 'pass' : 'fail'}" role="status"><strong>${esc(line)}</strong>${esc(after)}</p>`;
}

/** The verdicts in a list, each a link to its section, then a section per property. */
export function reportBody(report: Report, lang: Lang, options: SectionOptions): string {
  const list = report.results
    .map(
      (r) =>
        `<li class="${r.status}"><span class="mark" aria-hidden="true">${MARKS[r.status]}</span>` +
        `<a href="#${propertyAnchor(options.prefix, r.id)}">${esc(r.id)}</a> <span class="visually-hidden">${esc(statusWord(r, lang))}</span></li>`,
    )
    .join('');
  return [
    `<ul class="verdicts" aria-label="${esc(t('html.verdicts')[lang])}">${list}</ul>`,
    ...report.results.map((r) => propertySection(r, lang, options)),
  ].join('\n');
}

function statusWord(result: PropertyResult, lang: Lang): string {
  return t(`html.status.${result.status}`)[lang];
}

function propertySection(result: PropertyResult, lang: Lang, options: SectionOptions): string {
  const anchor = propertyAnchor(options.prefix, result.id);
  const head =
    `<h2><span class="mark" aria-hidden="true">${MARKS[result.status]}</span><code>${esc(result.id)}</code> · ${esc(result.title[lang])}` +
    ` <span class="visually-hidden">${esc(statusWord(result, lang))}</span></h2>`;
  const parts = [head];
  if (result.status !== 'pass') parts.push(`<p class="message">${esc(messageOf(result, lang))}</p>`);
  if (result.status === 'fail' && !notJudged(result)) parts.push(...failureParts(result, lang, anchor, options));
  return `<section id="${anchor}" class="property ${result.status}" data-property="${esc(result.id)}">${parts.join('\n')}</section>`;
}

function failureParts(result: PropertyResult, lang: Lang, anchor: string, options: SectionOptions): string[] {
  const parts: string[] = [];
  const diagram = sequenceSvg(result.wire, lang, { id: `${anchor}-d`, printed: result.printed ?? [] });
  if (diagram) {
    const where = t('html.wire.caption', { port: result.port })[lang];
    parts.push(
      `<figure>`,
      `<figcaption>${esc(where)}</figcaption>`,
      diagram,
      `<details><summary>${esc(t('html.wire.as-text')[lang])}</summary><pre>${esc(wireStory(result.wire, lang, Number.POSITIVE_INFINITY).join('\n'))}</pre></details>`,
      `</figure>`,
    );
  }
  if (result.expected && result.actual) parts.push(bytesTable(result.expected, result.actual, lang));
  if (result.output.length > 0)
    parts.push(`<h3>${esc(t('report.output')[lang])}</h3><pre class="output">${esc(result.output.join('\n'))}</pre>`);
  parts.push(hintList(result, lang, options.ladder));
  return parts;
}

/** Expected and received, the first byte that differs marked in each (as the terminal's caret does). */
function bytesTable(expected: Buffer, actual: Buffer, lang: Lang): string {
  // Nothing received: the message says so, and there is no difference to point at.
  const at = actual.length > 0 ? caretAt(expected, actual) : -1;
  const row = (label: string, bytes: Buffer) =>
    `<tr><th scope="row">${esc(label)}</th><td class="bytes">${bytesWithMark(bytes, at)}</td></tr>`;
  const rows = [row(t('report.expected')[lang], expected)];
  if (actual.length > 0) rows.push(row(t('report.received')[lang], actual));
  const note = actual.length > 0 ? `<p class="difference">${esc(t('report.difference', { at })[lang])}</p>` : '';
  return `<table class="bytes">${rows.join('')}</table>${note}`;
}

/** Bytes quoted as the terminal shows them, a window around `at`, the piece holding byte `at` marked. */
export function bytesWithMark(bytes: Buffer, at: number): string {
  const from =
    bytes.length <= BYTES_WINDOW ? 0 : Math.max(0, Math.min(at - BYTES_WINDOW / 3, bytes.length - BYTES_WINDOW));
  const to = from + BYTES_WINDOW;
  const shown = displayPieces(bytes).filter((p) => p.end > from && p.start < to);
  const head = (shown[0]?.start ?? 0) > 0 ? '…' : '';
  const tail = (shown.at(-1)?.end ?? bytes.length) < bytes.length ? '…' : '';
  const inner = shown.map((p) => (p.start <= at && at < p.end ? `<mark>${esc(p.text)}</mark>` : esc(p.text))).join('');
  // Past the end: the closing quote is where the difference is (the received bytes stopped short).
  const close = at >= bytes.length ? '<mark>"</mark>' : '"';
  const size = bytes.length > BYTES_WINDOW ? ` (${bytes.length} bytes)` : '';
  return `${head}"${inner}${close}${tail}${esc(size)}`;
}

function hintList(result: PropertyResult, lang: Lang, ladder: Ladder | undefined): string {
  const total = result.hints.length;
  if (total === 0) return '';
  const shown = Math.min(total, Math.max(1, ladder?.levels[result.id] ?? 1));
  const items = result.hints
    .slice(0, shown)
    .map((hint, i) => {
      const label = total > 1 && ladder ? `${t('report.hint')[lang]} ${i + 1}/${total}` : t('report.hint')[lang];
      return `<li><strong>${esc(label)}</strong>${esc(t('report.colon')[lang])}${esc(hint[lang])}</li>`;
    })
    .join('');
  const more =
    shown < total && ladder
      ? `<p class="meta">${esc(t('report.more-hints')[lang])}${esc(t('report.colon')[lang])}<code>${esc(ladder.command)}</code></p>`
      : '';
  return `<h3>${esc(t('html.hints')[lang])}</h3><ol class="hints">${items}</ol>${more}`;
}

/** A single grade's page. */
export function reportPage(report: Report, lang: Lang, ladder?: Ladder): string {
  const title = `Socket Lab · ${report.stage.id} · ${report.stage.title[lang]}`;
  const learned = report.passed
    ? `<p class="learned"><strong>${esc(t('report.learned')[lang])}</strong>${esc(t('report.colon')[lang])}${esc(report.stage.learned[lang])}</p>`
    : '';
  const body = [
    `<header><h1>${esc(title)}</h1>${reportMeta(report, lang)}</header>`,
    summaryHtml(report, lang),
    learned,
    reportBody(report, lang, { prefix: '', ...(ladder ? { ladder } : {}) }),
  ].join('\n');
  return htmlDocument(title, lang, body);
}

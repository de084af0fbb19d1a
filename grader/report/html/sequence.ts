// The wire story as a sequence diagram: a lifeline per party, time running down the page, an arrow per
// event (connect, data, FIN, RST, refused), the server's exit and what it printed as notes where they
// happened. Drawn as SVG text, with no script and no fonts of its own.
import type { WireEvent } from '../../client/wire.ts';
import { t } from '../../i18n/t.ts';
import type { Lang, Text } from '../../i18n/text.ts';
import type { Printed } from '../../subject/output.ts';
import { displayWidth, quote } from '../bytes.ts';
import { coalesce, frameTexts, wireStory } from '../wire-story.ts';
import { esc } from './markup.ts';
import { SEQUENCE_CSS } from './style.ts';

export interface SequenceOptions {
  /** Unique within the page: the diagram's title and description are named by it. */
  id: string;
  /** What the server printed, drawn as notes on its lifeline (the first few). */
  printed?: readonly Printed[];
  /** A file of its own (a lesson's picture): carries its own colours, light and dark. */
  standalone?: boolean;
}

// Geometry, in px. Text is measured in columns (wide characters count two) at a 7 px column.
const COL = 7;
const AXIS = 86;
/** The space between two lifelines: room for the longest message's label (within bounds), so short messages show whole. */
const LANE_MIN = 190;
const LANE_MAX = 440;
/** Bytes of a message shown in its label, at most: the rest is counted in its length. */
const LABEL_BYTES = 48;
const TOP = 48;
const ROW = 30;
const GAP_ROW = 24;
const NOTE_LINE = 15;
const MARGIN = 24;
/** Room right of the server's lifeline for its notes: what it printed, how it exited. */
const NOTE_SPACE = 250;
/** A pause longer than this between two events is drawn as a break, with its length. */
const PAUSE_MS = 200;
/** More events than this: the beginning and the end are drawn, the middle counted (as the text does). */
const MAX_EVENTS = 40;
/** Notes of what the server printed: at most this many, each the lines that came together (a crash's trace is one). */
const MAX_PRINTED = 4;
const PRINTED_LINES = 3;
/** Lines printed within this long of a note's first join it. */
const TOGETHER_MS = 30;
/** More numbered clients (#1, #2, … of a crowd) than this share one lifeline. */
const CROWD_LANES = 3;

type Direction = 'to-server' | 'to-client' | 'self';

const DIRECTION: Record<WireEvent['kind'], Direction> = {
  connect: 'to-server',
  refused: 'to-server',
  send: 'to-server',
  'fin-out': 'to-server',
  'rst-out': 'to-server',
  recv: 'to-client',
  'fin-in': 'to-client',
  'rst-in': 'to-client',
  close: 'self',
  exit: 'self',
  note: 'self',
};

/** The short label on an arrow; the whole story is in its tooltip and in the text beside the diagram. */
const LABEL: Partial<Record<WireEvent['kind'], Text>> = {
  connect: t('html.arrow.connect'),
  'fin-out': { en: 'FIN', zh: 'FIN' },
  'fin-in': { en: 'FIN', zh: 'FIN' },
  'rst-out': { en: 'RST', zh: 'RST' },
  'rst-in': { en: 'RST', zh: 'RST' },
  close: t('html.arrow.close'),
};

const REFUSED: Record<string, Text> = {
  ECONNREFUSED: t('html.arrow.refused'),
  ECONNRESET: t('html.arrow.reset-while-connecting'),
  ETIMEDOUT: t('html.arrow.no-answer'),
};

/** What is drawn in one row: a wire event, or a line the server printed. */
type Row =
  | { kind: 'event'; event: WireEvent; index: number }
  | { kind: 'printed'; at: number; lines: string[] }
  | { kind: 'skipped'; count: number; at: number };

function words(event: WireEvent, lang: Lang): string {
  return typeof event.detail === 'string' ? event.detail : (event.detail?.[lang] ?? '');
}

function shorten(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(`${out}${char}…`) > columns) break;
    out += char;
  }
  return `${out}…`;
}

/** Words wrapped to lines of at most `columns` (a Chinese sentence may wrap between any two characters). */
function wrap(text: string, columns: number, maxLines = 4): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s+/g) ?? []) {
    if (/^\s+$/.test(token)) {
      if (line !== '') line += ' ';
      continue;
    }
    if (line !== '' && displayWidth(line + token) > columns) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += token;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines.map((l) => shorten(l, columns));
  return [...lines.slice(0, maxLines - 1), shorten(`${lines[maxLines - 1] ?? ''} …`, columns)].map((l) =>
    shorten(l, columns),
  );
}

/** The lanes, left to right: clients in the order they first appear, the server on the right. */
function lanesOf(events: readonly WireEvent[]): {
  lanes: string[];
  laneOf: (who: string) => string;
} {
  const clients: string[] = [];
  for (const e of events) if (e.who !== 'server' && e.who !== 'grader' && !clients.includes(e.who)) clients.push(e.who);
  const crowd = clients.filter((who) => /^#\d+$/.test(who));
  const crowded = crowd.length > CROWD_LANES;
  const numbers = crowd.map((who) => Number(who.slice(1))).sort((a, b) => a - b);
  const crowdName = `#${numbers[0]}…#${numbers.at(-1)}`;
  const laneOf = (who: string) => (crowded && crowd.includes(who) ? crowdName : who);
  const lanes = [...new Set(clients.map(laneOf)), 'server'];
  return { lanes, laneOf };
}

function rowsOf(events: readonly WireEvent[], printed: readonly Printed[]): Row[] {
  const shown: Row[] = events.map((event, index) => ({ kind: 'event', event, index }));
  let rows = shown;
  if (events.length > MAX_EVENTS) {
    const head = 24;
    const tail = MAX_EVENTS - head;
    const skipped = events.length - head - tail;
    const at = events[head]?.at ?? 0;
    rows = [...shown.slice(0, head), { kind: 'skipped', count: skipped, at }, ...shown.slice(-tail)];
  }
  const notes: { kind: 'printed'; at: number; lines: string[] }[] = [];
  for (const p of printed) {
    const last = notes.at(-1);
    if (last && p.at - last.at < TOGETHER_MS) last.lines.push(p.line);
    else if (notes.length < MAX_PRINTED) notes.push({ kind: 'printed', at: p.at, lines: [p.line] });
    else break;
  }
  const atOf = (row: Row) => (row.kind === 'event' ? row.event.at : row.at);
  // Stable: a line printed at the same moment as an event comes after it.
  return [...rows, ...notes]
    .map((row, order) => ({ row, order }))
    .sort((a, b) => atOf(a.row) - atOf(b.row) || a.order - b.order)
    .map((x) => x.row);
}

/** The diagram of one property's wire story, or '' when nothing happened on the wire. */
export function sequenceSvg(wire: readonly WireEvent[], lang: Lang, options: SequenceOptions): string {
  const events = coalesce(wire);
  if (events.length === 0) return '';
  // Stage 5: bytes read as frames, each stream from its start ([5] "hello").
  const texts = frameTexts(events, lang);
  const frames = new Map(events.flatMap((e, i) => (texts[i] === undefined ? [] : [[e, texts[i]] as const])));
  const { lanes, laneOf } = lanesOf(events);
  const rows = rowsOf(events, options.printed ?? []);
  const spacing = laneWidth(events, lang, frames);
  const x = (lane: string) => AXIS + MARGIN + spacing / 2 + lanes.indexOf(lane) * spacing;
  const width = AXIS + MARGIN * 2 + lanes.length * spacing + NOTE_SPACE;
  const serverX = x('server');
  const noteColumns = Math.floor((width - AXIS - MARGIN * 2) / COL) - 2;

  const body: string[] = [];
  const firstY = new Map<string, number>();
  const lastY = new Map<string, number>();
  let y = TOP + 24;
  let previousAt: number | undefined;
  let arrows = 0;
  for (const row of rows) {
    const at = row.kind === 'event' ? row.event.at : row.at;
    if (previousAt !== undefined && at - previousAt > PAUSE_MS) {
      // A pause: where somebody waited. Its length is on the axis, the lifelines cross it dotted.
      body.push(
        `<g class="sq-pause"><rect x="${AXIS}" y="${y - 4}" width="${width - AXIS - MARGIN}" height="${GAP_ROW - 6}"/>` +
          `<text class="sq-time" x="${AXIS - 8}" y="${y + 10}" text-anchor="end">+${Math.round(at - previousAt)} ms</text></g>`,
      );
      y += GAP_ROW;
    }
    previousAt = at;
    const time = `<text class="sq-time" x="${AXIS - 8}" y="${y + 4}" text-anchor="end">${esc(at.toFixed(1))} ms</text>`;
    if (row.kind === 'skipped') {
      body.push(
        `<g class="sq-skipped">${time}<text x="${(AXIS + width) / 2}" y="${y + 4}" text-anchor="middle">${esc(t('html.skipped', { skipped: row.count })[lang])}</text></g>`,
      );
      y += ROW;
      continue;
    }
    if (row.kind === 'printed') {
      const columns = Math.floor((NOTE_SPACE + spacing / 2 - 30) / COL);
      const more = row.lines.length - PRINTED_LINES;
      const lines = [
        ...row.lines.slice(0, PRINTED_LINES).map((line) => shorten(line, columns)),
        ...(more > 0 ? [t('html.more-lines', { count: more })[lang]] : []),
      ];
      body.push(note('sq-printed', serverX, y, lines, time, row.lines.join('\n')));
      y += Math.max(ROW, lines.length * NOTE_LINE + 14);
      continue;
    }
    const { event } = row;
    const lane = event.who === 'grader' ? undefined : laneOf(event.who);
    const framed = frames.get(event);
    const tip = (wireStory([event], lang)[0]?.trim() ?? '') + (framed ? ` ${framed}` : '');
    if (lane !== undefined) {
      if (!firstY.has(lane)) firstY.set(lane, y);
      lastY.set(lane, y);
    }
    const data = `data-event="${event.kind}" data-who="${esc(event.who)}" data-index="${row.index}"`;
    const direction = DIRECTION[event.kind];
    if (event.who === 'grader' || (direction === 'self' && event.kind === 'note')) {
      // The grader's notes say what it does to the whole scene: across every lifeline.
      const lines = wrap(words(event, lang), noteColumns);
      const left = lane === undefined ? AXIS + MARGIN : x(lane) - spacing / 2 + 8;
      const span = lane === undefined ? width - AXIS - MARGIN * 2 : spacing - 16;
      body.push(
        `<g class="sq-note" ${data}>${time}<title>${esc(tip)}</title>` +
          `<rect x="${left}" y="${y - 11}" width="${span}" height="${lines.length * NOTE_LINE + 8}" rx="4"/>` +
          lines.map((l, i) => `<text x="${left + 8}" y="${y + 2 + i * NOTE_LINE}">${esc(l)}</text>`).join('') +
          '</g>',
      );
      y += Math.max(ROW, lines.length * NOTE_LINE + 16);
      continue;
    }
    if (direction === 'self' && lane !== undefined) {
      const exit = event.kind === 'exit';
      const text = exit ? words(event, lang) : (LABEL[event.kind]?.[lang] ?? '');
      const lines = wrap(text, Math.floor((exit ? NOTE_SPACE + spacing / 2 - 30 : spacing - 30) / COL), 3);
      body.push(note(`sq-${exit ? 'exit' : 'close'}`, x(lane), y, lines, time, tip, data, true));
      y += Math.max(ROW, lines.length * NOTE_LINE + 14);
      arrows++;
      continue;
    }
    if (lane === undefined) continue;
    const from = direction === 'to-server' ? x(lane) : serverX;
    const to = direction === 'to-server' ? serverX : x(lane);
    const label = arrowLabel(event, lang, Math.floor(Math.abs(to - from) / COL) - 3, framed);
    body.push(arrow(event.kind, from, to, y, label, time, tip, data));
    y += ROW;
    arrows++;
  }
  const height = y + MARGIN;

  // Lifelines under everything: solid while the party is in the conversation, faint before and after.
  const lines = lanes.map((lane) => {
    const lx = x(lane);
    const start = lane === 'server' ? TOP + 10 : (firstY.get(lane) ?? TOP + 10);
    const ended = lane === 'server' ? events.some((e) => e.kind === 'exit') : true;
    const end = ended ? (lastY.get(lane) ?? height - MARGIN) : height - MARGIN;
    const shown = lane === 'server' ? t('client.server-label')[lang] : lane;
    return (
      `<g class="sq-lifeline" data-lifeline="${esc(lane)}">` +
      `<line class="sq-faint" x1="${lx}" y1="${TOP + 10}" x2="${lx}" y2="${height - MARGIN}"/>` +
      `<line x1="${lx}" y1="${start}" x2="${lx}" y2="${end}"/>` +
      `<rect class="sq-head" x="${lx - 56}" y="${TOP - 26}" width="112" height="28" rx="6"/>` +
      `<text class="sq-name" x="${lx}" y="${TOP - 7}" text-anchor="middle">${esc(shorten(shown, 14))}</text></g>`
    );
  });
  const axisTitle = `<text class="sq-time sq-axis" x="${AXIS - 8}" y="${TOP - 7}" text-anchor="end">${esc(t('html.axis')[lang])}</text>`;
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  const description = t('html.diagram.desc', { parties: lanes.length, count: events.length })[lang];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="sequence" role="img" aria-labelledby="${titleId} ${descId}" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" style="max-width:100%;height:auto" data-events="${events.length}" data-arrows="${arrows}">` +
    `<title id="${titleId}">${esc(t('html.diagram.title')[lang])}</title><desc id="${descId}">${esc(description)}</desc>` +
    (options.standalone ? `<style>${SEQUENCE_CSS}</style><rect class="sq-paper" width="100%" height="100%"/>` : '') +
    axisTitle +
    lines.join('') +
    body.join('') +
    '</svg>'
  );
}

/** Wide enough for the widest label between two neighbouring lifelines, within LANE_MIN and LANE_MAX. */
function laneWidth(events: readonly WireEvent[], lang: Lang, frames: ReadonlyMap<WireEvent, string>): number {
  const widest = Math.max(
    0,
    ...events.map((e) => displayWidth(arrowLabel(e, lang, Number.POSITIVE_INFINITY, frames.get(e)))),
  );
  return Math.min(LANE_MAX, Math.max(LANE_MIN, (widest + 4) * COL));
}

function arrowLabel(event: WireEvent, lang: Lang, columns: number, frames?: string): string {
  if (event.bytes) {
    const size = t('client.bytes', { count: event.bytes.length })[lang];
    const quoted =
      frames ??
      quote(event.bytes.subarray(0, LABEL_BYTES), { width: LABEL_BYTES }) +
        (event.bytes.length > LABEL_BYTES ? '…' : '');
    // Shortened, the length stays: it is what says how much of the message the label leaves out.
    const full = `${quoted} ${size}`;
    return displayWidth(full) <= columns
      ? full
      : `${shorten(quoted, Math.max(8, columns - displayWidth(size) - 1))} ${size}`;
  }
  if (event.kind === 'refused') {
    const code = words(event, lang);
    return shorten(REFUSED[code]?.[lang] ?? `${t('wire.could-not-connect')[lang]} ${code}`, columns);
  }
  return shorten(LABEL[event.kind]?.[lang] ?? '', columns);
}

function arrow(
  kind: WireEvent['kind'],
  from: number,
  to: number,
  y: number,
  label: string,
  time: string,
  tip: string,
  data: string,
): string {
  const dir = Math.sign(to - from);
  const tipX = to - dir * 2;
  const head = `${tipX},${y} ${tipX - dir * 9},${y - 5} ${tipX - dir * 9},${y + 5}`;
  // A refused connect never reaches the server: it stops short, crossed out.
  const end = kind === 'refused' ? from + (to - from) * 0.7 : tipX - dir * 8;
  const cross =
    kind === 'refused'
      ? `<path class="sq-cross" d="M${end - 6} ${y - 6}L${end + 6} ${y + 6}M${end - 6} ${y + 6}L${end + 6} ${y - 6}"/>`
      : `<polygon class="sq-head-arrow" points="${head}"/>`;
  const cls = `sq-arrow sq-${kind}`;
  return (
    `<g class="${cls}" ${data}>${time}<title>${esc(tip)}</title>` +
    `<line x1="${from}" y1="${y}" x2="${end}" y2="${y}"/>${cross}` +
    `<text class="sq-label" x="${(from + to) / 2}" y="${y - 6}" text-anchor="middle">${esc(label)}</text></g>`
  );
}

/** A note on one lifeline: a box to its right (the server's notes have room of their own there). */
function note(
  cls: string,
  lx: number,
  y: number,
  lines: string[],
  time: string,
  tip: string,
  data = '',
  marked = false,
): string {
  const widest = Math.max(...lines.map(displayWidth), 1) * COL + 16;
  const left = lx + 12;
  const mark = marked
    ? `<path class="sq-cross" d="M${lx - 6} ${y - 6}L${lx + 6} ${y + 6}M${lx - 6} ${y + 6}L${lx + 6} ${y - 6}"/>`
    : `<circle class="sq-dot" cx="${lx}" cy="${y}" r="3"/>`;
  return (
    `<g class="${cls}" ${data}>${time}<title>${esc(tip)}</title>${mark}` +
    `<rect x="${left}" y="${y - 11}" width="${widest}" height="${lines.length * NOTE_LINE + 8}" rx="4"/>` +
    lines.map((l, i) => `<text x="${left + 8}" y="${y + 2 + i * NOTE_LINE}">${esc(l)}</text>`).join('') +
    '</g>'
  );
}

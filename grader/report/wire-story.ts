// The wire story as lines: who sent what, who closed, who reset, and when.

import { FrameView } from '../client/frames.ts';
import type { WireEvent } from '../client/wire.ts';
import { t } from '../i18n/t.ts';
import type { Lang, Text } from '../i18n/text.ts';
import { displayWidth, quote } from './bytes.ts';

const ARROWS: Record<WireEvent['kind'], Text> = {
  connect: t('wire.arrows.connect'),
  refused: { en: '✗', zh: '✗' },
  send: { en: '→', zh: '→' },
  recv: { en: '←', zh: '←' },
  'fin-out': t('wire.arrows.fin-out'),
  'fin-in': t('wire.arrows.fin-in'),
  'rst-out': t('wire.arrows.rst-out'),
  'rst-in': t('wire.arrows.rst-in'),
  close: t('wire.arrows.close'),
  exit: t('wire.arrows.exit'),
  note: { en: '', zh: '' },
};

const WHO: Record<string, Text> = {
  server: t('client.server-label'),
  grader: t('wire.who.grader'),
};

/** Consecutive receives by the same client read as one arrival. */
export function coalesce(events: readonly WireEvent[]): WireEvent[] {
  const out: WireEvent[] = [];
  for (const event of events) {
    const last = out[out.length - 1];
    if (last && event.kind === 'recv' && last.kind === 'recv' && last.who === event.who && last.bytes && event.bytes) {
      out[out.length - 1] = { ...last, bytes: Buffer.concat([last.bytes, event.bytes]) };
    } else {
      out.push(event);
    }
  }
  return out;
}

/**
 * What each event's bytes carry, read as frames (stage 5), or undefined: one view for each client and
 * direction, fed in order, so a frame cut across arrivals is told as its parts.
 */
export function frameTexts(events: readonly WireEvent[], lang: Lang): (string | undefined)[] {
  const views = new Map<string, FrameView>();
  return events.map((event) => {
    if (!event.framed || !event.bytes) return undefined;
    const stream = `${event.who} ${event.kind}`;
    const view = views.get(stream) ?? new FrameView();
    views.set(stream, view);
    return view.describe(event.bytes, lang);
  });
}

// A failed connect, by its code: "refused" only when it was.
const CONNECT_FAILED: Record<string, Text> = {
  ECONNREFUSED: t('wire.connect-failed.econnrefused'),
  ECONNRESET: t('wire.connect-failed.econnreset'),
  ETIMEDOUT: t('wire.connect-failed.etimedout'),
};

function line(event: WireEvent, lang: Lang, frames?: string): string {
  const time = `${event.at.toFixed(1).padStart(8)} ms`;
  const name = WHO[event.who]?.[lang] ?? event.who;
  const who = name + ' '.repeat(Math.max(0, 6 - displayWidth(name)));
  const verb = ARROWS[event.kind][lang];
  if (event.bytes) return `${time}  ${who} ${verb} ${frames ?? quote(event.bytes, { lang })}`;
  if (event.kind === 'refused') {
    const code = typeof event.detail === 'string' ? event.detail : '';
    const known = CONNECT_FAILED[code];
    return `${time}  ${who} ${known ? known[lang] : `✗ ${t('wire.could-not-connect')[lang]}${t('report.colon')[lang]}${code}`}`;
  }
  const words = typeof event.detail === 'string' ? event.detail : event.detail?.[lang];
  // Chinese runs words together: 进程以退出状态 1 退出.
  const detail = words ? `${lang === 'zh' && event.kind === 'exit' ? '' : ' '}${words}` : '';
  if (event.kind === 'connect') return `${time}  ${who} ${verb}${words ? t('wire.words', { words })[lang] : ''}`;
  // A note has no arrow: its words stand where the others' arrows do.
  if (event.kind === 'note') return `${time}  ${who} ${words ?? ''}`.trimEnd();
  return `${time}  ${who} ${verb}${detail}`.trimEnd();
}

/** At most `max` lines: the beginning and the end of a long story, with the middle counted. */
export function wireStory(events: readonly WireEvent[], lang: Lang, max = 24): string[] {
  const told = coalesce(events);
  const frames = frameTexts(told, lang);
  const lines = told.map((e, i) => line(e, lang, frames[i]));
  if (lines.length <= max) return lines;
  const head = 8;
  const tail = max - head - 1;
  const skipped = lines.length - head - tail;
  const gap = t('wire.gap', { skipped })[lang];
  return [...lines.slice(0, head), gap, ...lines.slice(-tail)];
}

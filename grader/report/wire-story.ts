// The wire story as lines: who sent what, who closed, who reset, and when.

import type { WireEvent } from '../client/wire.ts';
import type { Lang } from '../i18n/text.ts';
import { quote } from './bytes.ts';

const ARROWS: Record<WireEvent['kind'], { en: string; zh: string }> = {
  connect: { en: 'connected', zh: '已连接' },
  refused: { en: '✗', zh: '✗' },
  send: { en: '→', zh: '→' },
  recv: { en: '←', zh: '←' },
  'fin-out': { en: '→ FIN (client half-closes)', zh: '→ FIN（客户端半关闭）' },
  'fin-in': { en: '← FIN (server closed its side)', zh: '← FIN（服务器关闭了它的一端）' },
  'rst-out': { en: '→ RST (client resets)', zh: '→ RST（客户端重置连接）' },
  'rst-in': { en: '← RST (server reset the connection)', zh: '← RST（服务器重置了连接）' },
  close: { en: 'closed its socket', zh: '关闭了 socket' },
  exit: { en: 'process', zh: '进程' },
  note: { en: '', zh: '' },
};

const WHO: Record<string, { en: string; zh: string }> = {
  server: { en: 'server', zh: '服务器' },
  grader: { en: 'grader', zh: '评分器' },
};

/** Consecutive receives by the same client read as one arrival. */
function coalesce(events: readonly WireEvent[]): WireEvent[] {
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

// A failed connect, by its code: "refused" only when it was.
const CONNECT_FAILED: Record<string, { en: string; zh: string }> = {
  ECONNREFUSED: { en: '✗ connection refused: nothing listens', zh: '✗ 连接被拒绝：没有程序在监听' },
  ECONNRESET: { en: '✗ connection reset while connecting', zh: '✗ 连接时被重置' },
  ETIMEDOUT: { en: '✗ no answer to the connection', zh: '✗ 连接没有应答' },
};

function line(event: WireEvent, lang: Lang): string {
  const time = `${event.at.toFixed(1).padStart(8)} ms`;
  const who = (WHO[event.who]?.[lang] ?? event.who).padEnd(lang === 'zh' && WHO[event.who] ? 3 : 6);
  const verb = ARROWS[event.kind][lang];
  if (event.bytes) return `${time}  ${who} ${verb} ${quote(event.bytes)}`;
  if (event.kind === 'refused') {
    const code = typeof event.detail === 'string' ? event.detail : '';
    const known = CONNECT_FAILED[code];
    return `${time}  ${who} ${known ? known[lang] : `✗ ${lang === 'zh' ? '无法连接' : 'could not connect'}: ${code}`}`;
  }
  const words = typeof event.detail === 'string' ? event.detail : event.detail?.[lang];
  // Chinese runs words together: 进程以退出状态 1 退出.
  const detail = words ? `${lang === 'zh' && event.kind === 'exit' ? '' : ' '}${words}` : '';
  if (event.kind === 'connect')
    return `${time}  ${who} ${verb}${words ? (lang === 'zh' ? `（${words}）` : ` (${words})`) : ''}`;
  return `${time}  ${who} ${verb}${detail}`.trimEnd();
}

/** At most `max` lines: the beginning and the end of a long story, with the middle counted. */
export function wireStory(events: readonly WireEvent[], lang: Lang, max = 24): string[] {
  const lines = coalesce(events).map((e) => line(e, lang));
  if (lines.length <= max) return lines;
  const head = 8;
  const tail = max - head - 1;
  const skipped = lines.length - head - tail;
  const gap = lang === 'zh' ? `             … 省略 ${skipped} 个事件 …` : `             … ${skipped} more events …`;
  return [...lines.slice(0, head), gap, ...lines.slice(-tail)];
}

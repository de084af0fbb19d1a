// A hint in the learner's own style: for a rung whose advice depends on how the server is written, the
// id of the same rung said for that style. Read as data: a hint id, then for each style (or for Python
// of any style) the id that replaces it. A rung with no row here suits every style.
import { type Hint, hint } from '../i18n/hint.ts';
import type { Args, MessageId } from '../i18n/t.ts';
import type { StyleKey } from '../subject/style.ts';

/** Ids of sentences with no placeholder: a variant is rebuilt from its id alone. */
export type PlainId = { [K in MessageId]: Args<K> extends [] ? K : never }[MessageId];

export const HINT_STYLES: Readonly<Partial<Record<MessageId, Readonly<Partial<Record<StyleKey, PlainId>>>>>> = {
  // Stage 1
  'listens.2': { python: 'listens.2.python' },
  'closes-after-reply.2': { python: 'closes-after-reply.2.python' },
  'exits-after-client.1': { python: 'exits-after-client.1.python' },
  'exits-after-client.2': { python: 'exits-after-client.2.python' },
  'exits-cleanly.1': { python: 'exits-cleanly.1.python' },
  'exits-cleanly.2': { 'node-callback': 'exits-cleanly.2.node-callback', python: 'exits-cleanly.2.python' },
  // Stage 2
  'uppercases.2': { python: 'uppercases.2.python' },
  'to-upper-case': { python: 'to-upper-case.python' },
  'many-messages.2': {
    'node-callback': 'many-messages.2.node-callback',
    'python-asyncio': 'many-messages.2.python-asyncio',
    python: 'many-messages.2.python',
  },
  'split-character.2': { python: 'split-character.2.python' },
  'closes-on-eof.1': { 'python-asyncio': 'closes-on-eof.1.python-asyncio', python: 'closes-on-eof.1.python' },
  'closes-on-eof.2': {
    'node-callback': 'closes-on-eof.2.node-callback',
    'python-asyncio': 'closes-on-eof.2.python-asyncio',
    python: 'closes-on-eof.2.python',
  },
  'no-busy-loop.1': { 'python-asyncio': 'no-busy-loop.1.python-asyncio', python: 'no-busy-loop.1.python' },
  'no-busy-loop.2': { 'python-asyncio': 'no-busy-loop.2.python-asyncio', python: 'no-busy-loop.2.python' },
  'no-reply.python': { 'python-asyncio': 'no-reply.python-asyncio' },
  'framing.closed.pieces': { python: 'framing.closed.pieces.python' },
  'framing.piece-answered': { python: 'framing.piece-answered.python' },
  'framing.closed.pieces.2': { python: 'framing.closed.pieces.2.python' },
  'no-reply.spinning': { 'python-asyncio': 'no-reply.spinning.python-asyncio', python: 'no-reply.spinning.python' },
  // Stage 3
  'next-client.2': {
    'node-callback': 'next-client.2.node-callback',
    'python-asyncio': 'next-client.2.python-asyncio',
    python: 'next-client.2.python',
  },
  'stopped-listening': { python: 'stopped-listening.python' },
  'survives-reset.2': {
    'node-callback': 'survives-reset.2.node-callback',
    'python-asyncio': 'survives-reset.2.python-asyncio',
    python: 'survives-reset.2.python',
  },
  'queued-clients.2': { 'node-callback': 'queued-clients.2.node-callback', python: 'queued-clients.2.python' },
  'queued-reset.1': { 'node-callback': 'queued-reset.1.node-callback', python: 'queued-reset.1.python' },
  'queued-reset.2': { 'node-callback': 'queued-reset.2.node-callback', python: 'queued-reset.2.python' },
  'no-fd-leak.2': {
    'node-callback': 'no-fd-leak.2.node-callback',
    'python-asyncio': 'no-fd-leak.2.python-asyncio',
    python: 'no-fd-leak.2.python',
  },
  // Stage 4
  'idle-client-no-block.2': {
    'python-asyncio': 'idle-client-no-block.2.python-asyncio',
    python: 'idle-client-no-block.2.python',
  },
  'many-clients.2': { 'python-asyncio': 'many-clients.2.python-asyncio', python: 'many-clients.2.python' },
  'backlog-full': { 'python-asyncio': 'backlog-full.python-asyncio', python: 'backlog-full.python' },
  crossed: { python: 'crossed.python' },
  'slow-reader.2': {
    'node-callback': 'slow-reader.2.node-callback',
    'python-asyncio': 'slow-reader.2.python-asyncio',
    python: 'slow-reader.2.python',
  },
  'slow-reader.stopped': {
    'node-callback': 'slow-reader.stopped.node-callback',
    'python-asyncio': 'slow-reader.stopped.python-asyncio',
    python: 'slow-reader.stopped.python',
  },
  'stays-small.2': { python: 'stays-small.2.python' },
  // Stage 5
  'framed-reply.2': { python: 'framed-reply.2.python' },
  'framing.byte-order.hint': { python: 'framing.byte-order.hint.python' },
  'two-in-one.2': { 'python-asyncio': 'two-in-one.2.python-asyncio', python: 'two-in-one.2.python' },
  'split-header.2': { 'python-asyncio': 'split-header.2.python-asyncio', python: 'split-header.2.python' },
  'empty-message.2': { python: 'empty-message.2.python' },
  'large-message.2': { 'python-asyncio': 'large-message.2.python-asyncio', python: 'large-message.2.python' },
  'oversized-frame.2': { python: 'oversized-frame.2.python' },
  'mid-frame-reset.2': {
    'node-callback': 'mid-frame-reset.2.node-callback',
    'python-asyncio': 'mid-frame-reset.2.python-asyncio',
    python: 'mid-frame-reset.2.python',
  },
  'own-buffer.2': { 'node-callback': 'own-buffer.2.node-callback', python: 'own-buffer.2.python' },
  // Follow-ups (course/hint-follow-ups.ts)
  'server-gone.crashed': {
    'node-callback': 'server-gone.crashed.node-callback',
    'python-asyncio': 'server-gone.crashed.python-asyncio',
    python: 'server-gone.crashed.python',
  },
  'server-gone.ended': { 'python-asyncio': 'server-gone.ended.python-asyncio', python: 'server-gone.ended.python' },
  'no-reply.spinning.2': {
    'python-asyncio': 'no-reply.spinning.2.python-asyncio',
    python: 'no-reply.spinning.2.python',
  },
  'stopped-listening.2': {
    'node-callback': 'stopped-listening.2.node-callback',
    'python-asyncio': 'stopped-listening.2.python-asyncio',
    python: 'stopped-listening.2.python',
  },
  'backlog-full.2': { 'python-asyncio': 'backlog-full.2.python-asyncio', python: 'backlog-full.2.python' },
  'crossed.2': {
    'node-callback': 'crossed.2.node-callback',
    'python-asyncio': 'crossed.2.python-asyncio',
    python: 'crossed.2.python',
  },
};

/** `h` as said for the first of `keys` (most particular first) that has a variant of it; else `h`. */
export function styled(h: Hint, keys: readonly StyleKey[]): Hint {
  const row = HINT_STYLES[h.id];
  const id = row && keys.map((key) => row[key]).find((variant) => variant !== undefined);
  return id ? hint(id) : h;
}

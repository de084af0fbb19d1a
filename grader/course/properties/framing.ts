// Stage 5's promises: a byte stream carries messages only when each is framed with its length, so every
// message is found whole, however TCP cuts or joins the bytes (client/frames.ts has the protocol).

import {
  frame,
  framedReply,
  HEADER_BYTES,
  header,
  hex,
  MAX_PAYLOAD,
  readFrames,
  replyPayload,
} from '../../client/frames.ts';
import type { ScriptedClient } from '../../client/scripted-client.ts';
import { Failure, type Harness } from '../../engine/harness.ts';
import { type Hint, hint } from '../../i18n/hint.ts';
import { say } from '../../i18n/messages.ts';
import { t } from '../../i18n/t.ts';
import type { Text } from '../../i18n/text.ts';
import { grouped, upperAscii } from '../../report/bytes.ts';
import { hangUpHint } from '../protocol.ts';
import { hello } from './connection-loop.ts';
import type { Property } from './property.ts';

/** First hints for the ways a reply goes wrong whatever the property: each in both languages. */
const ECHOED_HINT = hint('framing.echoed.hint');
const BYTE_ORDER_HINT = hint('framing.byte-order.hint');

/**
 * Judge the replies that `client` got to the messages `payloads`, sent as the bytes `request`: one
 * framed reply each, in order, nothing more. When they are wrong, say how, in the terms of the mistake
 * that makes them so (a stream echoed, a length in the machine's byte order, messages merged).
 */
const PIECES_HINT = hint('framing.closed.pieces');
const PIECE_ANSWERED_HINT = hint('framing.piece-answered');

/**
 * Whether a reply frame answers a piece of `message` as if it were whole: "k:" and, upper-cased, bytes
 * of the message, fewer than all of them. A loop that takes one read for one message does that when a
 * message comes in pieces; a buffer shared by two connections answers bytes of both instead.
 */
function answersAPiece(frames: readonly Buffer[], message: Buffer): boolean {
  const whole = upperAscii(message);
  return frames.some((f) => {
    const colon = /^\d+:/.exec(f.toString('latin1'));
    const body = colon ? f.subarray(colon[0].length) : Buffer.alloc(0);
    return body.length > 0 && body.length < whole.length && whole.includes(body);
  });
}

function judgeReplies(
  h: Harness,
  client: ScriptedClient,
  request: Buffer,
  payloads: readonly Buffer[],
  reply: Buffer,
  what: Text,
  fewerHint?: Hint,
  /**
   * The request was sent in one write. Sent in pieces, a hang-up may as well be a loop that leaves when
   * one read brings less than a whole message, so the hint says that instead of the byte order.
   */
  whole = true,
): void {
  const expected = Buffer.concat(payloads.map(framedReply));
  if (reply.equals(expected)) return;
  const shown = { expected, actual: reply };
  if (reply.length === 0) {
    const exit = h.subject.exitInfo;
    if (client.serverDone && !exit) {
      const lead = whole ? hangUpHint(request, h.subject.runtime === 'python') : PIECES_HINT;
      throw new Failure(t('framing.closed', { what }), { ...shown, ...(lead ? { hint: lead } : {}) });
    }
    throw new Failure(say.noReply(client, h.limits.replyMs, exit), { ...shown, serverGone: Boolean(exit) });
  }
  if (reply.equals(upperAscii(request))) {
    throw new Failure(t('framing.echoed', { what, bytes: grouped(reply.length) }), { ...shown, hint: ECHOED_HINT });
  }
  const first = payloads[0];
  if (first && reply.length >= HEADER_BYTES) {
    const due = replyPayload(first).length;
    if (reply.readUInt32LE(0) === due && reply.readUInt32BE(0) !== due) {
      throw new Failure(t('framing.byte-order', { what, got: grouped(reply.readUInt32BE(0)), due: grouped(due) }), {
        ...shown,
        hint: BYTE_ORDER_HINT,
      });
    }
  }
  // A length read in the machine's byte order: the reply names it ("4096:" for a header of 00 10 00 00).
  const swapped = request.length >= HEADER_BYTES ? request.readUInt32LE(0) : undefined;
  if (first && swapped !== undefined && swapped !== first.length) {
    const named = readFrames(reply)
      .frames[0]?.toString('latin1')
      .match(/^(\d+):/)?.[1];
    if (named === String(swapped)) {
      const header = hex(request.subarray(0, HEADER_BYTES));
      throw new Failure(t('framing.read-byte-order', { what, header, length: grouped(first.length), named }), {
        ...shown,
        hint: BYTE_ORDER_HINT,
      });
    }
  }
  const { frames } = readFrames(reply);
  const right = (i: number) => {
    const payload = payloads[i];
    return payload !== undefined && frames[i]?.equals(replyPayload(payload)) === true;
  };
  const answered = frames.findIndex((_, i) => !right(i));
  if (answered === -1 && frames.length > 0 && frames.length < payloads.length) {
    throw new Failure(t('framing.fewer', { what, count: frames.length, total: payloads.length }), {
      ...shown,
      ...(fewerHint ? { hint: fewerHint } : {}),
    });
  }
  const own = payloads[0];
  const piece = !whole && own !== undefined && answersAPiece(frames, own);
  throw new Failure(t('framing.wrong', { what }), { ...shown, ...(piece ? { hint: PIECE_ANSWERED_HINT } : {}) });
}

/** Send `payloads` framed, as one write, and judge the replies. */
async function exchangeFramed(
  h: Harness,
  client: ScriptedClient,
  payloads: readonly Buffer[],
  what: Text,
  fewerHint?: Hint,
): Promise<void> {
  const request = Buffer.concat(payloads.map(frame));
  const length = payloads.reduce((n, p) => n + framedReply(p).length, 0);
  const reply = await h.exchange(client, request, length);
  judgeReplies(h, client, request, payloads, reply, what, fewerHint);
}

export const framedReplyProperty: Property = {
  id: 'framed-reply',
  title: t('framed-reply.title'),
  hints: [hint('framed-reply.1'), hint('framed-reply.2')],
  async check(h) {
    const a = await h.connect('A');
    await exchangeFramed(h, a, [h.traffic.greeting], t('framed-reply.check'));
  },
};

const MERGED_HINT = hint('two-in-one.merged');

export const twoInOne: Property = {
  id: 'two-in-one',
  title: t('two-in-one.title'),
  hints: [hint('two-in-one.1'), hint('two-in-one.2')],
  async check(h) {
    const a = await h.connect('A');
    const [first, second] = h.traffic.conversation;
    if (!first || !second) throw new Error('the traffic has a conversation of five messages');
    // One write of a few dozen bytes is one TCP segment: both messages reach the server in one read.
    await exchangeFramed(h, a, [first, second], t('two-in-one.check'), MERGED_HINT);
  },
};

export const splitHeader: Property = {
  id: 'split-header',
  title: t('split-header.title'),
  // A wait for the server's read after every byte: a score of turns, each longer on a busy machine.
  weight: 250,
  hints: [hint('split-header.1'), hint('split-header.2')],
  async check(h) {
    const a = await h.connect('A');
    const message = h.traffic.conversation[2] ?? h.traffic.greeting;
    const request = frame(message);
    h.note(t('split-header.note', { bytes: request.length }));
    let waiting = true;
    for (const [i, byte] of request.entries()) {
      if (a.serverDone) break;
      a.send(Buffer.of(byte));
      // Until the server has read this byte, so the next one comes in a read of its own. A server that
      // stops reading is no reason to wait byte after byte: after the first wait in vain, send the rest.
      if (waiting && i < request.length - 1) waiting = (await h.readAll(a)) !== false;
    }
    const reply = await a.reply(0, framedReply(message).length, h.limits.replyMs, h.limits.quietMs);
    judgeReplies(h, a, request, [message], reply, t('split-header.check'), undefined, false);
  },
};

const EMPTY = Buffer.alloc(0);

export const emptyMessage: Property = {
  id: 'empty-message',
  title: t('empty-message.title'),
  hints: [hint('empty-message.1'), hint('empty-message.2')],
  async check(h) {
    const a = await h.connect('A');
    await exchangeFramed(h, a, [EMPTY], t('empty-message.check.1'));
    // The connection goes on after it: an empty message is not the client leaving.
    const from = a.received.length;
    const message = h.traffic.greeting;
    const request = frame(message);
    a.send(request);
    const reply = await a.reply(from, framedReply(message).length, h.limits.replyMs, h.limits.quietMs);
    // Unless its header, read in the wrong byte order, is why it hung up: judgeReplies says so.
    if (reply.length === 0 && a.serverDone && !h.subject.exitInfo && !hangUpHint(request, false)) {
      throw new Failure(t('empty-message.fail.closed'), { expected: framedReply(message), actual: reply });
    }
    judgeReplies(h, a, request, [message], reply, t('empty-message.check.2'));
  },
};

/** A 1 MiB reply comes in many reads, at the server's pace: its wait is this many reply windows. */
const LARGE_WINDOWS = 5;

export const largeMessage: Property = {
  id: 'large-message',
  title: t('large-message.title'),
  weight: 100,
  hints: [hint('large-message.1'), hint('large-message.2')],
  async check(h) {
    const a = await h.connect('A');
    // Exactly the largest a server must take: 1 MiB is allowed, one byte more is not (oversized-frame).
    const block = h.traffic.bulkBlock();
    const message = Buffer.concat([block, block]).subarray(0, MAX_PAYLOAD);
    const request = frame(message);
    h.note(t('large-message.note', { bytes: grouped(MAX_PAYLOAD) }));
    const from = a.received.length;
    a.send(request);
    const reply = await a.reply(from, framedReply(message).length, LARGE_WINDOWS * h.limits.replyMs, h.limits.quietMs);
    // A mebibyte comes to any server in many reads, however it was sent.
    judgeReplies(h, a, request, [message], reply, t('large-message.check'), undefined, false);
  },
};

const OVERSIZED = MAX_PAYLOAD + 1;

export const oversizedFrame: Property = {
  id: 'oversized-frame',
  title: t('oversized-frame.title'),
  hints: [hint('oversized-frame.1'), hint('oversized-frame.2')],
  async check(h) {
    const a = await h.connect('A');
    await h.accepted(a);
    h.note(t('oversized-frame.note', { bytes: grouped(OVERSIZED), max: grouped(MAX_PAYLOAD) }));
    a.send(header(OVERSIZED));
    // Another client is served meanwhile, whatever the server does with A.
    const b = await h.connect('B');
    try {
      await h.answered(b, hello('B'));
    } catch (err) {
      if (!(err instanceof Failure) || err.details.serverGone || err.details.serverClosed) throw err;
      throw new Failure(t('oversized-frame.fail.other', { replyMs: h.limits.replyMs }));
    }
    if ((await a.serverClose(h.limits.closeMs)) === 'timeout') {
      // A reply to a bare header: the server took it for a whole (empty) message, it did not wait.
      const id = a.received.length > 0 ? 'oversized-frame.fail.answered' : 'oversized-frame.fail';
      throw new Failure(t(id, { bytes: grouped(OVERSIZED), closeMs: h.limits.closeMs }));
    }
  },
};

export const midFrameReset: Property = {
  id: 'mid-frame-reset',
  aboutServerLeaving: true,
  aboutCrashing: true,
  title: t('mid-frame-reset.title'),
  hints: [hint('mid-frame-reset.1'), hint('mid-frame-reset.2')],
  async check(h) {
    const a = await h.connect('A');
    const message = h.traffic.longMessage;
    const half = HEADER_BYTES + Math.floor(message.length / 2);
    h.note(t('mid-frame-reset.note', { sent: grouped(half - HEADER_BYTES), total: grouped(message.length) }));
    a.send(frame(message).subarray(0, half));
    // The server has read the half it was sent and waits for the rest: the reset meets that wait.
    await h.readAll(a);
    await h.resetAndSettle(a);
    const b = await h.connect('B');
    await h.answered(b, hello('B'));
  },
};

export const ownBuffer: Property = {
  id: 'own-buffer',
  title: t('own-buffer.title'),
  hints: [hint('own-buffer.1'), hint('own-buffer.2')],
  async check(h) {
    const a = await h.connect('A');
    await h.accepted(a);
    const b = await h.connect('B');
    await h.accepted(b);
    const mine = (client: ScriptedClient, message: Buffer) => ({ client, message, request: frame(message) });
    const turns = [
      mine(a, h.traffic.conversation[1] ?? h.traffic.greeting),
      mine(b, h.traffic.conversation[4] ?? h.traffic.greeting),
    ];
    h.note(t('own-buffer.note'));
    // The first half of each message, A's then B's, each read by the server before the next is sent.
    for (const { client, request } of turns) {
      client.send(request.subarray(0, request.length >> 1));
      await h.readAll(client);
    }
    for (const { client, message, request } of turns) {
      client.send(request.subarray(request.length >> 1));
      // All it got, from the start: nothing is due before its message is whole.
      const reply = await client.reply(0, framedReply(message).length, h.limits.replyMs, h.limits.quietMs);
      judgeReplies(
        h,
        client,
        request,
        [message],
        reply,
        t('own-buffer.check', { name: client.name }),
        undefined,
        false,
      );
    }
  },
};

/** The first hints for particular failures, beside each property's own ladder: every one in both languages. */
export const FRAMING_HINTS: readonly Hint[] = [
  ECHOED_HINT,
  BYTE_ORDER_HINT,
  hangUpHint(frame(Buffer.from('hello')), false) as Hint,
  hangUpHint(frame(Buffer.from('hello')), true) as Hint,
  PIECES_HINT,
  PIECE_ANSWERED_HINT,
  MERGED_HINT,
];

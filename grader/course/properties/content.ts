// Content properties: the only ones that judge the reply byte for byte.

import type { ScriptedClient } from '../../client/scripted-client.ts';
import { Failure, type Harness } from '../../engine/harness.ts';
import { hint } from '../../i18n/hint.ts';
import { say } from '../../i18n/messages.ts';
import { t } from '../../i18n/t.ts';
import type { Text } from '../../i18n/text.ts';
import { upperAscii } from '../../report/bytes.ts';
import type { Property } from './property.ts';

function expectUppercased(h: Harness, client: ScriptedClient, message: Buffer, reply: Buffer, what: Text): void {
  const expected = upperAscii(message);
  if (reply.equals(expected)) return;
  if (reply.equals(Buffer.from(message.toString('utf8').toUpperCase()))) {
    throw new Failure(say.wrongReply(what), { expected, actual: reply, hint: say.toUpperCaseHint() });
  }
  if (reply.length === 0) {
    // "Nothing came back" is the nudge only when nothing ever did; after earlier replies, the ladder's own.
    const hint = client.received.length === 0 ? { hint: say.noReplyHint() } : {};
    throw new Failure(say.noReply(client, h.limits.replyMs, h.subject.exitInfo), { expected, actual: reply, ...hint });
  }
  throw new Failure(say.wrongReply(what), { expected, actual: reply });
}

export const uppercases: Property = {
  id: 'uppercases',
  title: t('uppercases.title'),
  hints: [hint('uppercases.1'), hint('uppercases.2')],
  async check(h) {
    const a = await h.connect('A');
    const { greeting } = h.traffic;
    const reply = await h.exchange(a, greeting, greeting.length);
    expectUppercased(h, a, greeting, reply, t('uppercases.check'));
  },
};

export const manyMessages: Property = {
  id: 'many-messages',
  title: t('many-messages.title'),
  weight: 150,
  hints: [hint('many-messages.1'), hint('many-messages.2')],
  async check(h) {
    const a = await h.connect('A');
    const { conversation } = h.traffic;
    for (const [i, message] of conversation.entries()) {
      // Only the last reply needs a quiet window: bytes too many after an earlier one are already
      // there when the next message goes out, and are caught then, against the right message.
      const last = i === conversation.length - 1;
      const reply = await h.exchange(a, message, message.length, last);
      expectUppercased(h, a, message, reply, t('many-messages.check', { i: i + 1, total: conversation.length }));
    }
  },
};

export const longMessage: Property = {
  id: 'long-message',
  title: t('long-message.title'),
  hints: [hint('long-message.1'), hint('long-message.2')],
  async check(h) {
    const a = await h.connect('A');
    const { longMessage } = h.traffic;
    const reply = await h.exchange(a, longMessage, longMessage.length);
    expectUppercased(h, a, longMessage, reply, t('long-message.check'));
  },
};

export const splitCharacter: Property = {
  id: 'split-character',
  title: t('split-character.title'),
  hints: [hint('split-character.1'), hint('split-character.2')],
  async check(h) {
    const a = await h.connect('A');
    const { splitMessage, splitAt } = h.traffic;
    const first = splitMessage.subarray(0, splitAt);
    a.send(first);
    // The pause between the writes: until the server has answered the first part (its ASCII prefix at
    // least), so the two parts surely reach it as two reads, however busy the machine.
    await a.until(() => a.received.length >= splitAt - 1 || a.serverDone, h.limits.replyMs);
    // It hung up after the first piece (its FIN may come just after its reply): a one-read server, not
    // a character-splitting bug.
    const oneRead = () =>
      new Failure(t('split-character.fail.1'), {
        hint: hint('split-character.one-read'),
      });
    if (a.serverDone) throw oneRead();
    a.send(splitMessage.subarray(splitAt));
    const reply = await a.reply(0, splitMessage.length, h.limits.replyMs, h.limits.quietMs);
    if (reply.length < splitMessage.length && a.serverDone) throw oneRead();
    expectUppercased(h, a, splitMessage, reply, t('split-character.check'));
  },
};

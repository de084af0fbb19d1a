// Content properties: the only ones that judge the reply byte for byte.

import type { ScriptedClient } from '../../client/scripted-client.ts';
import { Failure, type Harness } from '../../engine/harness.ts';
import { say } from '../../i18n/messages.ts';
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
  title: {
    en: 'the reply is the message with a–z uppercased, nothing more',
    zh: '回复是把 a–z 转成大写的原消息，不多不少',
  },
  hints: [
    {
      en: 'Compare the expected and received bytes above: is something missing, added (a \\n?), or changed that should not be?',
      zh: '对比上面期望的和收到的字节：是少了、多了（比如 \\n？），还是改了不该改的？',
    },
    {
      en: 'Send back exactly what you read, with only the bytes a–z (0x61–0x7a) changed: upperAscii(chunk). Add no newline or prefix.',
      zh: '原样发回读到的内容，只改 a–z（0x61–0x7a）这些字节：upperAscii(chunk)。不要加换行或前缀。',
    },
  ],
  async check(h) {
    const a = await h.connect('A');
    const { greeting } = h.traffic;
    const reply = await h.exchange(a, greeting, greeting.length);
    expectUppercased(h, a, greeting, reply, { en: 'The greeting', zh: '问候消息' });
  },
};

export const manyMessages: Property = {
  id: 'many-messages',
  observes: true,
  title: { en: 'answers 5 messages on one connection, each in turn', zh: '同一个连接上依次回答 5 条消息' },
  hints: [
    {
      en: 'Read the wire story: which message was the last one answered, and what did the server do after it?',
      zh: '看看上面的通信记录：最后被回答的是哪条消息？之后服务器做了什么？',
    },
    {
      en: 'Keep reading from the same socket until the client leaves: for await (const chunk of socket) { socket.write(upperAscii(chunk)) }',
      zh: '在同一个 socket 上一直读，直到客户端离开：for await (const chunk of socket) { socket.write(upperAscii(chunk)) }',
    },
  ],
  async check(h) {
    const a = await h.connect('A');
    const { conversation } = h.traffic;
    for (const [i, message] of conversation.entries()) {
      // Only the last reply needs a quiet window: bytes too many after an earlier one are already
      // there when the next message goes out, and are caught then, against the right message.
      const last = i === conversation.length - 1;
      const reply = await h.exchange(a, message, message.length, last);
      expectUppercased(h, a, message, reply, {
        en: `Message ${i + 1} of ${conversation.length}`,
        zh: `第 ${i + 1} 条消息（共 ${conversation.length} 条）`,
      });
    }
  },
};

export const longMessage: Property = {
  id: 'long-message',
  title: { en: 'a 10,000-byte message comes back whole', zh: '10,000 字节的长消息完整返回' },
  hints: [
    {
      en: 'A long message arrives in several pieces: one read is not one message. How much of it came back?',
      zh: '长消息会分成好几块到达：一次读取不等于一条消息。回来了多少？',
    },
    {
      en: 'Answer every chunk you read, not just the first; and do not cut a chunk to a fixed size.',
      zh: '读到的每一块都要回复，而不只是第一块；也不要把数据截成固定长度。',
    },
  ],
  async check(h) {
    const a = await h.connect('A');
    const { longMessage } = h.traffic;
    const reply = await h.exchange(a, longMessage, longMessage.length);
    expectUppercased(h, a, longMessage, reply, { en: 'The 10,000-byte message', zh: '10,000 字节的消息' });
  },
};

export const splitCharacter: Property = {
  id: 'split-character',
  title: {
    en: 'a character split across two writes comes back byte-exact',
    zh: '被拆在两次发送中的字符按字节原样返回',
  },
  hints: [
    {
      en: '你 is three bytes in UTF-8, and the first arrived alone. What does your server do with a chunk that ends mid-character?',
      zh: '“你”在 UTF-8 里是三个字节，第一个字节单独先到。你的服务器怎么处理在字符中间断开的数据块？',
    },
    {
      en: 'chunk.toString() turns a partial character into U+FFFD. Work on the bytes (upperAscii on the Buffer), or use socket.setEncoding("utf8"), which holds a partial character back until the rest arrives.',
      zh: 'chunk.toString() 会把半个字符变成 U+FFFD。直接处理字节（对 Buffer 调用 upperAscii），或用 socket.setEncoding("utf8")，它会把半个字符留到其余字节到达。',
    },
  ],
  async check(h) {
    const a = await h.connect('A');
    const { splitMessage, splitAt } = h.traffic;
    const first = splitMessage.subarray(0, splitAt);
    a.send(first);
    // The pause between the writes: until the server has answered the first part (its ASCII prefix at
    // least), so the two parts surely reach it as two reads, however busy the machine.
    await a.until(() => a.received.length >= splitAt - 1 || a.serverDone, h.limits.replyMs);
    if (a.serverDone) {
      // It hung up after the first piece: a one-read server, not a character-splitting bug.
      throw new Failure(
        {
          en: 'The server closed the connection after the first piece of the message, before the rest could be sent.',
          zh: '服务器在收到消息的第一部分后就关闭了连接，剩下的部分没能发出去。',
        },
        {
          hint: {
            en: 'Your server answers only one read, then hangs up: see many-messages first.',
            zh: '你的服务器只回答一次读取就挂断了：先看 many-messages。',
          },
        },
      );
    }
    a.send(splitMessage.subarray(splitAt));
    const reply = await a.reply(0, splitMessage.length, h.limits.replyMs, h.limits.quietMs);
    expectUppercased(h, a, splitMessage, reply, { en: 'The split message', zh: '被拆开的消息' });
  },
};

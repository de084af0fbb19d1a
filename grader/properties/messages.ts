// The bytes the scripted clients send. Fixed, so that every run puts the same traffic on the wire.
const text = (s: string) => Buffer.from(s, 'utf8');

// Its é must come back as é: only a–z change (toUpperCase() would make it É).
export const GREETING = text('Hello, Socket Lab! 42 {ok} café');

export const CONVERSATION = [
  'first message',
  'Second Message, Longer Than The First',
  'third: 3 + 4 = 7',
  'fourth\twith a tab',
  'the fifth and last one',
].map(text);

const PANGRAM = 'The quick brown fox jumps over the lazy dog, 0123456789. ';
export const LONG_MESSAGE = text(PANGRAM.repeat(Math.ceil(10_000 / PANGRAM.length)).slice(0, 10_000));

/** A message with a three-byte character, and where to cut it: after that character's first byte. */
export const SPLIT_MESSAGE = text('split 你好 here');
export const SPLIT_AT = text('split ').length + 1;

// The bytes the scripted clients send, drawn from a seed: every grade prints its seed, and `--seed N`
// puts exactly the same traffic on the wire again. What the checks and hints rely on stays fixed in
// every draw: the é that toUpperCase() would change, the tab, the digits, the three-byte 你 to split.

export interface Traffic {
  seed: number;
  /** One message with letters, digits, punctuation and an é (which must come back as é). */
  greeting: Buffer;
  /** Five messages for one connection; the second is longer than the first, the fourth has a tab. */
  conversation: Buffer[];
  /** 10,000 bytes: more than one read on most systems. */
  longMessage: Buffer;
  /** A message with 你 (three bytes in UTF-8), and where to cut it: after that character's first byte. */
  splitMessage: Buffer;
  splitAt: number;
  /** many-clients: what client n says in round r (both from 1). ASCII, and different for every pair. */
  crowdMessage(n: number, round: number): Buffer;
  /** slow-reader: the block the large payload repeats, ASCII, drawn on first use (about 1 MiB). */
  bulkBlock(): Buffer;
}

/**
 * Just under 1 MiB, and odd: a payload that repeats it never lines up with a read or write size, so a
 * server that drops, repeats or reorders a chunk of its stream sends back bytes that differ.
 */
export const BULK_BLOCK_BYTES = 1_048_573;

/** The largest seed: six digits, easy to read out and type. */
export const MAX_SEED = 999_999;

export function randomSeed(): number {
  return 1 + Math.floor(Math.random() * MAX_SEED);
}

const WORDS = [
  'socket',
  'server',
  'client',
  'accept',
  'listen',
  'buffer',
  'stream',
  'packet',
  'window',
  'kernel',
  'thread',
  'signal',
  'handle',
  'router',
  'tunnel',
  'lambda',
  'loop',
  'port',
  'byte',
  'wire',
  'echo',
  'queue',
  'reply',
  'hello',
  'river',
  'maple',
  'cloud',
  'tiger',
  'lemon',
  'pixel',
  'orbit',
  'quartz',
  'zephyr',
  'jumbo',
  'velvet',
  'walnut',
  'yodel',
  'fjord',
  'gizmo',
  'kayak',
];

/** mulberry32: a small, well-mixed 32-bit generator; the same seed gives the same numbers everywhere. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trafficFor(seed: number): Traffic {
  const next = generator(seed);
  const int = (below: number) => Math.floor(next() * below);
  const word = () => WORDS[int(WORDS.length)] as string;
  const capital = (w: string) => w[0]?.toUpperCase() + w.slice(1);
  const words = (n: number, shape: (w: string, i: number) => string = (w) => w) =>
    Array.from({ length: n }, (_, i) => shape(word(), i)).join(' ');
  const text = (s: string) => Buffer.from(s, 'utf8');

  const greeting = text(`${capital(word())}, ${capital(word())} ${capital(word())}! ${10 + int(90)} {${word()}} café`);
  const first = words(2);
  const conversation = [
    first,
    `${words(4, capital)}, ${words(3, capital)}`,
    `${word()}: ${int(10)} + ${int(10)} = ${int(100)}`,
    `${word()}\twith a tab`,
    `the ${words(3)} and last one`,
  ].map(text);
  let long = '';
  while (long.length < 10_000) long += `${capital(word())} ${words(7)}, ${int(1000)}. `;
  const prefix = `${word()} `;
  // Drawn after everything above, so that adding them left the older traffic of a seed as it was.
  const crowdWords = Array.from({ length: 16 }, word);
  const crowdWord = (i: number) => crowdWords[i % crowdWords.length] as string;
  let bulk: Buffer | undefined;
  return {
    seed,
    greeting,
    conversation,
    longMessage: text(long.slice(0, 10_000)),
    splitMessage: text(`${prefix}你好 ${word()}`),
    splitAt: Buffer.byteLength(prefix) + 1,
    crowdMessage: (n, round) =>
      text(`${crowdWord(n + round)} ${crowdWord(3 * n + 5 * round)} from #${n}, round ${round}`),
    bulkBlock: () => (bulk ??= bulkBlock(seed)),
  };
}

/** Lower-case words, digits and punctuation, one byte each: its upper case is the same on every server. */
function bulkBlock(seed: number): Buffer {
  const next = generator(seed ^ 0x5bd1e995);
  const block = Buffer.allocUnsafe(BULK_BLOCK_BYTES);
  const alphabet = Buffer.from('abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz 0123456789 .,;:!?-\n');
  for (let i = 0; i < block.length; i++) block[i] = alphabet[Math.floor(next() * alphabet.length)] as number;
  return block;
}

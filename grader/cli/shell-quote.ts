// A word as a POSIX shell reads it back: a command the grader prints must run as printed, spaces,
// quotes and all.

/** Characters a shell takes as they are, outside any quotes. */
const PLAIN = /^[\w@%+=:,./-]+$/;

/** `word` as is when it is plain; otherwise in single quotes, each ' inside written as '\''. */
export function shellQuote(word: string): string {
  return PLAIN.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** Words as one command line that a POSIX shell splits back into exactly these words. */
export function shellCommand(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}

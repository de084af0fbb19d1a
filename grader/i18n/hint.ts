// A hint is a message that knows its id: the hint ladder remembers which hint led it by id, so that
// rewording a hint (or reading it in another language) doesn't restart anyone's ladder.
import { type Args, type MessageId, t } from './t.ts';
import type { Text } from './text.ts';

export interface Hint extends Text {
  readonly id: MessageId;
}

export function hint<K extends MessageId>(id: K, ...args: Args<K>): Hint {
  return { id, ...t(id, ...args) };
}

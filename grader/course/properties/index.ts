import { closesOnEof, noBusyLoop } from './closing.ts';
import { idleClientNoBlock, manyClients, slowReader, staysSmall } from './concurrency.ts';
import { listens } from './connect.ts';
import { emptySession, nextClient, noFdLeak, queuedClients, queuedReset, survivesReset } from './connection-loop.ts';
import { longMessage, manyMessages, splitCharacter, uppercases } from './content.ts';
import {
  emptyMessage,
  framedReplyProperty,
  largeMessage,
  midFrameReset,
  oversizedFrame,
  ownBuffer,
  splitHeader,
  twoInOne,
} from './framing.ts';
import { closesAfterReply, exitsAfterClient, exitsCleanly } from './one-shot.ts';
import type { Property } from './property.ts';

export type { Property } from './property.ts';

/** Every property the grader knows. A report lists a stage's properties in the stage's own order (catalogue.ts). */
export const PROPERTIES: readonly Property[] = [
  listens,
  uppercases,
  closesAfterReply,
  exitsAfterClient,
  manyMessages,
  longMessage,
  splitCharacter,
  closesOnEof,
  noBusyLoop,
  exitsCleanly,
  nextClient,
  survivesReset,
  emptySession,
  queuedClients,
  queuedReset,
  noFdLeak,
  idleClientNoBlock,
  manyClients,
  slowReader,
  staysSmall,
  framedReplyProperty,
  twoInOne,
  splitHeader,
  emptyMessage,
  largeMessage,
  oversizedFrame,
  midFrameReset,
  ownBuffer,
];

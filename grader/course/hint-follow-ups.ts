// What comes after a first hint that names a cause of its own (the server crashed, the backlog was full,
// a loop spins on an empty read): the next rungs follow that cause, not the property's own ladder, which
// is written for the property's usual mistake. Read top to bottom: the first row for the first rung's id
// whose condition holds gives the rungs after it. No row: the property's own later rungs.
import type { MessageId } from '../i18n/t.ts';
import type { ExitInfo } from '../subject/process.ts';
import type { PlainId } from './hint-styles.ts';

export interface FollowUpRow {
  /** The id of the ladder's first rung. */
  after: MessageId;
  /** How the server ended (null: still running), when the row depends on it. */
  when?: (exit: ExitInfo | null) => boolean;
  /** The rungs after it ([] ends the ladder there), or the property's own. */
  next: readonly PlainId[] | 'property';
}

const endedWithZero = (exit: ExitInfo | null) =>
  exit !== null && exit.code === 0 && exit.signal === null && exit.memory === undefined;

export const FOLLOW_UPS: readonly FollowUpRow[] = [
  // Stopped for its memory: what grew is the property's own subject (a slow reader's replies, clients kept).
  { after: 'server-gone', when: (exit) => exit?.memory !== undefined, next: 'property' },
  { after: 'server-gone', when: endedWithZero, next: ['server-gone.ended'] },
  { after: 'server-gone', next: ['server-gone.crashed'] },
  { after: 'listens-only-sometimes', next: ['listens-only-sometimes.2'] },
  { after: 'no-reply.spinning', next: ['no-reply.spinning.2'] },
  { after: 'stopped-listening', next: ['stopped-listening.2'] },
  { after: 'backlog-full', next: ['backlog-full.2'] },
  { after: 'crossed', next: ['crossed.2'] },
  { after: 'framing.closed.pieces', next: ['framing.closed.pieces.2'] },
  { after: 'framing.piece-answered', next: ['framing.closed.pieces.2'] },
  { after: 'idle-forgotten', next: ['crossed.2'] },
  // The property was not judged on its own account: its rungs would be about a failure it did not show.
  { after: 'burst-unfinished', next: [] },
  { after: 'split-character.one-read', next: [] },
];

/** The rungs after `first` (by id), for a server that ended as `exit`; 'property' when no row says. */
export function followUpsOf(first: MessageId, exit: ExitInfo | null): readonly PlainId[] | 'property' {
  return FOLLOW_UPS.find((row) => row.after === first && (row.when?.(exit) ?? true))?.next ?? 'property';
}

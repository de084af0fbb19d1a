// Which hint leads a failing property's ladder: a decision table read top to bottom, the first row
// whose cause holds wins. The property's own first hint leads when no row does.
import type { Hint } from '../i18n/hint.ts';
import type { Launch } from '../subject/launch.ts';
import type { ExitInfo } from '../subject/process.ts';

/** What the grader knows about a property's verdict when it picks the first hint. */
export interface Situation {
  failed: boolean;
  exit: ExitInfo | null;
  /** The grader stopped the server for its memory. */
  overMemory: boolean;
  /** The server ended with status 0, and the property's hints tell of a crash. */
  endedCleanly: boolean;
  /** The server exited with a status other than 0, or by a signal. */
  crashed: boolean;
  /** The property's own hints tell of a server that died or left. */
  aboutServerLeaving: boolean;
  runtime: Launch['runtime'];
  /** The check's own hint for this very failure, if it had one. */
  specific?: Hint;
  /** The check failed because the server was gone. */
  serverGone: boolean;
  /** It listened for another property of this grade, but not for this one. */
  startedForOthers: boolean;
}

/** Where the first hint comes from: a situation hint by id, the check's own, or the property's own. */
export type Lead =
  | 'listens-only-sometimes'
  | 'server-gone'
  | 'no-reply.python'
  | 'no-reply.other'
  | 'check'
  | 'property';

export interface LeadRow {
  cause: (s: Situation) => boolean;
  lead: Lead;
}

/**
 * "Nothing came back" is the check's lead; when the server is gone meanwhile, that is the cause. A server
 * that was running flat out meanwhile gets another lead from the check (no-reply.spinning: a loop on
 * an empty read), which no row below replaces: the check's row gives it.
 */
const nothingCameBack = (s: Situation) => s.specific?.id === 'no-reply';

export const LEADS: readonly LeadRow[] = [
  // Listened for the pathfinder, but not twice in a row here: this property's own failure.
  { cause: (s) => s.startedForOthers, lead: 'listens-only-sometimes' },
  // Killed for its memory (whatever the check saw came from that), or ended cleanly where a crash story would mislead.
  { cause: (s) => s.exit !== null && (s.overMemory || (s.failed && s.endedCleanly)), lead: 'server-gone' },
  // The property's own hints tell of a server leaving, and it crashed: they tell this story.
  { cause: (s) => nothingCameBack(s) && s.exit !== null && s.crashed && s.aboutServerLeaving, lead: 'property' },
  { cause: (s) => nothingCameBack(s) && s.exit !== null && !s.aboutServerLeaving, lead: 'server-gone' },
  // A server not written for Node: its own language's calls, no event-loop traps.
  { cause: (s) => nothingCameBack(s) && s.runtime === 'python', lead: 'no-reply.python' },
  { cause: (s) => nothingCameBack(s) && s.runtime === 'other', lead: 'no-reply.other' },
  { cause: (s) => s.specific !== undefined, lead: 'check' },
  { cause: (s) => s.serverGone && s.exit !== null && !s.aboutServerLeaving, lead: 'server-gone' },
];

export function leadOf(situation: Situation): Lead {
  return LEADS.find((row) => row.cause(situation))?.lead ?? 'property';
}

// The hint ladder: the first hint of a failing property is a nudge; each `--hint` (or `h` in watch mode)
// shows one more, for the property the report says to start with, down to the Node API involved.
import type { HintLadders } from './store.ts';

export interface Ladder {
  id: string;
  /** How many hints this property has. */
  length: number;
  /** The id of its first hint, which names the cause of this failure. */
  lead?: string;
}

/**
 * How many hints to show for each failing property, and remember it. `failing` is in report order: a
 * reveal climbs the first whose ladder has a rung left.
 */
export function climb(entry: HintLadders, failing: readonly Ladder[], reveal: boolean): Record<string, number> {
  const levels: Record<string, number> = {};
  let revealed = false;
  for (const ladder of failing) {
    const { level, climbed } = climbOne(entry, ladder, reveal && !revealed);
    levels[ladder.id] = level;
    revealed ||= climbed;
  }
  return levels;
}

/**
 * How many hints of one failing property to show, and remember it: one more when `reveal`, unless its
 * ladder is at its top already (`climbed` says whether it went up).
 */
export function climbOne(
  entry: HintLadders,
  { id, length, lead }: Ladder,
  reveal: boolean,
): { level: number; climbed: boolean } {
  // The ladder climbed for one cause (say, a crash) is not the one for the next (say, a wrong reply).
  const sameCause = lead === undefined || entry.hintLeads?.[id] === undefined || entry.hintLeads[id] === lead;
  const seen = Math.min(length, sameCause ? Math.max(1, entry.hintsShown[id] ?? 1) : 1);
  if (lead !== undefined) {
    entry.hintLeads ??= {};
    entry.hintLeads[id] = lead;
  }
  const level = Math.min(length, reveal ? seen + 1 : seen);
  entry.hintsShown[id] = level;
  return { level, climbed: level > seen };
}

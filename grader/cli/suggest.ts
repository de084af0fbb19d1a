// "Did you mean": the one known word a typo is closest to, when it is close and alone in being closest.
import { findStage, STAGES } from '../course/catalogue.ts';

/** Edits that turn `a` into `b`: a character added, removed or replaced, or two neighbours swapped. */
export function editDistance(a: string, b: string): number {
  // d[i][j]: edits from a's first i characters to b's first j (optimal string alignment).
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] ?? [];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The known word within `most` edits of `word`, if exactly one is closest: `stag-2` is stage-2, but
 * `stage-9` is as near to every stage as to any, so it suggests none.
 */
export function closest(word: string, known: readonly string[], most = 2): string | undefined {
  const scored = known.map((candidate) => ({ candidate, distance: editDistance(word.toLowerCase(), candidate) }));
  const best = Math.min(...scored.map((s) => s.distance));
  const nearest = scored.filter((s) => s.distance === best);
  return best <= most && nearest.length === 1 ? nearest[0]?.candidate : undefined;
}

/** The stage a word most likely names, as its id ("stag-2", "2" → "stage-2"), or the word itself. */
export function meantStage(word: string): string {
  return (
    findStage(word)?.id ??
    closest(
      word,
      STAGES.map((s) => s.id),
    ) ??
    word
  );
}

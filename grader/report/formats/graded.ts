// What every result format is made from: a stage, a seed, and the submissions graded (one, or a batch).
import type { Stage } from '../../course/catalogue.ts';
import type { PropertyResult, Report, Status } from '../../engine/grade.ts';
import type { Text } from '../../i18n/text.ts';
import { addPoints, type Points, pointsOf } from './points.ts';

export interface Graded {
  /** The submission's folder name in a batch; the subject's label when grading one. */
  name: string;
  /** How it was run: a file, or the command of its run file. */
  how: string;
  /** The learner's file, as the reader knows it (relative to where the grade ran); absent for a command. */
  file?: string;
  /** Absent when it could not be graded at all (no server file, an empty run file, …). */
  report?: Report;
  /** Why it could not be graded. */
  error?: Text;
  /** The learner's hint ladders, climbed so far (a single grade in a terminal); files show the first hint. */
  ladder?: Ladder;
}

/** How many hints of each failing property were shown, and the command that shows one more. */
export interface Ladder {
  levels: Record<string, number>;
  command: string;
}

export interface Results {
  stage: Stage;
  seed: number;
  graded: Graded[];
  /** Wall time of everything graded. */
  durationMs: number;
  /** When grading began. */
  startedAt: Date;
  /** What each property is worth (--points); one point each when absent. */
  points?: Points;
}

/** A property's verdict in a table cell: an ungraded submission has `error` in every cell. */
export type Cell = Status | 'error';

export function cellsOf(results: Results, graded: Graded): { id: string; cell: Cell; result?: PropertyResult }[] {
  return results.stage.properties.map((property) => {
    const result = graded.report?.results.find((r) => r.id === property.id);
    return result ? { id: property.id, cell: result.status, result } : { id: property.id, cell: 'error' };
  });
}

/** Points of the properties that hold, out of those measured (skipped ones count for neither). */
export function scoreOf(results: Results, graded: Graded): { held: number; max: number } {
  const cells = cellsOf(results, graded);
  const worth = (c: { id: string }) => pointsOf(results.points, c.id);
  return {
    held: addPoints(cells.filter((c) => c.cell === 'pass').map(worth)),
    max: addPoints(cells.filter((c) => c.cell !== 'skip').map(worth)),
  };
}

/** What one cell scores, and what it could have: a skipped property is worth nothing either way. */
export function cellPoints(results: Results, cell: { id: string; cell: Cell }): { score: number; max: number } {
  const worth = pointsOf(results.points, cell.id);
  return { score: cell.cell === 'pass' ? worth : 0, max: cell.cell === 'skip' ? 0 : worth };
}

export function passedAll(graded: Graded): boolean {
  return graded.report?.passed === true;
}

/** What the sandbox held for these results (one machine graded them all), or undefined when not sandboxed. */
export function sandboxOf(results: Results): Report['sandbox'] {
  return results.graded.find((g) => g.report?.sandbox)?.report?.sandbox;
}

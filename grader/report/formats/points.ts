// --points listens=2,no-busy-loop=0.5: what each property is worth in every format that scores (JSON,
// CSV, the platforms' files). One point each unless told; 0 leaves a property out of the score.
import type { Stage } from '../../course/catalogue.ts';
import { UsageError } from '../../engine/errors.ts';
import { joined, t } from '../../i18n/t.ts';

export type Points = Readonly<Record<string, number>>;

/** The weights of `--points`, checked against the stage's properties; a UsageError says what is off. */
export function parsePoints(raw: string, stage: Stage): Points {
  const ids = stage.properties.map((p) => p.id);
  const points: Record<string, number> = {};
  for (const item of raw.split(',').map((part) => part.trim())) {
    const match = /^([a-z0-9-]+)=(\d+(?:\.\d+)?)$/.exec(item);
    if (!match) throw new UsageError(t('points.bad-item', { item }));
    const [, id = '', value = ''] = match;
    if (!ids.includes(id)) {
      throw new UsageError(t('points.unknown-id', { id, stage: stage.id, known: joined(ids, 'sep.list') }));
    }
    if (id in points) throw new UsageError(t('points.twice', { id }));
    points[id] = Number(value);
  }
  return points;
}

/** What one property is worth. */
export function pointsOf(points: Points | undefined, id: string): number {
  return points?.[id] ?? 1;
}

/** A sum of points without binary fractions' noise (0.1 + 0.2 is 0.3 here). */
export function addPoints(values: readonly number[]): number {
  return Math.round(values.reduce((sum, value) => sum + value, 0) * 1e6) / 1e6;
}

// A property that no broken server fails is a check that may never fail: forbid it.
import { expect, test } from 'vitest';
import { PROPERTIES } from '../course/properties/index.ts';
import { FIXTURE_ROWS } from './fixture-table.ts';

test('every property is failed by at least one broken server', () => {
  const failed = new Set(FIXTURE_ROWS.flatMap((row) => row.fails));
  expect(PROPERTIES.map((p) => p.id).filter((id) => !failed.has(id))).toEqual([]);
});

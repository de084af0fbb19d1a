// Every property is proven able to fail: each broken server fails exactly the properties named, no
// more (nothing cascades) and no fewer (the check can fail at all). And none leaves a process behind.
import { basename } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURE_ROWS } from './fixture-table.ts';
import { failing, parseReport, runGrader } from './run-grader.ts';

describe.concurrent('broken servers fail exactly their properties', () => {
  // Named by the server's file, short enough to stay whole in the title: `-t adds-newline` runs one row.
  const rows = FIXTURE_ROWS.map((row) => ({ ...row, name: basename(row.subject[1] ?? '') }));
  test.each(rows)('$stage $name fails [$fails]', async ({ stage, subject, fails }) => {
    const run = await runGrader([stage, ...subject, '--json']);
    const report = parseReport(run);
    // A row that does not hold says why: each property whose verdict is not the one expected, with its message.
    const why = report.properties
      .filter((p) => (p.status === 'fail') !== fails.includes(p.id))
      .map((p) => `${p.id} (${p.status}): ${p.message}`)
      .join('\n');
    expect(failing(report), why).toEqual([...fails].sort());
    expect(run.code).toBe(fails.length === 0 ? 0 : 1);
    expect(run.orphans).toEqual([]);
    expect(run.leftovers).toEqual([]);
    for (const property of report.properties.filter((p) => p.status === 'fail')) {
      expect(property.message, property.id).not.toBe('');
      expect(property.hint, property.id).not.toBe('');
    }
  });
});

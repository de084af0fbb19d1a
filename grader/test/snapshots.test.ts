// Whole reports as a learner reads them, in both languages, pinned: any change to a word, a line or the
// layout shows up here as a diff to review. The seed fixes the traffic; what a run can't fix (ports,
// timings, a note about a slow start on a busy machine) is normalised away.
import { describe, expect, it } from 'vitest';
import { fixture, runGrader } from './run-grader.ts';

const CASES: { name: string; args: string[]; code: number }[] = [
  { name: 'stage-1-solution-passes', args: ['stage-1', '--solution'], code: 0 },
  { name: 'stage-1-adds-newline', args: ['stage-1', '--file', fixture('stage-1/adds-newline.ts')], code: 1 },
  {
    name: 'stage-2-decodes-each-chunk',
    args: ['stage-2', '--file', fixture('stage-2/decodes-each-chunk.ts')],
    code: 1,
  },
];

function normalise(report: string): string {
  return (
    report
      // A slow start is told in a line of its own under the subject's, only when it happened: the blank
      // line after it is the one every report has there.
      .replace(/^Your server took .* to start listening;.*\n/m, '')
      .replace(/^你的服务器用了 .* 秒才开始监听；.*\n/m, '')
      .replace(/(\bport|端口) \d+/g, '$1 <port>')
      // The client connects to whichever loopback address answers first.
      .replace(/\b127\.0\.0\.1 |::1 /g, '<loopback> ')
      // Wire times are right-aligned in a column: keep the column, not the number.
      .replace(/^ *\d+(?:\.\d+)? ms {2}/gm, '    <time> ms  ')
  );
}

describe('whole reports', () => {
  for (const { name, args, code } of CASES) {
    for (const lang of ['en', 'zh']) {
      it(`${name} (${lang})`, async () => {
        const run = await runGrader([...args, '--seed', '7', '--lang', lang]);
        expect(run.code).toBe(code);
        await expect(normalise(run.stdout)).toMatchFileSnapshot(`snapshots/${name}.${lang}.txt`);
        expect(run.orphans).toEqual([]);
      });
    }
  }
});

// --out: every report as one JSON document.
import type { Lang } from '../../i18n/text.ts';
import { platformNote, sandboxNote } from '../../subject/platform.ts';
import { reportData } from '../render.ts';
import { type Results, sandboxOf, scoreOf } from './graded.ts';

export function resultsJson(results: Results, lang: Lang): string {
  const document = {
    stage: results.stage.id,
    seed: results.seed,
    startedAt: results.startedAt.toISOString(),
    durationMs: results.durationMs,
    platformNote: platformNote(results.stage.properties)?.[lang] ?? null,
    sandboxNote: sandboxNote(sandboxOf(results))?.[lang] ?? null,
    submissions: results.graded.map((graded) => {
      const { held, max } = scoreOf(results, graded);
      const data = graded.report ? reportData(graded.report, lang) : null;
      return {
        name: graded.name,
        how: graded.how,
        passed: graded.report?.passed ?? false,
        score: held,
        maxScore: max,
        error: graded.error?.[lang] ?? null,
        capped: graded.report?.capped ?? false,
        durationMs: graded.report?.durationMs ?? 0,
        startMs: graded.report?.startMs ?? null,
        properties: data?.properties ?? [],
      };
    }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

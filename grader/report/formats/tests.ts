// A submission's properties as the platforms' tests: the verdict, the points, a one-line message, and
// the story the terminal tells under a ✘ (bytes, wire, what the server printed, the hint).
import { t } from '../../i18n/t.ts';
import type { Lang } from '../../i18n/text.ts';
import { platformNote, sandboxNote } from '../../subject/platform.ts';
import { failureText, messageOf, seedNote } from '../render.ts';
import { clip } from './clip.ts';
import { type Cell, cellPoints, cellsOf, type Graded, type Results, sandboxOf, scoreOf } from './graded.ts';

/** One test's story at most: 13 of them stay well inside the 1 MB the platforms accept. */
export const STORY_MAX_BYTES = 32 * 1024;

/** The most a platform takes: PrairieLearn's results.json, a GitHub step's output. */
export const PLATFORM_MAX_BYTES = 1_000_000;

/**
 * A platform's file, made with stories cut shorter until it fits: JSON escapes (a server's control bytes
 * become \u0001, six bytes for one) and base64 can make a file several times longer than its stories.
 */
export function fitting(make: (storyMax: number) => string, max = PLATFORM_MAX_BYTES): string {
  let text = make(STORY_MAX_BYTES);
  for (let storyMax = STORY_MAX_BYTES / 2; Buffer.byteLength(text) >= max && storyMax >= 256; storyMax /= 2)
    text = make(storyMax);
  return text;
}

export interface PlatformTest {
  id: string;
  title: string;
  cell: Cell;
  score: number;
  max: number;
  /** One line: what happened (empty for a pass). */
  message: string;
  /** Everything under the ✘, or the message again for a skip or an ungraded submission. */
  story: string;
  durationMs: number;
}

export function platformTests(
  results: Results,
  graded: Graded,
  lang: Lang,
  color: boolean,
  storyMax = STORY_MAX_BYTES,
): PlatformTest[] {
  return cellsOf(results, graded).map((c, i) => {
    const title = results.stage.properties[i]?.title[lang] ?? c.id;
    const { score, max } = cellPoints(results, c);
    const r = c.result;
    const message =
      c.cell === 'error' ? t('engine.not-graded.short')[lang] : r && c.cell !== 'pass' ? messageOf(r, lang) : '';
    const story = c.cell === 'fail' && r ? clip(failureText(r, lang, color), storyMax, lang) : message;
    return { id: c.id, title, cell: c.cell, score, max, message, story, durationMs: r?.durationMs ?? 0 };
  });
}

/** The score in one line, or why there is none: the platforms' headline. */
export function scoreLine(results: Results, graded: Graded, lang: Lang): string {
  if (graded.error) return t('engine.not-graded', { reason: graded.error })[lang];
  const { held, max } = scoreOf(results, graded);
  const cells = cellsOf(results, graded);
  return t('engine.summary', {
    id: results.stage.id,
    held,
    max,
    passed: cells.filter((c) => c.cell === 'pass').length,
    count: cells.filter((c) => c.cell !== 'skip').length,
    seedNote: seedNote(results.seed, lang),
  })[lang];
}

/**
 * The lines above the tests: what this platform can't serve (first, as every output puts it), the score,
 * what the sandbox could not hold here, the file graded.
 */
export function summaryLines(results: Results, graded: Graded, lang: Lang): string[] {
  return [
    platformNote(results.stage.properties)?.[lang] ?? '',
    scoreLine(results, graded, lang),
    sandboxNote(sandboxOf(results))?.[lang] ?? '',
    graded.file ? t('engine.graded-file', { file: graded.file })[lang] : '',
  ].filter((line) => line !== '');
}

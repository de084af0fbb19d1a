// npm run pictures [-- --check]
// Each lesson's picture of its conversation, drawn from a real grade of the reference solution so that it
// never drifts from the code: stages/<stage>/conversation.svg and conversation.zh-CN.svg, the wire story of
// the stage's `picture` property. The root carries the events' signature (no times), which pictures.test.ts
// compares with a fresh grade. --check writes nothing: it grades, prints each signature and exits 1 if a
// committed picture's differs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WireEvent } from '../client/wire.ts';
import { grade, type PropertyResult } from '../engine/grade.ts';
import { limitsFor, timeoutScale } from '../engine/limits.ts';
import { esc } from '../report/html/markup.ts';
import { sequenceSvg } from '../report/html/sequence.ts';
import { coalesce } from '../report/wire-story.ts';
import { fileLaunch } from '../subject/launch.ts';
import { stopAll } from '../subject/process.ts';
import { endOnSignals } from '../subject/signals.ts';
import { ROOT, STAGES, type Stage } from './catalogue.ts';

/** The traffic's seed: the same bytes in every picture, on every run. */
export const PICTURE_SEED = 1;

/** The picture files of a stage, English and Chinese. */
export function pictureFiles(stage: Stage): { en: string; zh: string } {
  const dir = resolve(ROOT, 'stages', stage.id);
  return { en: resolve(dir, 'conversation.svg'), zh: resolve(dir, 'conversation.zh-CN.svg') };
}

/**
 * The events in order without their times: `connect A|send A 12|recv A 12|fin-out A|fin-in A` (kind, who,
 * byte length when there are bytes). Taken after `coalesce()`, as the diagram draws them: a reply may come
 * in one read or several, depending on the machine's load, and that split is the only race it hides.
 */
export function signature(wire: readonly WireEvent[]): string {
  return coalesce(wire)
    .map((e) => [e.kind, e.who, ...(e.bytes ? [e.bytes.length] : [])].join(' '))
    .join('|');
}

/** The signature stamped on a picture's root, or undefined if it has none. */
export function signatureIn(svg: string): string | undefined {
  const raw = /^<svg [^>]*?data-signature="([^"]*)"/.exec(svg)?.[1];
  return raw?.replaceAll('&gt;', '>').replaceAll('&lt;', '<').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/** Grade the stage's reference solution on its picture property only: that property's result. */
export async function gradePicture(stage: Stage): Promise<PropertyResult> {
  const property = stage.properties.find((p) => p.id === stage.picture);
  if (!property) throw new Error(`${stage.id}: its picture, ${stage.picture}, is not one of its properties`);
  const launch = fileLaunch(resolve(ROOT, stage.solution), ROOT);
  const report = await grade({ ...stage, properties: [property] }, launch, {
    limits: limitsFor(timeoutScale()),
    seed: PICTURE_SEED,
  });
  await report.stopped;
  return report.results[0] as PropertyResult;
}

/** The picture in one language, its root stamped with the signature. */
export function pictureSvg(result: PropertyResult, lang: 'en' | 'zh'): string {
  // Without what the server printed: a lesson pictures the conversation, and a line stands where the grader
  // happened to read it, which on a busy machine can be after the connect it came before.
  const svg = sequenceSvg(result.wire, lang, { id: 'conversation', standalone: true });
  return `${svg.replace(/^<svg /, `<svg data-signature="${esc(signature(result.wire))}" `)}\n`;
}

async function main(): Promise<void> {
  endOnSignals();
  const check = process.argv.includes('--check');
  let failed = false;
  try {
    for (const stage of STAGES) {
      const started = performance.now();
      const result = await gradePicture(stage);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const sig = signature(result.wire);
      if (result.status !== 'pass') {
        process.stderr.write(
          `${stage.id}: the reference solution did not pass ${stage.picture} (${result.status}: ${result.message.en}); no picture drawn.\n`,
        );
        failed = true;
        continue;
      }
      const files = pictureFiles(stage);
      if (check) {
        const committed = existsSync(files.en) ? signatureIn(readFileSync(files.en, 'utf8')) : undefined;
        const same = committed === sig;
        if (!same) failed = true;
        process.stdout.write(`${stage.id} ${stage.picture} (${seconds} s): ${sig}${same ? '' : '  ≠ committed'}\n`);
        continue;
      }
      writeFileSync(files.en, pictureSvg(result, 'en'));
      writeFileSync(files.zh, pictureSvg(result, 'zh'));
      process.stdout.write(`${stage.id} ${stage.picture} (${seconds} s): ${sig}\n`);
    }
  } finally {
    await stopAll();
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();

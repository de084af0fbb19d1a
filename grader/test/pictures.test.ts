// Each lesson's picture of its conversation is what a fresh grade of the reference solution draws: the
// same events, in the same order (times aside), in both languages, and embedded in the lesson.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, STAGES } from '../course/catalogue.ts';
import { gradePicture, pictureFiles, signature, signatureIn } from '../course/pictures.ts';
import { coalesce } from '../report/wire-story.ts';

const REDRAW = 'run `npm run pictures` to draw it again';

describe.concurrent('lesson pictures', () => {
  for (const stage of STAGES) {
    test(`${stage.id}: conversation.svg draws ${stage.picture} as a fresh grade of the solution does`, async () => {
      const result = await gradePicture(stage);
      expect(result.status, `the reference solution fails ${stage.picture}`).toBe('pass');
      const fresh = signature(result.wire);
      const events = coalesce(result.wire).map((e) => `${e.kind} ${e.who}`);
      const files = pictureFiles(stage);
      for (const file of [files.en, files.zh]) {
        expect(existsSync(file), `${file} is missing: ${REDRAW}`).toBe(true);
        const svg = readFileSync(file, 'utf8');
        expect(signatureIn(svg), `${file} pictures another conversation than the solution has: ${REDRAW}`).toBe(fresh);
        // One element per event drawn, in order: the picture shows what its signature says.
        const drawn = [...svg.matchAll(/data-event="([^"]+)" data-who="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
        expect(drawn, `${file} draws other events than its signature: ${REDRAW}`).toEqual(events);
      }
    });
  }
});

describe('lessons embed their pictures', () => {
  for (const stage of STAGES) {
    test(stage.id, () => {
      const dir = resolve(ROOT, 'stages', stage.id);
      expect(readFileSync(resolve(dir, 'README.md'), 'utf8')).toMatch(/!\[[^\]]+\]\(conversation\.svg\)/);
      expect(readFileSync(resolve(dir, 'README.zh-CN.md'), 'utf8')).toMatch(/!\[[^\]]+\]\(conversation\.zh-CN\.svg\)/);
    });
  }
});

// A folder to build PrairieLearn's grading image from: a Dockerfile, the lab under lab/ with its
// entrypoint, and the externalGradingOptions a question's info.json needs.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Stage } from '../../course/catalogue.ts';
import { labFiles, template } from './lab-files.ts';

export const PL_ENTRYPOINT = '/socket-lab/grade-prairielearn';

/** What a question's info.json gets: the image's name is the instructor's to choose. */
export function externalGradingOptions(stage: Stage, timeoutS: number) {
  return {
    externalGradingOptions: {
      enabled: true,
      image: `YOUR-DOCKER-HUB-NAME/socket-lab-${stage.id}`,
      entrypoint: PL_ENTRYPOINT,
      timeout: timeoutS,
    },
  };
}

export function writePrairielearnFolder(root: string, out: string, stage: Stage, args: string, timeoutS: number): void {
  rmSync(join(out, 'lab'), { recursive: true, force: true });
  for (const file of labFiles(root)) {
    const path = join(out, 'lab', file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes, { mode: file.mode });
  }
  const entry = join(out, 'lab', 'grade-prairielearn');
  writeFileSync(entry, template('grade-prairielearn', { ARGS: args }));
  chmodSync(entry, 0o755);
  writeFileSync(join(out, 'Dockerfile'), template('Dockerfile', { STAGE: stage.id }));
  writeFileSync(join(out, 'info.json'), `${JSON.stringify(externalGradingOptions(stage, timeoutS), null, 2)}\n`);
}

// The grade command from argv to exit status: 0 every property holds, 1 some fail, 2 usage or start-up.
import { resolve } from 'node:path';
import { parseRequest, usage, type SubjectChoice } from './args.ts';
import { findStage, ROOT, STAGES, type Stage } from './catalogue.ts';
import { SubjectError, UsageError } from './errors.ts';
import { grade } from './grade.ts';
import { limitsFor, timeoutScale } from './limits.ts';
import { colorWanted, renderHuman, renderJson } from './report/render.ts';
import { commandLaunch, fileLaunch, type Launch } from './subject/launch.ts';
import { stopAll } from './subject/process.ts';
import { detectLang, type Lang } from './text.ts';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

function launchFor(stage: Stage, choice: SubjectChoice): Launch {
  switch (choice.kind) {
    case 'starter':
      return fileLaunch(resolve(ROOT, stage.starter), ROOT);
    case 'solution':
      return fileLaunch(resolve(ROOT, stage.solution), ROOT);
    case 'file':
      return fileLaunch(choice.path);
    case 'cmd':
      return commandLaunch(choice.command);
  }
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let lang: Lang = detectLang(io.env);
  try {
    const request = parseRequest(argv);
    lang = request.lang ?? lang;
    if (request.help) {
      io.stdout.write(`${usage(lang)}\n`);
      return 0;
    }
    if (request.stage === undefined) {
      throw new UsageError({ en: 'Which stage? Name one.', zh: '评测哪个阶段？请指定一个。' });
    }
    const stage = findStage(request.stage);
    if (!stage) {
      const known = STAGES.map((s) => s.id).join(', ');
      throw new UsageError({
        en: `There is no stage "${request.stage}". The stages are: ${known}.`,
        zh: `没有名为“${request.stage}”的阶段。现有阶段：${known}。`,
      });
    }
    const launch = launchFor(stage, request.subject);
    const report = await grade(stage, launch, { limits: limitsFor(timeoutScale(io.env)), env: io.env });
    io.stdout.write(request.json ? renderJson(report, lang) : renderHuman(report, lang, colorWanted(io.stdout, io.env)));
    return report.passed ? 0 : 1;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`${err.text[lang]}\n\n${usage(lang)}\n`);
      return 2;
    }
    if (err instanceof SubjectError) {
      io.stderr.write(`${err.text[lang]}\n`);
      return 2;
    }
    throw err;
  } finally {
    await stopAll();
  }
}

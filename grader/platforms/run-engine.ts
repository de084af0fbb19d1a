// --engine: grade the one submission a platform hands over, where it puts it, and always leave the
// platform's result: a submission with nothing to run, a crash, a hang (the time cap ends it) or a
// failure of the grader itself each yield a valid file that says what happened.
import { existsSync, statSync } from 'node:fs';
import { basename, posix, resolve } from 'node:path';
import { submissionIn } from '../batch/discover.ts';
import type { Request } from '../cli/args.ts';
import { gradeOptions } from '../cli/grade-options.ts';
import { shellCommand, shellQuote } from '../cli/shell-quote.ts';
import type { Stage } from '../course/catalogue.ts';
import { randomSeed } from '../course/traffic.ts';
import { SubjectError, UsageError } from '../engine/errors.ts';
import { grade, type Report } from '../engine/grade.ts';
import { t } from '../i18n/t.ts';
import type { Lang, Text } from '../i18n/text.ts';
import type { Graded, Results } from '../report/formats/graded.ts';
import { resultsJson } from '../report/formats/json.ts';
import type { Points } from '../report/formats/points.ts';
import { writeResults } from '../report/formats/write.ts';
import { renderHuman } from '../report/render.ts';
import { type Launch, userCwd } from '../subject/launch.ts';
import type { EngineId } from './engine-ids.ts';
import { ENGINES } from './engines.ts';

interface EngineIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export async function runEngine(
  engineId: EngineId,
  stage: Stage,
  request: Request,
  io: EngineIo,
  lang: Lang,
  points: Points | undefined,
): Promise<number> {
  const engine = ENGINES[engineId];
  const base = userCwd(io.env);
  const root = resolve(base, request.engineRoot ?? engine.defaultRoot(io.env, base));
  // A platform's own folder is always there: one that isn't is a mistyped --engine-root, and writing the
  // result into it would make a stray folder.
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(t('engine.no-root', { root }));
  const folder = engine.submission(root);
  const seed = request.seed ?? randomSeed();
  const startedAt = new Date();
  const started = performance.now();
  const name = basename(folder) || folder;
  let graded: Graded;
  let report: Report | undefined;
  let launch: Launch | undefined;
  try {
    const submission =
      existsSync(folder) && statSync(folder).isDirectory()
        ? submissionIn(name, folder, stage)
        : { name, folder, how: '', error: t('engine.no-folder') };
    const about = { name, how: submission.how, ...(submission.file ? { file: submission.file } : {}) };
    launch = submission.launch;
    if (!launch) graded = { ...about, error: submission.error ?? t('engine.no-folder') };
    else {
      report = await grade(stage, launch, { ...gradeOptions(request, io, true), seed });
      graded = { ...about, report };
    }
  } catch (err) {
    graded = { name, how: '', error: whyNotGraded(err) };
  }
  const results: Results = {
    stage,
    seed,
    graded: [graded],
    durationMs: Math.round(performance.now() - started),
    startedAt,
    ...(points ? { points } : {}),
  };
  // The log the platform keeps for the instructor (Gradescope's stdout, the Actions log): the report.
  io.stdout.write(
    request.json
      ? resultsJson(results, lang)
      : report
        ? renderHuman(report, lang, false)
        : `${t('engine.not-graded', { reason: graded.error ?? '' })[lang]}\n`,
  );
  const again = replayCommand(stage, graded, launch, seed);
  const written = engine.write(results, graded, lang, root, io.env, again);
  if (written.stdout !== undefined) {
    io.stderr.write(`${t('engine.no-github-output')[lang]}\n`);
    io.stdout.write(written.stdout);
  }
  io.stderr.write(`${t('engine.written', { platform: engine.name, path: written.path })[lang]}\n`);
  const others = writeResults(results, request.outputs, lang, base, false);
  if (others.length > 0) io.stderr.write(`${t('main.written-note')[lang]}${others.join(', ')}\n`);
  await report?.stopped;
  return report?.passed ? 0 : 1;
}

/**
 * The command that replays this grade from the submission's folder (GitHub Classroom shows it as each
 * test's code): the server file with --file, or a run file's command with --cmd, run where the run file is.
 */
function replayCommand(stage: Stage, graded: Graded, launch: Launch | undefined, seed: number): string {
  const file = graded.file ?? 'server.ts';
  const folder = posix.dirname(file);
  const subject = launch?.shell
    ? ['--cmd', folder === '.' ? launch.command : `cd ${shellQuote(folder)} && ${launch.command}`]
    : ['--file', file];
  return shellCommand(['npm', 'run', 'grade', '--', stage.id, ...subject, '--seed', String(seed)]);
}

/** A grade that could not even run, in words for the student's page. */
function whyNotGraded(err: unknown): Text {
  if (err instanceof SubjectError) return err.text;
  const reason = err instanceof Error ? err.message : String(err);
  return t('batch.grader-failed', { reason });
}

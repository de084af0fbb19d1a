// The grade command from argv to exit status: 0 every property holds, 1 some fail, 2 usage or start-up.
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { discover } from '../batch/discover.ts';
import { gradeBatch } from '../batch/grade-batch.ts';
import { renderBatch } from '../batch/table.ts';
import { findStage, ROOT, STAGES, type Stage, solutionFor } from '../course/catalogue.ts';
import { randomSeed } from '../course/traffic.ts';
import { OutputError, SubjectError, UsageError } from '../engine/errors.ts';
import { grade, type PropertyResult, type Report } from '../engine/grade.ts';
import { joined, type MessageId, t } from '../i18n/t.ts';
import { detectLang, isLang, type Lang, langInArgv } from '../i18n/text.ts';
import { runEngine } from '../platforms/run-engine.ts';
import { climbOne } from '../progress/ladder.ts';
import { hintLadders, loadProgress, progressFile, recordResult, saveProgress } from '../progress/store.ts';
import { MINE, subjectOf } from '../progress/subject.ts';
import { passedAll, type Results } from '../report/formats/graded.ts';
import { resultsJson } from '../report/formats/json.ts';
import { type Points, parsePoints } from '../report/formats/points.ts';
import { checkOutputPaths, writeResults } from '../report/formats/write.ts';
import { type Opened, openInBrowser } from '../report/html/open.ts';
import { LiveReport } from '../report/live.ts';
import {
  colorWanted,
  idWidth,
  type RenderOptions,
  renderHead,
  renderJson,
  renderResult,
  renderTail,
} from '../report/render.ts';
import { notJudged } from '../report/story.ts';
import { commandLaunch, fileLaunch, type Launch, userCwd } from '../subject/launch.ts';
import { stopAll } from '../subject/process.ts';
import { findSandbox } from '../subject/sandbox.ts';
import { styleKeys } from '../subject/style.ts';
import { flagsNpmKept, parseRequest, type Request, type SubjectChoice, usage } from './args.ts';
import { takesValue } from './flags.ts';
import { gradeOptions } from './grade-options.ts';
import { pickStage } from './picker.ts';
import { shellCommand, shellQuote } from './shell-quote.ts';
import { closest, meantStage } from './suggest.ts';
import { watchAndRegrade } from './watch.ts';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadStream;
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

/** Which stage: named on the command line, or chosen from a list in a terminal. */
async function chooseStage(
  request: Request,
  argv: readonly string[],
  io: Io,
  lang: Lang,
): Promise<Stage | 'cancelled'> {
  if (request.stage === undefined) {
    if (!io.stdin.isTTY || !io.stdout.isTTY || request.json) {
      throw new UsageError(t('main.which-stage'));
    }
    return (await pickStage(loadProgress(progressFile(io.env)), lang)) ?? 'cancelled';
  }
  const stage = findStage(request.stage);
  if (stage) return stage;
  const ids = STAGES.map((s) => s.id);
  const suggestion = closest(request.stage, ids);
  if (!suggestion)
    throw new UsageError(t('main.no-such-stage', { stage: request.stage, known: joined(ids, 'sep.list') }));
  // The typo said first, then the command as meant, to run as printed.
  const at = argv.indexOf(request.stage);
  const fixed = argv.map((word, i) => (i === at ? suggestion : word));
  throw new UsageError(
    joined(
      [
        t('main.no-such-stage.did-you-mean', { stage: request.stage, suggestion }),
        t('main.run-as', { command: shellCommand(['npm', 'run', 'grade', '--', ...fixed]) }),
      ],
      'sep.sentence',
    ),
  );
}

/** Grade every submission of a folder; print the table (or JSON) and write the result files. */
async function gradeClass(
  stage: Stage,
  request: Request,
  folder: string,
  io: Io,
  lang: Lang,
  points: Points | undefined,
): Promise<number> {
  const base = userCwd(io.env);
  const submissions = discover(resolve(base, folder), stage);
  const jobs = request.jobs ?? availableParallelism();
  const tty = Boolean((io.stderr as { isTTY?: boolean }).isTTY);
  const batch = await gradeBatch(stage, submissions, {
    ...gradeOptions(request, io, true),
    seed: request.seed ?? randomSeed(),
    jobs,
    // Progress for the person watching; pipes and files get only the result.
    onGraded: (graded, done, total) => {
      if (!tty) return;
      const { held, max } = graded.report
        ? { held: graded.report.results.filter((r) => r.status === 'pass').length, max: graded.report.results.length }
        : { held: 0, max: 0 };
      io.stderr.write(
        `  [${done}/${total}] ${graded.name}: ${graded.report ? `${held}/${max}` : (graded.error?.[lang] ?? '')}\n`,
      );
    },
  });
  const results = points ? { ...batch, points } : batch;
  // The table first: a result file that can't be written must not cost the instructor the results.
  io.stdout.write(
    request.json
      ? resultsJson(results, lang)
      : renderBatch(results, submissions, lang, colorWanted(io.stdout, io.env), jobs, base),
  );
  await writeOutputs(results, request, io, lang, base, true);
  return results.graded.every(passedAll) ? 0 : 1;
}

const OPENED_NOTE = {
  opened: 'html.opened',
  failed: 'html.open-failed',
  'no-browser': 'html.no-browser',
  'not-asked': 'html.written',
} as const satisfies Record<Opened, MessageId>;

/**
 * Where --open writes the page when --html names no file of its own: beside the progress file, in
 * .socket-lab/ (a class's page apart, so that it never takes the place of the learner's own report).
 */
function openFile(env: NodeJS.ProcessEnv, batch: boolean): string {
  return join(dirname(progressFile(env)), batch ? 'class.html' : 'report.html');
}

/**
 * The result files asked for, and with --open the HTML page handed to a browser; then a line saying
 * what was written (the page --open shows has a line of its own, on stderr beside --json).
 */
async function writeOutputs(
  results: Results,
  request: Request,
  io: Io,
  lang: Lang,
  base: string,
  batch: boolean,
): Promise<void> {
  const outputs =
    request.open && !request.outputs.html ? { ...request.outputs, html: openFile(io.env, batch) } : request.outputs;
  const written = writeResults(results, outputs, lang, base, batch);
  const page = request.open && outputs.html ? resolve(base, outputs.html) : undefined;
  const files = written.filter((path) => path !== page);
  if (!request.json && files.length > 0) io.stdout.write(`${t('main.written-note')[lang]}${files.join(', ')}\n`);
  if (page) {
    const opened = await openInBrowser(page, io.env);
    (request.json ? io.stderr : io.stdout).write(`${t(OPENED_NOTE[opened], { path: page })[lang]}\n`);
  }
}

/** Grade once, remember it (results for the learner's own server only; hints for each subject apart), and print the report. */
async function gradeOnce(
  stage: Stage,
  request: Request,
  launch: Launch,
  io: Io,
  lang: Lang,
  reveal: boolean,
  keys = false,
  points?: Points,
): Promise<Report> {
  const startedAt = new Date();
  const file = progressFile(io.env);
  const progress = loadProgress(file);
  const subject = subjectOf(stage, request.subject, userCwd(io.env));
  const entry = hintLadders(progress, stage.id, subject);
  // The ladders are climbed in the report's order, as each failure is printed: a reveal climbs the first
  // failing property with a rung left (the first ✘, unless its ladder is at its top).
  const hintLevels: Record<string, number> = {};
  let first: { id: string } | undefined;
  let revealed = false;
  const climbFor = (result: PropertyResult) => {
    // A property not judged shows no hints: its ladder is not climbed (`listens` tells the story).
    if (result.status !== 'fail' || notJudged(result)) return;
    first ??= { id: result.id };
    const ladder = {
      id: result.id,
      length: result.hints.length,
      ...(result.leadHintId ? { lead: result.leadHintId } : {}),
    };
    const { level, climbed } = climbOne(entry, ladder, reveal && !revealed);
    hintLevels[result.id] = level;
    revealed ||= climbed;
  };
  const color = colorWanted(io.stdout, io.env);
  const options: RenderOptions = {
    hintLevels,
    // In watch mode in a terminal, the next hint is a key away.
    hintCommand: keys ? t('main.hint-command')[lang] : hintCommand(stage, request.subject, request.lang),
    celebrate: subject === MINE,
    ...(request.lang ? { langAsked: request.lang } : {}),
  };
  const seed = request.seed ?? randomSeed();
  const width = idWidth(stage);
  // What the sandbox holds here is known before the first line: it is said at the top (found once).
  const sandbox = request.sandbox ? await findSandbox() : undefined;
  const live = request.json
    ? null
    : new LiveReport(
        { stage, subject: launch.label, seed, ...(sandbox ? { sandbox } : {}) },
        (text) => io.stdout.write(text),
        (head) => renderHead(head, lang, color),
        (result) => {
          climbFor(result);
          return renderResult(result, width, lang, color, options);
        },
      );
  const report = await grade(stage, launch, {
    ...gradeOptions(request, io, false),
    seed,
    ...(live ? { onResult: live.add } : {}),
  });
  if (live) live.finish(report.results);
  else for (const result of report.results) climbFor(result);
  const failing = report.results.filter((r) => r.status === 'fail');
  if (subject === MINE) {
    const held = report.results.filter((r) => r.status === 'pass').length;
    const measured = report.results.filter((r) => r.status !== 'skip').length;
    recordResult(progress, stage.id, {
      held,
      total: measured,
      failing: failing.map((r) => r.id),
      at: new Date().toISOString(),
    });
  }
  try {
    saveProgress(progress, file);
  } catch {
    // a read-only checkout still grades; it just can't remember
  }
  // Asked for one more, but every ladder was already at its top: say so, rather than nothing.
  const ladderTop =
    reveal && first && !revealed ? { id: first.id, solution: solutionFor(stage, styleKeys(launch)) } : undefined;
  io.stdout.write(
    request.json
      ? renderJson(report, lang)
      : renderTail(report, lang, color, { ...options, ...(ladderTop ? { ladderTop } : {}) }),
  );
  // After the report: a file that can't be written must not cost the learner the report.
  const graded = {
    name: report.subject,
    how: report.subject,
    ...(request.subject.kind === 'cmd' ? {} : { file: launch.label }),
    report,
    ladder: { levels: hintLevels, command: options.hintCommand ?? hintCommand(stage, request.subject, request.lang) },
  };
  await writeOutputs(
    {
      stage,
      seed: report.seed,
      graded: [graded],
      durationMs: report.durationMs,
      startedAt,
      ...(points ? { points } : {}),
    },
    request,
    io,
    lang,
    userCwd(io.env),
    false,
  );
  return report;
}

/**
 * The command as it was meant: npm took each kept flag for a switch of its own, and left its value
 * (if it has one) among the positionals after the stage. One value is paired for sure; with several,
 * which went where can't be known, so they are shown as placeholders.
 */
function keptFixed(argv: readonly string[], kept: string[]): string[] {
  const [stage, ...words0] = argv;
  // npm reads `--lang` as its own one-letter switches (-l -a -n -g) and leaves the value among the words:
  // a bare `zh` or `en` is that value.
  const stray = kept.includes('lang') || argv.includes('--lang') ? -1 : words0.findIndex(isLang);
  const rest = words0.filter((_, i) => i !== stray);
  const lang = stray >= 0 ? ['--lang', words0[stray] ?? ''] : [];
  const valued = kept.filter((flag) => takesValue(flag));
  const switches = kept.filter((flag) => !takesValue(flag)).map((f) => `--${f}`);
  const values =
    valued.length === 1 && rest.length >= 1
      ? [`--${valued[0]}`, rest[0] ?? '']
      : valued.flatMap((f) => [`--${f}`, '<…>']);
  const others = valued.length === 1 ? rest.slice(1) : rest.filter(() => valued.length === 0);
  // A stage named with a typo is written as the stage it most likely means: the line runs as printed.
  const words = [...(stage !== undefined ? [meantStage(stage)] : []), ...values, ...switches, ...others, ...lang];
  // Placeholders stay as they are, to be filled in; the learner's own words are quoted to run as typed.
  return words.map((word) => (word === '<…>' ? word : shellQuote(word)));
}

/** The words that name this subject on the command line. */
function subjectWords(subject: SubjectChoice): string[] {
  switch (subject.kind) {
    case 'starter':
      return [];
    case 'solution':
      return ['--solution'];
    case 'file':
      return ['--file', subject.path];
    case 'cmd':
      return ['--cmd', subject.command];
  }
}

/**
 * The command that shows the next hint, quoted for the shell so that it runs as printed, in the
 * language the learner asked for with --lang (one that came from LANG comes again by itself).
 */
export function hintCommand(stage: Stage, subject: SubjectChoice, lang?: Lang): string {
  const language = lang ? ['--lang', lang] : [];
  return shellCommand(['npm', 'run', 'grade', '--', stage.id, ...subjectWords(subject), '--hint', ...language]);
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let lang: Lang = langInArgv(argv) ?? detectLang(io.env);
  try {
    const kept = flagsNpmKept(io.env);
    if (kept.length > 0) {
      const flags = kept.map((f) => `--${f}`).join(' ');
      const fixed = `npm run grade -- ${keptFixed(argv, kept).join(' ')}`;
      throw new UsageError(t('main.npm-kept-flags', { flags, fixed }));
    }
    const request = parseRequest(argv);
    lang = request.lang ?? lang;
    if (request.help) {
      io.stdout.write(`${usage(lang, request.lang)}\n`);
      return 0;
    }
    const stage = await chooseStage(request, argv, io, lang);
    if (stage === 'cancelled') return 130;
    const points = request.points !== undefined ? parsePoints(request.points, stage) : undefined;
    checkOutputPaths(request.outputs, userCwd(io.env), request.batch !== undefined);
    if (request.engine) return await runEngine(request.engine, stage, request, io, lang, points);
    if (request.batch !== undefined) return await gradeClass(stage, request, request.batch, io, lang, points);
    const launch = launchFor(stage, request.subject);
    if (!request.watch) {
      const report = await gradeOnce(stage, request, launch, io, lang, request.hint, false, points);
      return report.passed ? 0 : 1;
    }
    if (request.json) throw new UsageError(t('main.watch-not-json'));
    // A file's folder (its launch runs there), or where the learner ran a --cmd.
    const folder = request.subject.kind === 'cmd' ? userCwd(io.env) : launch.cwd;
    const how = await watchAndRegrade(
      folder,
      folder.startsWith(ROOT) ? folder.slice(ROOT.length + 1) || '.' : folder,
      async (reveal) => {
        try {
          await gradeOnce(stage, request, launch, io, lang, reveal, Boolean(io.stdin.isTTY && io.stdout.isTTY));
        } catch (err) {
          if (!(err instanceof SubjectError)) throw err;
          io.stdout.write(`${err.text[lang]}\n`); // say, a file deleted mid-save: keep watching
        } finally {
          await stopAll();
        }
      },
      io,
      lang,
    );
    return how === 'interrupt' ? 130 : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      // The one line that matters, and where the rest is: the whole usage is behind --help.
      // Asked for in a language with --lang: the help it points to comes in that language too.
      const asked = langInArgv(argv);
      const help = `npm run grade -- --help${asked ? ` --lang ${asked}` : ''}`;
      io.stderr.write(`${err.text[lang]}\n${t('args.usage-pointer', { help })[lang]}\n`);
      return 2;
    }
    if (err instanceof SubjectError || err instanceof OutputError) {
      io.stderr.write(`${err.text[lang]}\n`);
      return 2;
    }
    throw err;
  } finally {
    await stopAll();
  }
}

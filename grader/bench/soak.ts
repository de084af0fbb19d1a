// npm run soak [-- --runs N] [--load] [--parallel K] [--stage <stage>] [--out file.json] [--resume file.json]
// Grade every reference solution and every broken fixture N times, optionally with CPU hogs running
// beside the grader, and report every verdict that ever differed from the expected one. A flaky verdict
// is a bug to fix at its root.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findStage, ROOT, STAGES, type Stage } from '../course/catalogue.ts';
import { grade } from '../engine/grade.ts';
import { limitsFor, timeoutScale } from '../engine/limits.ts';
import { mapPool } from '../engine/pool.ts';
import { commandLaunch, fileLaunch, type Launch } from '../subject/launch.ts';
import { SubjectProcess, stopAll } from '../subject/process.ts';
import { endOnSignals } from '../subject/signals.ts';
import { FIXTURE_ROWS } from '../test/fixture-table.ts';
import { machine } from './measure.ts';

endOnSignals();

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    load: { type: 'boolean', default: false },
    parallel: { type: 'string', default: '1' },
    stage: { type: 'string' },
    out: { type: 'string' },
    // A long soak outlives a session: go on from a record written by an earlier soak of the same code.
    resume: { type: 'string' },
  },
});
const earlier = values.resume === undefined ? undefined : resumable(resolve(values.resume));
const runs = earlier?.of ?? Math.max(1, Number(values.runs));
// Several grades at once: more load still, and the same verdicts expected.
const parallel = earlier?.parallel ?? Math.max(1, Number(values.parallel));
const load = earlier?.load ?? values.load;
const out = resolve(values.out ?? values.resume ?? resolve(ROOT, '.socket-lab/soak.json'));
const limits = limitsFor(timeoutScale());

interface Subject {
  name: string;
  stage: Stage;
  launch: Launch;
  expectedFails: Set<string>;
}

const allSubjects: Subject[] = [
  ...STAGES.map((stage) => ({
    name: `${stage.id} solution`,
    stage,
    launch: fileLaunch(resolve(ROOT, stage.solution), ROOT),
    expectedFails: new Set<string>(),
  })),
  ...STAGES.map((stage) => ({
    name: `${stage.id} Python solution`,
    stage,
    launch: fileLaunch(resolve(ROOT, stage.pythonSolution), ROOT),
    expectedFails: new Set<string>(),
  })),
  ...STAGES.flatMap((stage) =>
    Object.values(stage.styleSolutions).map((file) => ({
      name: `${stage.id} ${file}`,
      stage,
      launch: fileLaunch(resolve(ROOT, file), ROOT),
      expectedFails: new Set<string>(),
    })),
  ),
  ...FIXTURE_ROWS.map((row) => {
    const [flag, value = ''] = row.subject;
    return {
      name: `${row.stage} ${value}`,
      stage: findStage(row.stage) as Stage,
      launch: flag === '--cmd' ? commandLaunch(value, ROOT) : fileLaunch(value, ROOT),
      expectedFails: new Set(row.fails),
    };
  }),
];

// --stage: only that stage's subjects, to soak what just changed.
const stageId = earlier ? (earlier.stage ?? undefined) : values.stage;
const only = stageId === undefined ? undefined : findStage(stageId);
if (stageId !== undefined && !only) {
  process.stderr.write(`no such stage: ${stageId}\n`);
  process.exit(2);
}
const subjects = only ? allSubjects.filter((s) => s.stage === only) : allSubjects;

// CPU hogs, one per core, in process groups of their own: stopped with everything else at the end.
const hogs = load
  ? Array.from(
      { length: availableParallelism() },
      () =>
        new SubjectProcess(
          {
            label: 'hog',
            cwd: ROOT,
            shell: false,
            command: process.execPath,
            args: ['-e', 'for (;;);'],
            runtime: 'node',
          },
          0,
          500,
          process.env,
        ),
    )
  : [];

interface Odd {
  run: number;
  subject: string;
  property: string;
  expected: string;
  got: string;
  message: string;
}
const odd: Odd[] = [...(earlier?.differed ?? [])];
const verdictsPerRun = subjects.reduce((n, s) => n + s.stage.properties.length, 0);
if (earlier && earlier.subjects !== subjects.length)
  refuse(`it soaked ${earlier.subjects} subjects, this code has ${subjects.length}`);
const started = performance.now();
const minutesBefore = earlier?.minutes ?? 0;
const minutes = () => Number((minutesBefore + (performance.now() - started) / 60_000).toFixed(1));
// Who ran which runs: a resumed soak may run on another machine of the same kind.
const parts = [
  ...(earlier?.parts ?? []),
  { from: (earlier?.runs ?? 0) + 1, to: earlier?.runs ?? 0, machine: machine() },
];
for (let run = (earlier?.runs ?? 0) + 1; run <= runs; run++) {
  await mapPool(subjects, parallel, async (subject) => {
    const report = await grade(subject.stage, subject.launch, { limits });
    await report.stopped;
    for (const r of report.results) {
      const expected = subject.expectedFails.has(r.id) ? 'fail' : 'pass';
      if (r.status !== expected) {
        odd.push({ run, subject: subject.name, property: r.id, expected, got: r.status, message: r.message.en });
        // Say it at once: a long soak should not keep its news to the end.
        process.stderr.write(
          `  run ${run}: ${subject.name} ${r.id}: expected ${expected}, got ${r.status}: ${r.message.en}\n`,
        );
      }
    }
  });
  process.stderr.write(
    `run ${run}/${runs}: ${odd.length} verdicts differed so far (${minutes()} min${load ? ', under load' : ''}, ${parallel} at a time)\n`,
  );
  // Written after every run: a soak cut short (a session's end, a Ctrl-C) still leaves what it saw.
  save(run);
}
await stopAll();

process.stdout.write(
  `Soak: ${runs} runs of ${subjects.length} subjects (${runs * verdictsPerRun} verdicts), ${parallel} grade${parallel > 1 ? 's' : ''} at a time${load ? `, with ${hogs.length} CPU hogs beside` : ''}: ` +
    `${odd.length} differed from the expected verdict.\n`,
);
for (const o of odd)
  process.stdout.write(
    `  run ${o.run}: ${o.subject} ${o.property}: expected ${o.expected}, got ${o.got}: ${o.message}\n`,
  );
process.exitCode = odd.length === 0 ? 0 : 1;

function save(runsDone: number): void {
  mkdirSync(dirname(out), { recursive: true });
  const last = parts.at(-1);
  if (last) last.to = runsDone;
  const record: SoakRecord = {
    commit: code(),
    machine: machine(),
    slow: process.env.SOCKET_LAB_SLOW ?? null,
    runs: runsDone,
    of: runs,
    minutes: minutes(),
    load,
    parallel,
    stage: stageId ?? null,
    subjects: subjects.length,
    verdicts: runsDone * verdictsPerRun,
    parts,
    differed: odd,
  };
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
}

interface SoakRecord {
  commit: string;
  machine: string;
  slow: string | null;
  runs: number;
  of: number;
  minutes: number;
  load: boolean;
  parallel: number;
  stage: string | null;
  subjects: number;
  verdicts: number;
  parts: { from: number; to: number; machine: string }[];
  differed: Odd[];
}

/**
 * The commit soaked, with "+changes" when what decides a verdict (the grader, the solutions, the
 * starters) differs from it: a record speaks for one version of the code, and a resume must be of that one.
 */
function code(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    const changed = git('status', '--porcelain', '--', 'grader', 'solutions', 'stages', 'package-lock.json') !== '';
    return `${git('rev-parse', 'HEAD')}${changed ? '+changes' : ''}`;
  } catch {
    return 'unknown (not a git clone)';
  }
}

function resumable(file: string): SoakRecord {
  let record: SoakRecord;
  try {
    record = JSON.parse(readFileSync(file, 'utf8')) as SoakRecord;
  } catch (error) {
    return refuse(`cannot read ${file}: ${(error as Error).message}`);
  }
  const here = code();
  if (record.commit === undefined || record.commit !== here || here.includes('+'))
    refuse(
      `it soaked ${record.commit ?? 'an unrecorded commit'}, this is ${here}; check that commit out (git worktree add) to go on`,
    );
  if ((record.slow ?? null) !== (process.env.SOCKET_LAB_SLOW ?? null))
    refuse(
      `it ran ${record.slow ? `in the slow mode (${record.slow})` : 'outside the slow mode'}; run it the same way`,
    );
  if (record.runs >= record.of) refuse(`all ${record.of} runs are done`);
  return { ...record, parts: record.parts ?? [] };
}

function refuse(why: string): never {
  process.stderr.write(`Cannot resume the soak: ${why}.\n`);
  process.exit(2);
}

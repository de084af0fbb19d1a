// npm run bench [-- --runs N] [--stage S] [--out file.json] [--against folder]
// How fast a grade is, next to the floor measured in the same run: a server's own spawn-to-first-reply
// plus the longest window the grader must observe. And the worst cases: hostile servers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findStage, ROOT, STAGES, type Stage } from '../course/catalogue.ts';
import { grade } from '../engine/grade.ts';
import { limitsFor } from '../engine/limits.ts';
import { findBox, inBox, watchedStdio } from '../subject/contain.ts';
import { commandLaunch, fileLaunch, userCwd } from '../subject/launch.ts';
import { endOnSignals } from '../subject/signals.ts';
import { FIXTURE_ROWS } from '../test/fixture-table.ts';
import { compareCheckouts, notACheckout, sharedStages } from './against.ts';
import { firstReply, machine, runTimed, type Spread, spread, timeCommand } from './measure.ts';

// The grades below start servers in process groups of their own: a Ctrl-C must stop them too.
endOnSignals();

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    stage: { type: 'string' },
    out: { type: 'string' },
    against: { type: 'string' },
  },
});
const runs = Math.max(1, Number(values.runs));
const out = resolve(values.out ?? resolve(ROOT, '.socket-lab/bench.json'));
const limits = limitsFor(1);
// As `npm run grade` runs it: from the bundle (see grader/bundle/run.mjs).
const CLI = [resolve(ROOT, 'grader/bundle/run.mjs'), resolve(ROOT, 'grader/cli/entry.ts')];
const TSX = ['--import', 'tsx'];

/** The longest fixed window a stage's grade must sit through whatever the server does. */
function observationWindow(stage: Stage): number {
  const has = (id: string) => stage.properties.some((p) => p.id === id);
  // slow-reader must see a stream stand still before it can say the server stopped taking it.
  return Math.max(has('no-busy-loop') ? limits.busyWindowMs : limits.quietMs, has('slow-reader') ? limits.stallMs : 0);
}

async function sample(n: number, measure: () => Promise<number>): Promise<Spread> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push(await measure());
  return spread(samples);
}

interface StageRow {
  stage: string;
  startTsx: Spread;
  startCompiled: Spread;
  window: number;
  floor: number;
  grade: Spread;
  endToEnd: Spread;
  /** End to end with servers unboxed: what the boxes cost. */
  unboxed: Spread;
  /** End to end with --sandbox: what a sandbox costs a whole grade. */
  sandboxed: Spread;
  /** CPU time of the end-to-end grade, grader and servers together (null without /proc). */
  cpu: Spread | null;
  ratio: number;
}

// --stage S: that stage's row alone (a quick look at one change); the hostile rows are skipped too.
const only = values.stage === undefined ? undefined : findStage(values.stage);
if (values.stage !== undefined && !only)
  throw new Error(`no stage ${values.stage}: ${STAGES.map((s) => s.id).join(', ')}`);

const percent = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(Math.round(100 * x))}%`;

// --against folder: only the same grades here and in another checkout, in turns (see against.ts).
if (values.against !== undefined) {
  // Where the command was typed: npm runs the bench from the lab's root.
  const there = resolve(userCwd(), values.against);
  const why = notACheckout(there);
  if (why) {
    process.stderr.write(`${why}\n`);
    process.exit(2);
  }
  const stages = sharedStages(ROOT, there, only ? [only.id] : STAGES.map((s) => s.id));
  const rows = await compareCheckouts(ROOT, there, stages, runs, (line) => process.stderr.write(`${line}\n`));
  const table = [
    `| stage | here, through npm | ${there}, through npm | here against there |`,
    '| --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.stage} | ${r.here.median} ms (${r.here.p10}–${r.here.p90}) | ${r.there.median} ms (${r.there.p10}–${r.there.p90}) | ${percent(r.change)} |`,
    ),
    '',
    `Medians of ${runs} runs each, the two in turns, p10–p90 in brackets. Machine: ${machine()}.`,
  ].join('\n');
  process.stdout.write(`${table}\n`);
  const file = resolve(values.out ?? resolve(ROOT, '.socket-lab/bench-against.json'));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ machine: machine(), runs, against: there, stages: rows }, null, 2)}\n`);
  process.stderr.write(`written to ${file}\n`);
  process.exit(0);
}

const stageRows: StageRow[] = [];
for (const stage of only ? [only] : STAGES) {
  const solution = resolve(ROOT, stage.solution);
  const request = stage.protocol.request(Buffer.from('hello'));
  process.stderr.write(`${stage.id}: floor, grade, end to end (${runs} runs each)…\n`);
  const launch = fileLaunch(solution, ROOT);
  const startCompiled = await sample(runs, async () => {
    // as the grader runs it: compiled once, then plain Node
    const { compileServer } = await import('../subject/compile.ts');
    const compiled = await compileServer(solution);
    try {
      return await firstReply(process.execPath, ['--enable-source-maps', compiled?.file ?? solution], request);
    } finally {
      await compiled?.remove();
    }
  });
  const gradeSpread = await sample(runs, async () => {
    const started = performance.now();
    const report = await grade(stage, launch, { limits });
    const ms = performance.now() - started;
    await report.stopped;
    if (!report.passed) throw new Error(`${stage.id}: the reference solution failed while benchmarking`);
    return ms;
  });
  // As a learner runs it, again without boxes (SOCKET_LAB_NO_BOX=1), and sandboxed (--sandbox): what
  // the boxes and the sandbox cost a whole grade. The CPU time of grader and servers together says how busy the machine was. The floor's
  // starts are interleaved with them: a machine whose speed drifts (a cloud VM's does, by 30% within
  // minutes) drifts under both sides of the ratio alike.
  const args = [...CLI, stage.id, '--solution', '--json'];
  const tsxRuns: number[] = [];
  const boxedRuns: number[] = [];
  const bareRuns: number[] = [];
  const sandboxedRuns: number[] = [];
  const cpuRuns: number[] = [];
  const variants = [
    async () => {
      const boxed = await runTimed(process.execPath, args);
      boxedRuns.push(boxed.ms);
      if (boxed.cpuMs !== null) cpuRuns.push(boxed.cpuMs);
    },
    async () => {
      bareRuns.push(await timeCommand(process.execPath, args, { ...process.env, SOCKET_LAB_NO_BOX: '1' }));
    },
    async () => {
      sandboxedRuns.push(await timeCommand(process.execPath, [...args, '--sandbox']));
    },
  ];
  for (let i = 0; i < runs; i++) {
    tsxRuns.push(await firstReply(process.execPath, [...TSX, solution], request));
    // Each first in its turn: what a grade leaves the kernel to do after its exit (a sandbox's network is
    // torn down after it) falls on each of the others alike, not always on the one after it.
    for (let k = 0; k < variants.length; k++) await variants[(i + k) % variants.length]?.();
  }
  const startTsx = spread(tsxRuns);
  const window = observationWindow(stage);
  const floor = startTsx.median + window;
  const endToEnd = spread(boxedRuns);
  const unboxed = spread(bareRuns);
  const sandboxed = spread(sandboxedRuns);
  const cpu = cpuRuns.length > 0 ? spread(cpuRuns) : null;
  stageRows.push({
    stage: stage.id,
    startTsx,
    startCompiled,
    window,
    floor,
    grade: gradeSpread,
    endToEnd,
    unboxed,
    sandboxed,
    cpu,
    // What a learner waits for, from `node` to the exit, against what no grader could beat.
    ratio: endToEnd.median / floor,
  });
}

// What a server's box costs (subject/contain.ts): the same compiled server's spawn-to-first-reply, in
// its box and not, interleaved so that a drift of the machine falls on both alike.
let box: { boxed: Spread; bare: Spread; cost: number } | null = null;
{
  const stage = STAGES[0] as Stage;
  const { compileServer } = await import('../subject/compile.ts');
  const compiled = await compileServer(resolve(ROOT, stage.solution));
  const server = [process.execPath, compiled?.file ?? resolve(ROOT, stage.solution)];
  await findBox();
  const boxedServer = inBox({ command: server[0] as string, args: server.slice(1), shell: false });
  if (boxedServer) {
    process.stderr.write(`box: a server's start in its box and not (${runs} runs each)…
`);
    const request = stage.protocol.request(Buffer.from('hello'));
    const boxed: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      boxed.push(
        await firstReply(boxedServer.command, boxedServer.args, request, watchedStdio(['ignore', 'ignore', 'ignore'])),
      );
      bare.push(await firstReply(server[0] as string, server.slice(1), request));
    }
    box = { boxed: spread(boxed), bare: spread(bare), cost: spread(boxed).median - spread(bare).median };
  }
  await compiled?.remove();
}

// The worst cases: the time to a full report for servers that fight back.
const HOSTILE = [
  {
    name: 'never listens (asleep)',
    stage: 'stage-1',
    args: ['--file', 'grader/test/fixtures/hostile/never-listens.ts'],
  },
  {
    name: 'never listens (busy)',
    stage: 'stage-1',
    args: ['--file', 'grader/test/fixtures/hostile/busy-never-listens.ts'],
  },
  { name: 'never replies', stage: 'stage-1', args: [] },
  { name: 'never closes', stage: 'stage-2', args: ['--file', 'grader/test/fixtures/stage-2/never-closes.ts'] },
  {
    name: 'spins forever (Python)',
    stage: 'stage-3',
    args: ['--cmd', 'python3 grader/test/fixtures/stage-3/reset_only_fix.py'],
  },
  { name: 'ignores SIGTERM', stage: 'stage-3', args: ['--file', 'grader/test/fixtures/hostile/ignores-sigterm.ts'] },
];
const hostileRuns = Math.max(1, Math.min(runs, 5));
const hostileRows: { name: string; stage: string; report: Spread }[] = [];
for (const h of only ? [] : HOSTILE) {
  process.stderr.write(`hostile: ${h.name} (${hostileRuns} runs)…\n`);
  const cwd = process.cwd();
  process.chdir(ROOT);
  const report = await sample(hostileRuns, () => timeCommand(process.execPath, [...CLI, h.stage, ...h.args, '--json']));
  process.chdir(cwd);
  hostileRows.push({ name: h.name, stage: h.stage, report });
}

// Every failing verdict of every broken fixture: how long the grader waited once the server was up.
if (!only) process.stderr.write('failing verdicts: every fixture once…\n');
let slowest = { ms: 0, what: '' };
for (const row of only ? [] : FIXTURE_ROWS) {
  const stage = findStage(row.stage) as Stage;
  const [flag, value = ''] = row.subject;
  const launch = flag === '--cmd' ? commandLaunch(value, ROOT) : fileLaunch(value, ROOT);
  const report = await grade(stage, launch, { limits });
  await report.stopped;
  for (const r of report.results.filter((x) => x.status === 'fail' && !x.notListening)) {
    const up = r.wire.find((e) => e.kind === 'connect')?.at ?? 0; // ms from spawn to the first connection
    const waited = r.durationMs - up;
    if (waited > slowest.ms) slowest = { ms: Math.round(waited), what: `${row.stage} ${value}: ${r.id}` };
  }
}

const table = [
  '| stage | server start, tsx (floor part) | server start, compiled | window | floor | grade (in-process) | end to end (`node` CLI) | end to end ÷ floor | CPU, grader and servers (cores busy) | unboxed (box cost) | sandboxed (its cost) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...stageRows.map(
    (r) =>
      `| ${r.stage} | ${r.startTsx.median} ms | ${r.startCompiled.median} ms | ${r.window} ms | ${r.floor} ms | ${r.grade.median} ms (${r.grade.p10}–${r.grade.p90}) | ${r.endToEnd.median} ms (${r.endToEnd.p10}–${r.endToEnd.p90}) | ${r.ratio.toFixed(2)}× | ${r.cpu ? `${r.cpu.median} ms (${(r.cpu.median / r.endToEnd.median).toFixed(1)})` : '–'} | ${r.unboxed.median} ms (${percent(r.endToEnd.median / r.unboxed.median - 1)}) | ${r.sandboxed.median} ms (${percent(r.sandboxed.median / r.endToEnd.median - 1)}) |`,
  ),
  ...(only
    ? []
    : [
        '',
        '| hostile server | stage | time to a full report |',
        '| --- | --- | --- |',
        ...hostileRows.map(
          (r) => `| ${r.name} | ${r.stage} | ${r.report.median} ms (${r.report.min}–${r.report.max}) |`,
        ),
      ]),
  '',
  box
    ? `A server's box (its own PID namespace): start to first reply ${box.boxed.median} ms in it, ${box.bare.median} ms without, ${box.cost} ms per server.`
    : 'Servers are not boxed on this machine (no PID namespaces): no cost to measure.',
  only
    ? 'Hostile servers and failing verdicts: not measured (--stage).'
    : `Slowest failing verdict of all fixtures, counted from the server being up: ${slowest.ms} ms (${slowest.what}).`,
  `Medians of ${runs} runs (hostile: ${hostileRuns}), p10–p90 in brackets. Machine: ${machine()}.`,
].join('\n');
process.stdout.write(`${table}\n`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ machine: machine(), runs, stages: stageRows, box, hostile: hostileRows, slowestFailingVerdict: slowest }, null, 2)}\n`,
);
process.stderr.write(`written to ${out}\n`);

// Grade one subject on one stage: every property on a fresh server of its own, several at a time.
import { availableParallelism } from 'node:os';
import type { WireEvent } from '../client/wire.ts';
import type { Stage } from '../course/catalogue.ts';
import { followUpsOf } from '../course/hint-follow-ups.ts';
import { styled } from '../course/hint-styles.ts';
import type { Property } from '../course/properties/index.ts';
import type { Protocol } from '../course/protocol.ts';
import { randomSeed, type Traffic, trafficFor } from '../course/traffic.ts';
import { type Hint, hint } from '../i18n/hint.ts';
import { say } from '../i18n/messages.ts';
import type { MessageId } from '../i18n/t.ts';
import type { Text } from '../i18n/text.ts';
import { compileServer } from '../subject/compile.ts';
import { findBox } from '../subject/contain.ts';
import { compiledLaunch, type Launch, withPort } from '../subject/launch.ts';
import { residentBytes } from '../subject/memory.ts';
import type { Printed } from '../subject/output.ts';
import { freePort, releasePort } from '../subject/port.ts';
import { type ExitInfo, SubjectProcess } from '../subject/process.ts';
import { HAS_PROC, starvedMs } from '../subject/procfs.ts';
import { findSandbox, noSandbox, Sandbox, type SandboxSupport } from '../subject/sandbox.ts';
import { type StyleKey, styleKeys } from '../subject/style.ts';
import { Failure, Harness, Skip, takenPort } from './harness.ts';
import { type Lead, leadOf } from './hints.ts';
import type { Limits } from './limits.ts';
import { mapPool } from './pool.ts';
import { afterServerTime, STARVED_CAP } from './server-clock.ts';
import { StartGate } from './start-gate.ts';
import { TIMED_OUT, within } from './wait.ts';

export type Status = 'pass' | 'fail' | 'skip';

export interface PropertyResult {
  id: string;
  title: Text;
  status: Status;
  message: Text;
  hints: Text[];
  /** The id of the first hint: the hint ladder is keyed on it, not on its words. */
  leadHintId?: MessageId;
  durationMs: number;
  /** Set on failures that compare bytes. */
  expected?: Buffer;
  actual?: Buffer;
  /** The server never listened: the same failure as `listens`, not judged on its own. */
  notListening?: boolean;
  wire: WireEvent[];
  port: number;
  exit: ExitInfo | null;
  /** What the server printed, labelled 'stdout | ' or 'stderr | ', in the order it came. */
  output: string[];
  /** Its first lines again, each with the time it came (the HTML report's diagrams). */
  printed?: Printed[];
}

export interface Report {
  stage: Stage;
  subject: string;
  /** The seed the traffic was drawn from: `--seed` with it replays the same bytes. */
  seed: number;
  passed: boolean;
  /** The grade ran past its time cap: what was still undecided then failed. */
  capped: boolean;
  /** Wall time of the whole grade. */
  durationMs: number;
  /** How long the first server took from spawn to listening (null if it never did). */
  startMs?: number;
  /** Graded sandboxed: what the sandbox held, and each limit this machine could not provide. */
  sandbox?: SandboxSupport;
  results: PropertyResult[];
  /** Resolves once every server this grade started is stopped (the report doesn't wait for it). */
  stopped: Promise<void>;
}

export interface GradeOptions {
  limits: Limits;
  /** How many servers run at once. */
  jobs?: number;
  env?: NodeJS.ProcessEnv;
  /** The traffic's seed; a fresh one when not given. */
  seed?: number;
  /** Resident memory each server may use (its whole process group); see process.ts for the default. */
  memoryCapMiB?: number;
  /** The whole grade's wall time, at most: then every server still running is stopped. */
  timeCapMs?: number;
  /** Each server in a sandbox (network, files, processes: see sandbox.ts), as far as the machine allows. */
  sandbox?: boolean;
  /**
   * Called as each property is decided, in the order they finish, with how long the first server took
   * to listen (once it has).
   */
  onResult?: (result: PropertyResult, startMs?: number) => void;
}

const EMPTY: Text = { en: '', zh: '' };
const PORT_RETRIES = 3;
/** A server that listened for the pathfinder but not for this property gets one more start. */
const START_RETRIES = 2;
const LAST_WORDS_MS = 100;
/** Resident memory growing by this much in LAST_WORDS_MS is a server filling its memory. */
const GROWING_BYTES = 4 * 1024 * 1024;
/** How long, in reply windows, a server still filling its memory is watched for the cap to stop it. */
const GROWING_WAIT_REPLIES = 3;

/** How long the grader's own threads have waited for a CPU, in ms (0 without /proc: the cap is then wall time). */
const graderStarvedMs = () => (HAS_PROC ? starvedMs([process.pid]) : 0);

export function defaultJobs(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = Number(env.SOCKET_LAB_JOBS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  // All of a stage at once: a failing check mostly waits, and start-up costs the same CPU in any order.
  // (Measured on 2 cores: a passing stage 3 grades as fast at 12 as at 4, a failing one 30% sooner.)
  return Math.max(16, availableParallelism() * 2);
}

/** One grade's shared state: its traffic, the servers it runs, their stops, and whether its cap has passed. */
interface GradeRun {
  options: GradeOptions;
  gate: StartGate<PropertyResult>;
  traffic: Traffic;
  /** How the stage's messages go on the wire. */
  protocol: Protocol;
  live: Set<SubjectProcess>;
  stops: Promise<void>[];
  capped: boolean;
  /** Properties proven by the first server listening (listens): judged on the pathfinder's start. */
  riders: Property[];
  /** Their results, once decided. */
  ridden: Map<string, PropertyResult>;
  /** How the subject is written (its source read once): hints are said in that style, most particular first. */
  styles: StyleKey[];
  /** The grade's sandbox, its servers' to join; undefined when not sandboxed. */
  sandbox?: Sandbox | undefined;
}

export async function grade(stage: Stage, launch: Launch, options: GradeOptions): Promise<Report> {
  const started = performance.now();
  const jobs = options.jobs ?? defaultJobs(options.env);
  const seed = options.seed ?? randomSeed();
  const run: GradeRun = {
    options,
    gate: new StartGate(),
    traffic: trafficFor(seed),
    protocol: stage.protocol,
    live: new Set(),
    stops: [],
    capped: false,
    riders: [],
    ridden: new Map(),
    styles: styleKeys(launch),
  };
  // Past the cap, every server of this grade is stopped: checks still running end at once (no one
  // answers), and those not yet started aren't. The cap runs on a server clock, as every wait does: time
  // the grader waited for a CPU is given back (at most STARVED_CAP × the cap in all). The grader's own
  // process stands for the machine: when it is starved, so are the servers it grades, and one read of its
  // threads stays cheap however many servers run.
  const cancelCap =
    options.timeCapMs === undefined
      ? () => {}
      : afterServerTime(options.timeCapMs, graderStarvedMs, () => {
          run.capped = true;
          for (const subject of run.live) void subject.stop();
        });
  // How this machine boxes a server is found beside the compile: neither waits for the other.
  const [compiled, support] = await Promise.all([
    launch.typescript ? compileServer(launch.typescript) : null,
    options.sandbox ? findSandbox() : undefined,
    findBox(),
  ]);
  const runnable = compiled ? compiledLaunch(launch, compiled.file) : launch;
  // One sandbox for every server of this grade (a network, mounts and a helper cost more than a start).
  run.sandbox = support ? ((await Sandbox.open(runnable, support)) ?? undefined) : undefined;
  // What the report says it held: nothing, when one was to be made but could not be after all.
  const sandbox =
    support && !run.sandbox && (support.applied ?? support.provided).length > 0 ? noSandbox('no-namespaces') : support;
  let closed = false;
  const closeSandbox = async () => {
    if (closed) return;
    closed = true;
    await run.sandbox?.close();
  };
  try {
    // A property proven by a server listening (listens) needs no server of its own: the first server
    // started, the pathfinder (see start-gate.ts), proves it or shows it can't hold. Long checks first,
    // so the short ones fill the gaps beside them (see `weight`); the report keeps the stage's order.
    // A stage that shares servers judges its short checks in chains, one server each (see unitsOf).
    const alone = stage.properties.filter((p) => !p.provenByListening);
    run.riders = alone.length > 0 ? stage.properties.filter((p) => p.provenByListening) : [];
    const units = unitsOf(
      alone.length > 0 ? alone : stage.properties,
      stage.sharesServers ? availableParallelism() : 0,
    );
    const judged = (await mapPool(units, jobs, (chain) => judgeChain(chain, runnable, run))).flat();
    // No pathfinder to ride on (every other property skipped, or the cap came first): on their own.
    const unridden = run.riders.filter((p) => !run.ridden.has(p.id));
    run.riders = [];
    for (const property of unridden) judged.push(...(await judgeChain([property], runnable, run)));
    const results = stage.properties.map(
      (p) => (judged.find((r) => r.id === p.id) ?? run.ridden.get(p.id)) as PropertyResult,
    );
    // The sandbox's helper holds its namespaces until the last server is stopped.
    const stopped = Promise.all(run.stops).then(closeSandbox);
    const durationMs = Math.round(performance.now() - started);
    const passed = results.every((r) => r.status !== 'fail');
    return {
      stage,
      subject: launch.label,
      seed,
      passed,
      capped: run.capped,
      durationMs,
      ...(run.gate.startMs !== null ? { startMs: run.gate.startMs } : {}),
      ...(sandbox ? { sandbox } : {}),
      results,
      stopped,
    };
  } catch (err) {
    await Promise.all(run.stops);
    await closeSandbox();
    throw err;
  } finally {
    cancelCap();
    // Every server has loaded the compiled file by now (its verdict is in), so it can go; the servers
    // themselves are still being stopped, and the caller awaits that after printing the report.
    await compiled?.remove();
  }
}

/** A property the time cap decided: not judged, or judged while its server was being stopped. */
function pastCap(property: Property, run: GradeRun, result?: PropertyResult): PropertyResult {
  const hint = say.pastTimeCapHint();
  return {
    id: property.id,
    title: property.title,
    status: 'fail',
    message: say.pastTimeCap((run.options.timeCapMs ?? 0) / 1000),
    hints: [hint],
    leadHintId: hint.id,
    durationMs: result?.durationMs ?? 0,
    wire: result?.wire ?? [],
    port: result?.port ?? 0,
    exit: result?.exit ?? null,
    output: result?.output ?? [],
    ...(result?.printed ? { printed: result.printed } : {}),
  };
}

/** A server a passing check left at rest and still listening: the next check of its chain is judged on it. */
interface AtRest {
  subject: SubjectProcess;
  host: string;
}

/** A verdict, and the server it leaves at rest for the next check when it was asked to and could. */
interface Judged {
  result: PropertyResult;
  rest?: AtRest;
}

/** In weight's units (ms of a correct server alone), what a short check costs on a server already up. */
const CHECK_COST = 50;

/**
 * What the pool runs: each a list of properties judged in turn. A property alone starts a server of its
 * own; a stage that shares servers spreads the rest over `chains` chains (one per core: no more run at
 * once than the machine can carry), the heaviest first onto the lightest chain, and each chain keeps
 * the stage's order. Heaviest units first, as before.
 */
export function unitsOf(properties: readonly Property[], chains: number): Property[][] {
  const cost = (p: Property) => CHECK_COST + (p.weight ?? 0);
  const alone = properties.filter((p) => chains === 0 || p.ownServer).map((p) => [p]);
  const shared = properties.filter((p) => chains > 0 && !p.ownServer);
  const lanes = Array.from({ length: Math.min(chains, shared.length) }, () => ({
    cost: 0,
    members: new Set<Property>(),
  }));
  for (const property of [...shared].sort((a, b) => cost(b) - cost(a))) {
    const lane = lanes.reduce((a, b) => (b.cost < a.cost ? b : a));
    lane.members.add(property);
    lane.cost += cost(property);
  }
  const units = [...alone, ...lanes.map((lane) => properties.filter((p) => lane.members.has(p)))];
  const weight = (unit: Property[]) =>
    unit.length === 1 ? (unit[0]?.weight ?? 0) : unit.reduce((n, p) => n + cost(p), 0);
  return units.sort((a, b) => weight(b) - weight(a));
}

/**
 * The properties of one unit, in turn, each told as it is decided: each on the server the one before
 * left at rest, else on a fresh one. A verdict other than a pass is given only on a fresh server, as
 * every verdict was before servers were shared: a check that fails on a used server is judged again on a
 * fresh one. Once one fails there too, the server is not one to share: the rest start their own, at once.
 */
async function judgeChain(chain: readonly Property[], launch: Launch, run: GradeRun): Promise<PropertyResult[]> {
  const results: PropertyResult[] = [];
  let rest: AtRest | undefined;
  try {
    for (const [i, property] of chain.entries()) {
      const handOn = i < chain.length - 1;
      let judged = await judge(property, launch, run, rest, handOn);
      if (rest && judged.result.status !== 'pass') judged = await judge(property, launch, run, undefined, handOn);
      rest = judged.rest;
      decided(run, judged.result);
      results.push(judged.result);
      if (judged.result.status === 'pass') continue;
      const others = await Promise.all(
        chain.slice(i + 1).map(async (other) => {
          const { result } = await judge(other, launch, run, undefined, false);
          decided(run, result);
          return result;
        }),
      );
      return [...results, ...others];
    }
    return results;
  } finally {
    if (rest) retire(run, rest.subject);
  }
}

async function judge(
  property: Property,
  launch: Launch,
  run: GradeRun,
  rest?: AtRest,
  handOn = false,
): Promise<Judged> {
  if (run.capped) {
    if (rest) retire(run, rest.subject);
    return { result: pastCap(property, run) };
  }
  const judged = await judgeOnce(property, launch, run, rest, handOn);
  if (!run.capped) return judged;
  if (judged.rest) retire(run, judged.rest.subject);
  return { result: pastCap(property, run, judged.result) };
}

/** A property whose server was never started: the pathfinder's never listened, and this is why. */
function notStarted(property: Property, first: PropertyResult): PropertyResult {
  return { ...first, id: property.id, title: property.title, durationMs: 0, notListening: true };
}

async function judgeOnce(
  property: Property,
  launch: Launch,
  run: GradeRun,
  rest: AtRest | undefined,
  handOn: boolean,
): Promise<Judged> {
  if (property.needsProc && !HAS_PROC) {
    const base = { id: property.id, title: property.title };
    const result: PropertyResult = {
      ...base,
      hints: property.hints,
      status: 'skip',
      message: say.needsProc(),
      durationMs: 0,
      wire: [],
      port: 0,
      exit: null,
      output: [],
    };
    if (rest) retire(run, rest.subject);
    return { result };
  }
  if (rest) return judgeAtRest(property, launch, run, rest, handOn);
  const ticket = await run.gate.enter();
  const first = run.gate.failed();
  if (!ticket) return { result: notStarted(property, first as PropertyResult) };
  if (run.capped) {
    ticket.done();
    return { result: pastCap(property, run) };
  }
  let judged: Judged | undefined;
  try {
    judged = await judgeStarted(property, launch, run, ticket.pathfinder, (ms) => ticket.listening(ms), handOn);
    if (ticket.pathfinder && judged.result.notListening) {
      // Told as before: `listens` failed, and every other property (this one too) was not judged.
      const rider = run.riders.map((p) => run.ridden.get(p.id)).find((r) => r !== undefined);
      if (rider) judged = { result: notStarted(property, rider) };
      run.gate.close(rider ?? judged.result);
    }
    return judged;
  } finally {
    ticket.done(judged?.result.notListening === true);
  }
}

async function judgeStarted(
  property: Property,
  launch: Launch,
  run: GradeRun,
  pathfinder: boolean,
  onListening: (ms: number) => void,
  handOn: boolean,
): Promise<Judged> {
  const { options } = run;
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const started = performance.now();
    const subject = new SubjectProcess(
      withPort(launch, port),
      port,
      options.limits.killGraceMs,
      options.env ?? process.env,
      {
        ...(options.memoryCapMiB !== undefined ? { memoryCapMiB: options.memoryCapMiB } : {}),
        ...(run.sandbox ? { sandbox: run.sandbox } : {}),
      },
    );
    run.live.add(subject);
    const harness = new Harness(subject, options.limits, run.traffic, run.protocol);
    harness.onListening = (ms) => {
      onListening(ms);
      if (pathfinder) for (const rider of run.riders) ride(run, rider, listened(rider, ms, harness, port, run.styles));
    };
    const checked = await checkOn(property, harness, started, run, true);
    const { status, details } = checked;
    // The verdict is in: stop the server in the background (the grader waits for every stop before it
    // exits), or keep it for the next check.
    const rest = await afterCheck(run, harness, status, handOn);
    // Another program took our port between the check and the server's listen: try another port. (A
    // server that hard-codes a taken port is told so by the probe, not retried.)
    const stderr = subject.stderr.lines(20).join('\n');
    const takenElsewhere = takenPort(stderr);
    const lostPortRace =
      details.notListening &&
      /EADDRINUSE|address already in use/i.test(stderr) &&
      (takenElsewhere === null || takenElsewhere === port);
    if (lostPortRace && attempt < PORT_RETRIES) continue;
    // The pathfinder's server listened, this one didn't: start it once more before any verdict.
    const startedForOthers = !pathfinder && details.notListening === true;
    if (startedForOthers && attempt < START_RETRIES) continue;
    const seen: Seen = { ...checked, port, subject, startedForOthers, since: 0 };
    // The pathfinder never listened: what listening would have proven fails the same way.
    if (pathfinder && details.notListening)
      for (const rider of run.riders) ride(run, rider, resultOf(rider, launch, seen, run.styles));
    return { result: resultOf(property, launch, seen, run.styles), ...(rest ? { rest } : {}) };
  }
}

/** `property` judged on a server an earlier check left at rest: no start, no probe. */
async function judgeAtRest(
  property: Property,
  launch: Launch,
  run: GradeRun,
  rest: AtRest,
  handOn: boolean,
): Promise<Judged> {
  const { subject, host } = rest;
  const { port } = subject;
  const started = performance.now();
  const harness = new Harness(subject, run.options.limits, run.traffic, run.protocol, host);
  // Only a pass counts from here (a failure is judged again on a fresh server): no last words to wait for.
  const checked = await checkOn(property, harness, started, run, false);
  const next = await afterCheck(run, harness, checked.status, handOn);
  const seen: Seen = { ...checked, port, subject, startedForOthers: false, since: started - subject.startedAt };
  return { result: resultOf(property, launch, seen, run.styles), ...(next ? { rest: next } : {}) };
}

/** Run `property`'s check on `harness`: its verdict, and the story up to it. */
async function checkOn(
  property: Property,
  harness: Harness,
  started: number,
  run: GradeRun,
  final: boolean,
): Promise<Pick<Seen, 'status' | 'message' | 'details' | 'durationMs' | 'wire'>> {
  const { subject } = harness;
  let status: Status = 'pass';
  let message = EMPTY;
  let details: Failure['details'] = {};
  try {
    const outcome = await within(property.check(harness), hardCap(run.options.limits));
    if (outcome === TIMED_OUT) throw new Error(`the check of ${property.id} ran past its hard cap: a grader bug`);
  } catch (err) {
    if (err instanceof Failure) {
      status = 'fail';
      message = err.text;
      details = err.details;
    } else if (err instanceof Skip) {
      status = 'skip';
      message = err.text;
    } else {
      harness.closeClients();
      await subject.stop();
      run.live.delete(subject);
      releasePort(subject.port);
      throw err;
    }
  }
  const durationMs = Math.round(performance.now() - started);
  if (status === 'fail' && final) await lastWords(subject, GROWING_WAIT_REPLIES * run.options.limits.replyMs);
  // The story ends at the verdict: what the grader does to clean up (our SIGTERM) is not the server's doing.
  return { status, message, details, durationMs, wire: [...harness.wire.events] };
}

/**
 * After a verdict: a server that passed, asked to serve the next check and back at rest once its
 * clients have left, is kept for it; any other is stopped in the background.
 */
async function afterCheck(
  run: GradeRun,
  harness: Harness,
  status: Status,
  handOn: boolean,
): Promise<AtRest | undefined> {
  const host = harness.listeningHost;
  if (handOn && status === 'pass' && host !== null && !run.capped && (await harness.leaveIdle()) && !run.capped)
    return { subject: harness.subject, host };
  harness.closeClients();
  retire(run, harness.subject);
  return undefined;
}

/** Stop a server in the background; the grade's `stopped` waits for it. */
function retire(run: GradeRun, subject: SubjectProcess): void {
  run.stops.push(
    subject.stop().then(() => {
      run.live.delete(subject);
      releasePort(subject.port);
    }),
  );
}

/** What one server showed, by the time its check was decided. */
interface Seen {
  status: Status;
  message: Text;
  details: Failure['details'];
  durationMs: number;
  wire: WireEvent[];
  port: number;
  subject: SubjectProcess;
  /** A server started for a property other than the pathfinder's, which listened, did not. */
  startedForOthers: boolean;
  /** When its check began, in ms since the server's spawn (0 on a fresh server): what it printed before is not this check's. */
  since: number;
}

/** `property`'s result from what its server showed. */
function resultOf(property: Property, launch: Launch, seen: Seen, styles: readonly StyleKey[]): PropertyResult {
  const { status, details, durationMs, wire, port, subject, startedForOthers } = seen;
  let { message } = seen;
  // The ladder starts with the hint for this very failure: the check's own, or the situation's (see hints.ts).
  const { hint: specific, serverGone, notListening: neverListened, ...failure } = details;
  const exit = subject.exitInfo;
  // Killed for its memory: whatever the check saw (a FIN, silence) came from that, so say it first.
  const overMemory = status === 'fail' && exit?.memory !== undefined;
  if (overMemory && exit && !message.en.includes(say.exitStatus(exit).en))
    message = say.andStoppedForMemory(message, exit);
  const lead = leadOf({
    failed: status === 'fail',
    exit,
    overMemory,
    endedCleanly: exit !== null && exit.code === 0 && exit.signal === null && property.aboutCrashing === true,
    crashed: exit !== null && (exit.code !== 0 || exit.signal !== null),
    aboutServerLeaving: property.aboutServerLeaving === true,
    runtime: launch.runtime,
    ...(specific ? { specific } : {}),
    serverGone: serverGone === true,
    startedForOthers,
  });
  const first = hintFor(lead, property, specific, exit, subject.transcript.total > 0);
  const hints = (first ? ladderAfter(first, property, exit) : property.hints).map((h) => styled(h, styles));
  return {
    id: property.id,
    title: property.title,
    hints,
    ...(hints[0] ? { leadHintId: hints[0].id } : {}),
    status,
    message,
    durationMs,
    ...(neverListened && !startedForOthers ? { notListening: true } : {}),
    ...failure,
    wire,
    port,
    exit: subject.exitInfo,
    output: subject.transcript.lines(12),
    printed: subject.printed.filter((p) => p.at >= seen.since),
  };
}

/** A property proven by the pathfinder listening, `ms` after its spawn. */
function listened(
  property: Property,
  ms: number,
  harness: Harness,
  port: number,
  styles: readonly StyleKey[],
): PropertyResult {
  const hints = property.hints.map((h) => styled(h, styles));
  return {
    id: property.id,
    title: property.title,
    hints,
    ...(hints[0] ? { leadHintId: hints[0].id } : {}),
    status: 'pass',
    message: EMPTY,
    durationMs: ms,
    wire: [...harness.wire.events],
    port,
    exit: null,
    output: [],
  };
}

/** A rider's result, decided once (a retried start doesn't decide it again); reported as it comes. */
function ride(run: GradeRun, property: Property, result: PropertyResult): void {
  if (run.ridden.has(property.id)) return;
  const final = run.capped ? pastCap(property, run, result) : result;
  run.ridden.set(property.id, final);
  decided(run, final);
}

/** Tell the caller a property is decided. */
function decided(run: GradeRun, result: PropertyResult): void {
  run.options.onResult?.(result, run.gate.startMs ?? undefined);
}

/** The ladder that `first` leads: the rungs that follow its cause (course/hint-follow-ups.ts), or the property's own. */
function ladderAfter(first: Hint, property: Property, exit: ExitInfo | null): Hint[] {
  const next = followUpsOf(first.id, exit);
  return [first, ...(next === 'property' ? property.hints.slice(1) : next.map((id) => hint(id)))];
}

/** The lead the table chose, as a hint: `property`, its own first one. */
function hintFor(
  lead: Lead,
  property: Property,
  specific: Hint | undefined,
  exit: ExitInfo | null,
  printed: boolean,
): Hint | undefined {
  switch (lead) {
    case 'listens-only-sometimes':
      return say.listensOnlySometimesHint();
    case 'server-gone':
      return exit ? say.serverGoneHint(exit, printed) : property.hints[0];
    case 'no-reply.python':
      return say.noReplyHintFor('python');
    case 'no-reply.other':
      return say.noReplyHintFor('other');
    case 'check':
      return specific;
    case 'property':
      return property.hints[0];
  }
}

/**
 * A failure often means a server on its way down: let its exit and its last words arrive. One whose
 * memory is still growing fast is on its way to the memory cap (filling hundreds of MiB takes seconds on a
 * slow machine): let the cap have its say, for at most `boundMs`, so the story names the cause.
 */
async function lastWords(subject: SubjectProcess, boundMs: number): Promise<void> {
  const until = performance.now() + boundMs;
  let resident = residentBytes(subject.pid) ?? 0;
  while ((await within(subject.exited, LAST_WORDS_MS)) === TIMED_OUT) {
    const now = residentBytes(subject.pid) ?? 0;
    if (now - resident < GROWING_BYTES || performance.now() >= until) return;
    resident = now;
  }
  await within(subject.closed, LAST_WORDS_MS);
}

/** Every wait inside a check is bounded; this bounds the sum, in case a grader bug chains too many. */
function hardCap(limits: Limits): number {
  return (
    limits.startCapMs + STARVED_CAP * (60 * (limits.replyMs + limits.closeMs) + limits.exitMs + limits.busyObserveMs)
  );
}

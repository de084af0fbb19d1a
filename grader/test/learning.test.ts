// The pieces that help a learner along: the hint ladder, remembered progress, what a pass teaches,
// the byte diff's caret, and watch mode.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Stage } from '../course/catalogue.ts';
import { STAGES } from '../course/catalogue.ts';
import { SITUATION_HINTS } from '../course/properties/concurrency.ts';
import { PROPERTIES } from '../course/properties/index.ts';
import type { Report } from '../engine/grade.ts';
import { say } from '../i18n/messages.ts';
import { strayWords } from '../progress/args.ts';
import { climb } from '../progress/ladder.ts';
import { idOfWords } from '../progress/migrate.ts';
import { renderProgress } from '../progress/render.ts';
import { describeStatus, statusOf } from '../progress/status.ts';
import {
  hintLadders,
  loadProgress,
  PROGRESS_ENV,
  recordResult,
  saveProgress,
  stageProgress,
} from '../progress/store.ts';
import { MINE, subjectOf } from '../progress/subject.ts';
import { displayWidth, quoteAt } from '../report/bytes.ts';
import { renderHuman } from '../report/render.ts';
import { freePort, releasePort } from '../subject/port.ts';
import { command, fixture, ROOT, runGrader } from './run-grader.ts';

/** A report of a stage passed in full, as renderHuman receives it. */
function passedReport(stage: Stage, subject: string): Report {
  const at = { seed: 7, passed: true, capped: false, durationMs: 400, results: [], stopped: Promise.resolve() };
  return { stage, subject, ...at };
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'learning-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the hint ladder', () => {
  test.each([
    { seen: {}, reveal: false, levels: { a: 1, b: 1 } },
    { seen: {}, reveal: true, levels: { a: 2, b: 1 } },
    { seen: { a: 2 }, reveal: true, levels: { a: 3, b: 1 } },
    // a's ladder is at its top: the reveal climbs b's.
    { seen: { a: 3 }, reveal: true, levels: { a: 3, b: 2 } },
    { seen: { a: 3, b: 2 }, reveal: true, levels: { a: 3, b: 2 } },
    { seen: { a: 2, b: 2 }, reveal: false, levels: { a: 2, b: 2 } },
  ])('seen $seen, reveal $reveal → $levels', ({ seen, reveal, levels }) => {
    const entry = { attempts: 1, hintsShown: { ...seen } as Record<string, number> };
    expect(
      climb(
        entry,
        [
          { id: 'a', length: 3 },
          { id: 'b', length: 2 },
        ],
        reveal,
      ),
    ).toEqual(levels);
    expect(entry.hintsShown).toEqual(levels);
  });
});

test('the ladder starts again when the failure has another cause (another first hint)', () => {
  const entry = { attempts: 1, hintsShown: {} as Record<string, number> };
  expect(climb(entry, [{ id: 'a', length: 3, lead: 'crash' }], true)).toEqual({ a: 2 });
  expect(climb(entry, [{ id: 'a', length: 3, lead: 'crash' }], true)).toEqual({ a: 3 });
  expect(climb(entry, [{ id: 'a', length: 3, lead: 'wrong reply' }], false)).toEqual({ a: 1 });
  expect(climb(entry, [{ id: 'a', length: 3, lead: 'wrong reply' }], true)).toEqual({ a: 2 });
});

describe('progress', () => {
  test.each([
    [[], []],
    [['--lang', 'zh'], []],
    [['--lang=en'], []],
    [['zh'], []], // npm run progress --lang zh: npm kept --lang and left zh
    [['stage-2', 'zh'], ['stage-2']],
    [['--json'], ['--json']],
  ])('npm run progress %j: stray words %j', (argv, stray) => {
    expect(strayWords(argv)).toEqual(stray);
  });

  test('a stage named to npm run progress gets a usage line in the language asked for (exit 2), not silence', () => {
    const run = spawnSync(process.execPath, [...command('grader/progress/cli.ts'), 'stage-2', 'zh'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, [PROGRESS_ENV]: join(dir, 'none.json') },
    });
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe(
      'npm run progress 会列出每个阶段，所以不需要“stage-2”；而且 npm 把 --lang 当成了它自己的选项：通过 npm 运行时，选项要写在 -- 之后。这样运行：npm run progress -- --lang zh\n',
    );
  });

  test('is remembered across runs, with the best result and the pass', () => {
    const file = join(dir, 'progress.json');
    const progress = loadProgress(file);
    recordResult(progress, 'stage-1', { held: 1, total: 4, failing: ['a', 'b', 'c'], at: 't1' });
    recordResult(progress, 'stage-1', { held: 3, total: 4, failing: ['c'], at: 't2' });
    recordResult(progress, 'stage-1', { held: 2, total: 4, failing: ['b', 'c'], at: 't3' });
    saveProgress(progress, file);
    const again = stageProgress(loadProgress(file), 'stage-1');
    expect(again).toMatchObject({ attempts: 3, best: { held: 3, at: 't2' }, last: { held: 2, at: 't3' } });
    expect(describeStatus(statusOf(again)).en).toBe('failing 2 of 4');
    recordResult(progress, 'stage-1', { held: 4, total: 4, failing: [], at: 't4' });
    expect(describeStatus(statusOf(progress.stages['stage-1'])).en).toBe('passed (4 grades)');
    expect(describeStatus(statusOf(undefined)).zh).toBe('还没尝试');
  });

  test('a missing or broken file is a fresh start', async () => {
    await writeFile(join(dir, 'broken.json'), '{ not json');
    expect(loadProgress(join(dir, 'broken.json'))).toEqual({ version: 1, stages: {} });
    expect(loadProgress(join(dir, 'missing.json'))).toEqual({ version: 1, stages: {} });
  });

  test('a file from before hint ids loads: its leads, in English words, become ids where they still match', async () => {
    const file = join(dir, 'old-leads.json');
    const gone = say.serverGoneHint({ code: 1, signal: null }, true);
    const old = {
      version: 1,
      stages: {
        'stage-1': {
          attempts: 3,
          hintsShown: { uppercases: 2, 'closes-after-reply': 2, 'exits-after-client': 2 },
          hintLeads: {
            uppercases: PROPERTIES.find((p) => p.id === 'uppercases')?.hints[0]?.en,
            'closes-after-reply': gone.en,
            'exits-after-client': 'A hint worded as it no longer is.',
          },
        },
      },
    };
    await writeFile(file, JSON.stringify(old));
    const entry = stageProgress(loadProgress(file), 'stage-1');
    expect(entry.hintLeads).toEqual({ uppercases: 'uppercases.1', 'closes-after-reply': gone.id });
    // Only the ladder whose lead is unknown starts again.
    expect(entry.hintsShown).toEqual({ uppercases: 2, 'closes-after-reply': 2 });
    expect(climb(entry, [{ id: 'uppercases', length: 3, lead: 'uppercases.1' }], false)).toEqual({ uppercases: 2 });
    expect(climb(entry, [{ id: 'exits-after-client', length: 3, lead: 'exits-after-client.1' }], false)).toEqual({
      'exits-after-client': 1,
    });
  });

  test('other subjects climb ladders of their own, named as the learner named them', () => {
    const stage = STAGES[1];
    if (!stage) throw new Error('no stage-2');
    expect(subjectOf(stage, { kind: 'starter' }, '/anywhere')).toBe(MINE);
    expect(subjectOf(stage, { kind: 'file', path: 'stage-2/server.ts' }, join(ROOT, 'stages'))).toBe(MINE);
    expect(subjectOf(stage, { kind: 'file', path: 'solutions/stage-2/server.py' }, ROOT)).toBe(
      '--file solutions/stage-2/server.py',
    );
    expect(subjectOf(stage, { kind: 'file', path: '/tmp/x/server.ts' }, ROOT)).toBe('--file /tmp/x/server.ts');
    expect(subjectOf(stage, { kind: 'cmd', command: 'python3 s.py' }, ROOT)).toBe('--cmd "python3 s.py" in .');
    expect(subjectOf(stage, { kind: 'solution' }, ROOT)).toBe('--solution');
    const progress = loadProgress(join(dir, 'apart.json'));
    const theirs = hintLadders(progress, 'stage-2', '--file a.py');
    climb(theirs, [{ id: 'many-messages', length: 2 }], true);
    expect(theirs.hintsShown).toEqual({ 'many-messages': 2 });
    expect(progress.stages).toEqual({});
    expect(hintLadders(progress, 'stage-2', '--file b.py').hintsShown).toEqual({});
  });

  test("a file from before subjects were kept apart loads, all of it the learner's own", async () => {
    const file = join(dir, 'before-subjects.json');
    const learner = {
      attempts: 2,
      last: { held: 5, total: 7, failing: ['many-messages', 'split-character'], at: 't2' },
      best: { held: 5, total: 7, failing: ['many-messages', 'split-character'], at: 't1' },
      hintsShown: { 'many-messages': 2, 'split-character': 1 },
      hintLeads: { 'many-messages': 'many-messages.1' },
    };
    await writeFile(file, JSON.stringify({ version: 1, stages: { 'stage-2': learner } }));
    const progress = loadProgress(file);
    expect(progress.stages['stage-2']).toEqual(learner);
    expect(hintLadders(progress, 'stage-2', MINE).hintsShown).toEqual(learner.hintsShown);
    expect(hintLadders(progress, 'stage-2', '--cmd "x" in .').hintsShown).toEqual({});
    expect(renderProgress('en', false, { [PROGRESS_ENV]: file })).toContain(
      '✘ stage-2 · communication loop: failing 2 of 7',
    );
    // Something else where the other subjects go is dropped, not a crash.
    await writeFile(file, JSON.stringify({ version: 1, stages: { 'stage-2': learner }, others: 'nonsense' }));
    expect(loadProgress(file)).toEqual({ version: 1, stages: { 'stage-2': learner } });
  });

  test('every first hint the old files can hold maps back to its id', () => {
    const exit = { code: 1, signal: null };
    const leads = [
      ...PROPERTIES.flatMap((p) => p.hints.slice(0, 1)),
      ...SITUATION_HINTS,
      say.listensOnlySometimesHint(),
      say.noReplyHint(),
      say.noReplyHintFor('python'),
      say.noReplyHintFor('other'),
      say.toUpperCaseHint(),
      say.serverGoneHint(exit, false),
      say.stoppedListeningHint(),
      say.otherPortHint(),
      say.exitStatusHint(exit),
      say.exitStatusHint({ code: 13, signal: null }),
      say.pastTimeCapHint(),
    ];
    for (const lead of leads) expect(idOfWords(lead.en), lead.en).toBe(lead.id);
  });

  test('npm run progress says where each stage stands and what comes next', () => {
    const file = join(dir, 'shown.json');
    const progress = loadProgress(file);
    recordResult(progress, 'stage-1', { held: 4, total: 4, failing: [], at: 't' });
    recordResult(progress, 'stage-2', { held: 5, total: 7, failing: ['many-messages', 'split-character'], at: 't' });
    saveProgress(progress, file);
    const shown = renderProgress('en', false, { [PROGRESS_ENV]: file });
    expect(shown).toContain('✔ stage-1 · one-shot service: passed (1 grade)');
    expect(shown).toContain('A server listens, accepts, reads, writes and closes.');
    expect(shown).toContain('✘ stage-2 · communication loop: failing 2 of 7, best 5/7');
    expect(shown).toContain('failing: many-messages, split-character');
    expect(shown).toContain('· stage-3 · connection loop: not tried');
    expect(shown).toContain('Next: read stages/stage-2/README.md, then npm run grade stage-2');
    expect(renderProgress('zh', false, { [PROGRESS_ENV]: file })).toContain(
      '下一步：阅读 stages/stage-2/README.zh-CN.md',
    );
  });
});

describe('the report', () => {
  test('a caret points at the first differing byte, counting wide characters twice', () => {
    expect(displayWidth('a你b')).toBe(4);
    const at = quoteAt(Buffer.from('SPLIT 你好 X'), { focus: 9 }); // byte 9 starts 好
    expect(at.text).toBe('"SPLIT 你好 X"');
    expect(at.column).toBe(1 + displayWidth('SPLIT 你'));
  });

  test('a stage passed by the learner says what it taught and where to go next', () => {
    const stage = STAGES[0];
    if (!stage) throw new Error('no stages');
    const report = passedReport(stage, 'stages/stage-1/server.ts');
    const shown = renderHuman(report, 'en', false, { celebrate: true });
    expect(shown).toContain(`What you learned: ${stage.learned.en}`);
    expect(shown).toContain('Next: stage-2 · communication loop: stages/stage-2/README.md, npm run grade stage-2');
    expect(renderHuman(report, 'zh', false, { celebrate: true })).toContain(
      '下一步：stage-2 · 通信循环：stages/stage-2/README.zh-CN.md，npm run grade stage-2',
    );
    // Asked for with --lang, the language is asked for again in the command to the next stage.
    expect(renderHuman(report, 'zh', false, { celebrate: true, langAsked: 'zh' })).toContain(
      '下一步：stage-2 · 通信循环：stages/stage-2/README.zh-CN.md，npm run grade -- stage-2 --lang zh\n',
    );
    expect(renderHuman(report, 'en', false)).not.toContain('What you learned');
  });

  test('the last stage, passed, closes the course in both languages', () => {
    const stage = STAGES.at(-1);
    if (!stage) throw new Error('no stages');
    const report = passedReport(stage, stage.starter);
    expect(renderHuman(report, 'en', false, { celebrate: true })).toContain(
      'That was the last stage: your server now serves many clients at once and finds every message whole in a byte stream.',
    );
    expect(renderHuman(report, 'zh', false, { celebrate: true })).toContain('这是最后一个阶段');
    const file = join(dir, 'all-passed.json');
    const progress = loadProgress(file);
    for (const s of STAGES)
      recordResult(progress, s.id, { held: s.properties.length, total: s.properties.length, failing: [], at: 't' });
    saveProgress(progress, file);
    expect(renderProgress('en', false, { [PROGRESS_ENV]: file })).toContain('Every stage passed. Well done!');
    expect(renderProgress('zh', false, { [PROGRESS_ENV]: file })).toContain('所有阶段都通过了');
  });

  test('--hint climbs the ladder of the first failing property with a rung left, and progress remembers it', async () => {
    const progress = join(dir, 'ladder.json');
    // The untouched stage-1 starter: uppercases, closes-after-reply and exits-after-client fail, two rungs each.
    const first = await runGrader(['stage-1'], { [PROGRESS_ENV]: progress });
    expect(first.stdout).toMatch(/✘ uppercases[\s\S]*hint 1\/2: [\s\S]*one more hint: npm run grade -- stage-1 --hint/);
    expect(first.stdout).not.toContain('hint 2/2');
    const second = await runGrader(['stage-1', '--hint'], { [PROGRESS_ENV]: progress });
    expect(second.stdout).toMatch(/✘ uppercases[\s\S]*hint 1\/2: [\s\S]*hint 2\/2: /);
    const remembered = JSON.parse(await readFile(progress, 'utf8'));
    expect(remembered.stages['stage-1']).toMatchObject({
      attempts: 2,
      hintsShown: { uppercases: 2, 'closes-after-reply': 1, 'exits-after-client': 1 },
    });
    // The first ✘'s ladder is at its top: the next ✘ with a rung left climbs, then the one after it.
    const third = await runGrader(['stage-1', '--hint'], { [PROGRESS_ENV]: progress });
    expect(third.stdout).toMatch(/✘ closes-after-reply[\s\S]*hint 1\/2: [\s\S]*hint 2\/2: /);
    expect(third.stdout).not.toContain('No more hints');
    const fourth = await runGrader(['stage-1', '--hint'], { [PROGRESS_ENV]: progress });
    expect(fourth.stdout).toMatch(/✘ exits-after-client[\s\S]*hint 1\/2: [\s\S]*hint 2\/2: /);
    const fifth = await runGrader(['stage-1', '--hint'], { [PROGRESS_ENV]: progress });
    expect(fifth.stdout).toContain(
      'No more hints for uppercases: the reference solution is solutions/stage-1/server.ts.',
    );
  });

  test('properties not judged have no ladder to climb: --hint says when listens has no more', async () => {
    const progress = join(dir, 'not-judged.json');
    // It listens on a port of its own (held for it here, so no other grader takes it), never PORT.
    const own = await freePort();
    try {
      const env = { [PROGRESS_ENV]: progress, SOCKET_LAB_FIXTURE_PORT: String(own) };
      const args = ['stage-2', '--file', fixture('hostile/ignores-port.ts'), '--hint'];
      const second = await runGrader(args, env);
      expect(second.stdout).toMatch(/✘ listens[\s\S]*hint 2\/2: /);
      const third = await runGrader(args, env);
      expect(third.stdout).toContain('No more hints for listens');
    } finally {
      releasePort(own);
    }
  });

  test("only the learner's own server counts as progress", async () => {
    const progress = join(dir, 'solution-only.json');
    await runGrader(['stage-1', '--solution'], { [PROGRESS_ENV]: progress });
    expect(JSON.parse(await readFile(progress, 'utf8')).stages['stage-1']).toBeUndefined();
  });

  test("--hint on a --file or --cmd subject climbs that subject's ladder, never the learner's", async () => {
    const file = join(dir, 'subjects.json');
    const progress = loadProgress(file);
    recordResult(progress, 'stage-2', { held: 5, total: 7, failing: ['many-messages', 'split-character'], at: 't' });
    stageProgress(progress, 'stage-2').hintsShown = { 'many-messages': 1, 'split-character': 1 };
    saveProgress(progress, file);
    const learner = structuredClone(progress.stages);
    const server = join(dir, 'classmate.mts'); // .mts: ESM, with no package.json near it
    await copyFile(join(ROOT, 'stages/stage-2/server.ts'), server);
    const env = { [PROGRESS_ENV]: file, INIT_CWD: ROOT };
    const byFile = await runGrader(['stage-2', '--file', server, '--hint'], env);
    expect(byFile.stdout).toMatch(/✘ many-messages[\s\S]*hint 2\/2:/);
    expect(byFile.stdout).not.toContain('What you learned');
    const byCmd = await runGrader(['stage-2', '--cmd', `node --import tsx ${server}`, '--hint'], env);
    expect(byCmd.stdout).toMatch(/✘ many-messages[\s\S]*hint 2\/2:/);
    const remembered = loadProgress(file);
    expect(remembered.stages).toEqual(learner);
    expect(Object.keys(remembered.others ?? {}).sort()).toEqual([
      `--cmd ${JSON.stringify(`node --import tsx ${server}`)} in .`,
      `--file ${server}`,
    ]);
    expect(renderProgress('en', false, { [PROGRESS_ENV]: file })).toContain(
      '✘ stage-2 · communication loop: failing 2 of 7, best 5/7',
    );
  });
});

void fixture;

// npm run reset: the starter comes back, and the learner's file is kept beside it, byte for byte. Every
// test works on a copy of the course's layout in a temporary folder, never on the real stages/.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { STAGES } from '../course/catalogue.ts';
import { RESET_ROOT_ENV, resetCommand } from '../reset/command.ts';
import { reset } from '../reset/restore.ts';
import { blobId, STARTER_BLOBS } from '../reset/starters.ts';
import { command, ROOT } from './run-grader.ts';

const starterOf = (n: number) => readFileSync(join(ROOT, `stages/stage-${n}/server.ts`));
/** Their work, with bytes a careless copy would change: CRLF, a non-UTF-8 byte, no final newline. */
const THEIRS = Buffer.concat([Buffer.from('// my loop\r\nconst x = "ü";'), Buffer.from([0xff]), Buffer.from('x')]);

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** The course's stage files in a temporary folder; with git, committed as a fresh clone holds them. */
function course(git: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'reset-test-'));
  roots.push(root);
  for (const stage of STAGES) {
    mkdirSync(join(root, 'stages', stage.id), { recursive: true });
    writeFileSync(join(root, stage.starter), readFileSync(join(ROOT, stage.starter)));
  }
  if (git) commit(root, 'the course');
  return root;
}

function commit(root: string, message: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  if (!existsSync(join(root, '.git'))) git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=Learner', '-c', 'user.email=learner@example.com', 'commit', '-q', '--no-verify', '-m', message);
}

function run(root: string, argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = resetCommand(argv, {
    env: { LANG: 'en_US.UTF-8', ...env, [RESET_ROOT_ENV]: root },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err };
}

const saved = (root: string, n: number) =>
  readdirSync(join(root, `stages/stage-${n}`)).filter((name) => name.endsWith('.bak'));

test('each starter is named by the git blob id of stages/stage-N/server.ts', () => {
  for (const stage of STAGES) {
    const id = blobId(readFileSync(join(ROOT, stage.starter)));
    expect(STARTER_BLOBS[stage.id], `${stage.starter} changed: its id in grader/reset/starters.ts is now ${id}`).toBe(
      id,
    );
  }
});

describe('npm run reset', () => {
  test("restores the starter and keeps the learner's file beside it, byte for byte, and says where", () => {
    const root = course(true);
    writeFileSync(join(root, 'stages/stage-2/server.ts'), THEIRS);
    const { code, out, err } = run(root, ['stage-2']);
    expect([code, err]).toEqual([0, []]);
    const [bak, ...more] = saved(root, 2);
    expect(more).toEqual([]);
    expect(bak).toMatch(/^server\.ts\.\d{8}-\d{6}\.bak$/);
    expect(out).toEqual([
      `stages/stage-2/server.ts is the starter again. Your file is kept, unchanged, as stages/stage-2/${bak}.`,
    ]);
    expect(readFileSync(join(root, 'stages/stage-2', bak ?? ''))).toEqual(THEIRS);
    expect(readFileSync(join(root, 'stages/stage-2/server.ts'))).toEqual(starterOf(2));
  });

  test('finds the starter in the history after the learner committed their own work, and speaks Chinese', () => {
    const root = course(true);
    writeFileSync(join(root, 'stages/stage-3/server.ts'), THEIRS);
    commit(root, 'my stage 3');
    const { code, out } = run(root, ['3'], { LANG: 'zh_CN.UTF-8' });
    expect(code).toBe(0);
    const bak = saved(root, 3)[0];
    expect(out).toEqual([`stages/stage-3/server.ts 已恢复为初始代码。你的文件原样保存在 stages/stage-3/${bak}。`]);
    expect(readFileSync(join(root, 'stages/stage-3', bak ?? ''))).toEqual(THEIRS);
    expect(readFileSync(join(root, 'stages/stage-3/server.ts'))).toEqual(starterOf(3));
    // --lang wins over the locale.
    writeFileSync(join(root, 'stages/stage-3/server.ts'), 'again');
    expect(run(root, ['stage-3', '--lang', 'en'], { LANG: 'zh_CN.UTF-8' }).out[0]).toContain('is the starter again');
  });

  test('an untouched starter is left alone, and says so (without git too)', () => {
    const root = course(false);
    for (const lang of ['en', 'zh']) {
      const { code, out } = run(root, ['stage-1', '--lang', lang]);
      expect(code).toBe(0);
      expect(out[0]).toBe(
        lang === 'en'
          ? 'stages/stage-1/server.ts is already the untouched starter: nothing changed.'
          : 'stages/stage-1/server.ts 已经是未改动的初始代码：什么都没有改。',
      );
    }
    // A Windows checkout's line endings are still the untouched starter.
    writeFileSync(join(root, 'stages/stage-1/server.ts'), starterOf(1).toString().replaceAll('\n', '\r\n'));
    expect(run(root, ['stage-1']).out[0]).toContain('already the untouched starter');
    expect(saved(root, 1)).toEqual([]);
  });

  test('a deleted file comes back', () => {
    const root = course(true);
    rmSync(join(root, 'stages/stage-4/server.ts'));
    expect(run(root, ['stage-4'])).toEqual({
      code: 0,
      out: ['stages/stage-4/server.ts was missing: it is the starter again.'],
      err: [],
    });
    expect(readFileSync(join(root, 'stages/stage-4/server.ts'))).toEqual(starterOf(4));
  });

  test('with no git history to take the starter from, nothing changes, and it says why (exit 1)', () => {
    const root = course(false);
    writeFileSync(join(root, 'stages/stage-2/server.ts'), THEIRS);
    for (const lang of ['en', 'zh']) {
      const { code, out, err } = run(root, ['stage-2', '--lang', lang]);
      expect([code, out, err.length]).toEqual([1, [], 1]);
      expect(err[0]).toContain(lang === 'en' ? "The starter of stage-2 can't be found" : '找不到 stage-2 的初始代码');
    }
    expect(readFileSync(join(root, 'stages/stage-2/server.ts'))).toEqual(THEIRS);
    expect(saved(root, 2)).toEqual([]);
  });

  test('two resets in the same second keep both files', () => {
    const root = course(true);
    const at = new Date(2026, 2, 1, 14, 25, 1);
    const stage = STAGES[1];
    if (!stage) throw new Error('no stage-2');
    for (const words of ['first try', 'second try']) {
      writeFileSync(join(root, stage.starter), words);
      reset(root, stage, at);
    }
    expect(saved(root, 2).sort()).toEqual(['server.ts.20260301-142501-2.bak', 'server.ts.20260301-142501.bak']);
    expect(readFileSync(join(root, 'stages/stage-2/server.ts.20260301-142501-2.bak'), 'utf8')).toBe('second try');
  });

  test.runIf(existsSync(join(ROOT, '.git')))(
    "the course's git ignores what reset saves, so it stays out of what the learner pushes",
    () => {
      const ignored = spawnSync('git', ['check-ignore', '-q', 'stages/stage-2/server.ts.20260301-142501.bak'], {
        cwd: ROOT,
      });
      expect(ignored.status).toBe(0);
      const starter = spawnSync('git', ['check-ignore', '-q', 'stages/stage-2/server.ts'], { cwd: ROOT });
      expect(starter.status).toBe(1);
    },
  );

  test.each([
    [
      ['stage-9'],
      'There is no stage "stage-9". Usage: npm run reset -- <stage>, the stage one of stage-1, stage-2, stage-3, stage-4, stage-5.',
    ],
    [
      [],
      'Usage: npm run reset -- <stage> [--lang en|zh], the stage one of stage-1, stage-2, stage-3, stage-4, stage-5.',
    ],
    [['stage-2', 'stage-3'], 'Usage:'],
    [['stage-2', '--force'], 'Usage:'],
    [['stage-2', '--lang', 'fr'], 'Usage:'],
  ])('%j is a one-line usage error (exit 2), and changes nothing', (argv, words) => {
    const root = course(true);
    writeFileSync(join(root, 'stages/stage-2/server.ts'), THEIRS);
    const { code, out, err } = run(root, argv);
    expect([code, out, err.length]).toEqual([2, [], 1]);
    expect(err[0]).toContain(words);
    expect(readFileSync(join(root, 'stages/stage-2/server.ts'))).toEqual(THEIRS);
  });

  test('no such stage, in Chinese', () => {
    expect(run(course(false), ['9'], { LC_ALL: 'zh_CN.UTF-8' }).err).toEqual([
      '没有名为“9”的阶段。用法：npm run reset -- <阶段>，阶段为 stage-1、stage-2、stage-3、stage-4、stage-5 之一。',
    ]);
  });

  test.each([
    [
      ['stag-2', '--lang', 'zh'],
      '没有名为“stag-2”的阶段。你是想写 stage-2 吗？这样运行：npm run reset -- stage-2 --lang zh',
    ],
    [['stag-2'], 'There is no stage "stag-2". Did you mean stage-2? Run it as: npm run reset -- stage-2'],
    // npm run reset stage-2 --lang zh: npm kept --lang, and left zh among the words.
    [
      ['stage-2', 'zh'],
      'npm 把 --lang 当成了它自己的选项，只留下了“zh”：通过 npm 运行时，选项要写在 -- 之后。这样运行：npm run reset -- stage-2 --lang zh',
    ],
  ])('%j: the one line says what went wrong and the command that runs as printed (exit 2)', (argv, line) => {
    const root = course(true);
    writeFileSync(join(root, 'stages/stage-2/server.ts'), THEIRS);
    expect(run(root, argv, { LC_ALL: 'en_US.UTF-8' })).toMatchObject({ code: 2, out: [], err: [line] });
    expect(readFileSync(join(root, 'stages/stage-2/server.ts'))).toEqual(THEIRS);
  });

  test('the command itself: its exit status and its words', () => {
    const root = course(true);
    writeFileSync(join(root, 'stages/stage-2/server.ts'), THEIRS);
    const env = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', [RESET_ROOT_ENV]: root };
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [...command('grader/reset/cli.ts'), ...args], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
      });
    const done = cli('stage-2');
    expect([done.status, done.stderr]).toEqual([0, '']);
    expect(done.stdout).toMatch(/^stages\/stage-2\/server\.ts is the starter again\. .*\.bak\.\n$/);
    const wrong = cli('stage-9');
    expect([wrong.status, wrong.stdout, wrong.stderr.split('\n').length]).toEqual([2, '', 2]);
  });
});

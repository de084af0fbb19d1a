// The command line as a contract: usage errors exit 2 and say what to do, --json prints one object of
// the agreed shape, and the human report shows the bytes, the wire and a hint.
import { describe, expect, test } from 'vitest';
import { trafficFor } from '../course/traffic.ts';
import { fixture, parseReport, runGrader } from './run-grader.ts';

const POINTER = {
  en: 'Usage: npm run grade -- <stage> [options]; all options: npm run grade -- --help',
  zh: '用法：npm run grade -- <阶段> [选项]；全部选项：npm run grade -- --help',
};

describe.concurrent('usage', () => {
  test.each([
    { args: [], says: 'Which stage? Name one.' },
    {
      args: ['stage-9'],
      says: 'There is no stage "stage-9". The stages are: stage-1, stage-2, stage-3, stage-4, stage-5.',
    },
    { args: ['1', '2'], says: 'One stage at a time' },
    { args: ['1', '--solution', '--cmd', 'python3 x.py'], says: 'Choose one subject: --solution or --cmd.' },
    { args: ['1', '--bogus'], says: 'There is no option --bogus.' },
    { args: ['1', '--lang', 'fr'], says: '--lang takes en or zh, not "fr".' },
    { args: ['1', '--file'], says: '--file needs a value right after it.' },
    { args: ['1', '--batch', '--json'], says: '--batch needs a value right after it.' },
  ])('$args → exit 2: $says', async ({ args, says }) => {
    const run = await runGrader(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    // The one line that matters, and a pointer to the rest: not the whole usage.
    const [line, pointer, ...rest] = run.stderr.split('\n');
    expect(line).toContain(says);
    expect(pointer).toBe(POINTER.en);
    expect(rest).toEqual(['']);
  });

  test.each([
    {
      args: ['stag-2'],
      // The command as meant, in the language asked for: it runs as printed.
      en: 'There is no stage "stag-2". Did you mean stage-2? Run it as: npm run grade -- stage-2 --lang {lang}',
      zh: '没有名为“stag-2”的阶段。你是想写 stage-2 吗？这样运行：npm run grade -- stage-2 --lang {lang}',
    },
    {
      args: ['2', '--jsn'],
      en: 'There is no option --jsn. Did you mean --json?',
      zh: '没有 --jsn 这个选项。你是想写 --json 吗？',
    },
    { args: ['1', '--bogus'], en: 'There is no option --bogus.', zh: '没有 --bogus 这个选项。' },
  ])('$args → exactly two lines, in both languages: $en', async ({ args, en, zh }) => {
    const english = await runGrader([...args, '--lang', 'en']);
    expect(english.code).toBe(2);
    expect(english.stderr).toBe(`${en.replace('{lang}', 'en')}\n${POINTER.en} --lang en\n`);
    // Answered in the language asked for, even when it is asked for after the mistake; the help it
    // points to comes in that language too.
    const chinese = await runGrader([...args, '--lang', 'zh']);
    expect(chinese.code).toBe(2);
    expect(chinese.stderr).toBe(`${zh.replace('{lang}', 'zh')}\n${POINTER.zh} --lang zh\n`);
  });

  test('stage2 names stage-2, as stage-2 and 2 do', async () => {
    // A missing file is refused after the stage is found: the stage was accepted.
    const run = await runGrader(['stage2', '--file', 'no/such/server.ts']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('There is no file at');
  });

  test.each([
    { args: ['1', '--file', 'no/such/server.ts'], says: 'There is no file at' },
    { args: ['1', '--file', 'package.json'], says: "Can't run package.json: the grader runs files ending in .ts" },
    { args: ['1', '--file', 'grader'], says: 'is a folder, not a server file' },
    { args: ['1', '--cmd', '  '], says: 'The command after --cmd is empty' },
  ])('a subject that cannot be started: $args → exit 2: $says', async ({ args, says }) => {
    const run = await runGrader(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(says);
    expect(run.orphans).toEqual([]);
    expect(run.leftovers).toEqual([]);
  });

  test('--help prints usage and exits 0, in Chinese with --lang zh', async () => {
    const en = await runGrader(['--help']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Exit status: 0 every property holds, 1 some fail, 2 usage error');
    expect(en.stdout).toContain('--junit <file>');
    const zh = await runGrader(['--help', '--lang', 'zh']);
    expect(zh.stdout).toContain('用法：npm run grade -- <阶段>');
    // Its examples ask for the language again, so that each runs as printed in any locale.
    expect(zh.stdout).toContain('例如：npm run grade -- stage-2 --lang zh\n');
    expect(zh.stdout).toContain('npm run grade -- 3 --cmd "python3 server.py" --lang zh\n');
    expect(en.stdout).toContain('Examples: npm run grade stage-2\n');
  });

  test('the one-more-hint line of a --cmd grade is the command, quoted to run as printed', async () => {
    // A shell comment carries the single quote: the server runs as usual, the quoting is put to the test.
    const command = `node --import tsx ${fixture('stage-1/adds-newline.ts')} # it's mine`;
    const run = await runGrader(['stage-1', '--cmd', command, '--seed', '7']);
    expect(run.code).toBe(1);
    const quoted = `'${command.replaceAll("'", "'\\''")}'`;
    expect(run.stdout).toContain(`one more hint: npm run grade -- stage-1 --cmd ${quoted} --hint\n`);
    expect(run.orphans).toEqual([]);
  });

  test('the command that fixes flags npm kept runs as printed: a value with spaces is quoted', async () => {
    // `npm run grade stage-1 --cmd "python3 my server.py"`: npm takes --cmd, its value is left behind.
    const run = await runGrader(['stage-1', 'python3 my server.py'], {
      npm_lifecycle_event: 'grade',
      npm_config_cmd: 'true',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "npm kept --cmd for itself: the grader's options go after --, like this: npm run grade -- stage-1 --cmd 'python3 my server.py'\n" +
        `${POINTER.en}\n`,
    );
  });

  test('npm takes --lang for switches of its own and leaves zh: the fix puts it back, in Chinese', async () => {
    // `npm run grade stage-2 --hint --lang zh`: npm keeps --hint, reads --lang as -l -a -n -g, leaves zh.
    const run = await runGrader(['stage-2', 'zh'], {
      npm_lifecycle_event: 'grade',
      npm_config_hint: 'true',
      npm_config_long: 'true',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('npm run grade -- stage-2 --hint --lang zh\n');
    expect(run.stderr).toMatch(/^npm 把 --hint 当成了它自己的选项/);
  });

  test('a stage name with a typo is corrected in the command the fix prints, so it runs as printed', async () => {
    // `npm run grade stag-2 --lang zh`: npm reads --lang as its own switches and leaves zh.
    const run = await runGrader(['stag-2', 'zh'], { npm_lifecycle_event: 'grade', npm_config_long: 'true' });
    expect(run.code).toBe(2);
    // The typo is said first; the command ends its line, with no full stop to copy with it.
    expect(run.stderr).toMatch(/^没有名为“stag-2”的阶段。你是想写 stage-2 吗？/);
    expect(run.stderr).toContain('npm run grade -- stage-2 --lang zh\n');
  });

  test('a word after the stage that is not a language is not offered as one', async () => {
    const run = await runGrader(['stage-2', 'server.ts']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('what is "server.ts"?');
    expect(run.stderr).not.toContain('--lang server.ts');
  });
});

describe.concurrent('reports', () => {
  test('--json prints exactly one object of the contract shape', async () => {
    const run = await runGrader(['1', '--solution', '--json']);
    const report = parseReport(run);
    expect(Object.keys(report)).toEqual([
      'stage',
      'subject',
      'seed',
      'passed',
      'startMs',
      'platformNote',
      'sandboxNote',
      'properties',
    ]);
    // Linux serves every check: no note (elsewhere, the line at the top of the human report). Not
    // sandboxed: nothing to say of a sandbox.
    expect(report).toMatchObject({
      stage: 'stage-1',
      subject: 'solutions/stage-1/server.ts',
      passed: true,
      platformNote: null,
      sandboxNote: null,
    });
    expect(report.properties.map((p) => p.id)).toEqual([
      'listens',
      'uppercases',
      'closes-after-reply',
      'exits-after-client',
    ]);
    for (const p of report.properties) {
      expect(Object.keys(p)).toEqual(['id', 'title', 'status', 'message', 'hint', 'durationMs']);
      expect(p).toMatchObject({ status: 'pass', message: '', hint: '' });
      expect(Number.isInteger(p.durationMs)).toBe(true);
    }
  });

  test('a failure shows the bytes escaped, the wire story and a hint, without colour when piped', async () => {
    const run = await runGrader(['stage-1', '--file', fixture('stage-1/adds-newline.ts'), '--seed', '7']);
    // The greeting of seed 7, which ends in an é: toUpperCase() turns it into É, and adds a newline.
    const greeting = trafficFor(7).greeting.toString();
    const upper = greeting.replace(/[a-z]/g, (c) => c.toUpperCase());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✘ uppercases');
    expect(run.stdout).toContain(`expected  "${upper}"`);
    expect(run.stdout).toContain(`received  "${upper.replace('é', 'É')}\\n"`);
    expect(run.stdout).toContain(`first difference at byte ${Buffer.byteLength(greeting) - 1}`);
    expect(run.stdout).toContain(`→ "${greeting}"`);
    // The one-shot server has exited, as it should: that is not what the hint is about.
    expect(run.stdout).toContain('hint 1/2: Compare the expected and received bytes above');
    expect(run.stdout).not.toContain('no longer running');
    expect(run.stdout).toContain('3/4 properties hold. Start with uppercases, then grade again.');
    expect(run.stdout).not.toContain('\u001b[');
  });

  test("each failure's first hint is about its cause: the server being gone, only where that is why", async () => {
    const report = parseReport(await runGrader(['stage-3', '--json']));
    const hint = (id: string) => report.properties.find((p) => p.id === id)?.hint ?? '';
    expect(hint('empty-session')).toMatch(/^Your server is no longer running \(it exited with status 0\)/);
    expect(hint('no-fd-leak')).toMatch(/^Your server is no longer running/);
    // Properties whose own hints tell that story keep them.
    expect(hint('next-client')).toMatch(/^Client A left normally, then B came and waited/);
    // The starter crashes on the reset (status 1): the crash story is the right lead.
    expect(hint('survives-reset')).toMatch(/^Client A hung up abruptly/);
    // A server that simply ended (status 0) after one client did not crash: that story would mislead.
    const ended = parseReport(await runGrader(['stage-3', '--file', fixture('class/emil/server.mjs'), '--json']));
    const endedHint = (id: string) => ended.properties.find((p) => p.id === id)?.hint ?? '';
    expect(endedHint('survives-reset')).toMatch(/^Your server is no longer running \(it exited with status 0\)/);
    expect(endedHint('next-client')).toMatch(/^Client A left normally, then B came and waited/);
  });

  test('the report speaks Chinese when asked, or when the locale is Chinese', async () => {
    const asked = await runGrader(['1', '--solution', '--lang', 'zh']);
    expect(asked.stdout).toContain('4 项中 4 项成立。本阶段通过！');
    const locale = await runGrader(['1', '--solution'], { LANG: 'zh_CN.UTF-8' });
    expect(locale.stdout).toContain('一次性服务器');
  });

  test('--cmd replaces {port} in the command and sets PORT', async () => {
    // Were {port} left as is, the server would read PORT="{port}" and crash.
    const run = await runGrader(['1', '--cmd', `PORT={port} python3 ${fixture('stage-1/one_shot.py')}`, '--json']);
    expect(parseReport(run).passed).toBe(true);
  });
});

// The hands-on client's pure parts: what a typed line means, escapes, the command line, output lines.
import { describe, expect, test } from 'vitest';
import { type Input, parseEscapes, parseInput } from '../hands-on/commands.ts';
import { say } from '../hands-on/messages.ts';
import { OptionsError, parseOptions } from '../hands-on/options.ts';
import { LANGS } from '../i18n/text.ts';
import { escapeBytes } from '../report/bytes.ts';
import { LineSplitter } from '../subject/lines.ts';

const b = (text: string) => Buffer.from(text, 'utf8');

describe('parseInput', () => {
  test.each<[string, Input]>([
    ['', { kind: 'empty' }],
    ['hello', { kind: 'send', bytes: b('hello') }],
    // Sent as typed: spaces kept, backslashes are just backslashes, nothing added.
    ['  two words \\n ', { kind: 'send', bytes: b('  two words \\n ') }],
    ['你好', { kind: 'send', bytes: b('你好') }],
    [' :fin', { kind: 'send', bytes: b(' :fin') }],
    [':help', { kind: 'help' }],
    [':h', { kind: 'help' }],
    [':?', { kind: 'help' }],
    [':fin', { kind: 'fin' }],
    [':FIN', { kind: 'fin' }],
    [':fin ', { kind: 'fin' }],
    [':rst', { kind: 'rst' }],
    [':reset', { kind: 'rst' }],
    [':reconnect', { kind: 'reconnect' }],
    [':quit', { kind: 'quit' }],
    [':q', { kind: 'quit' }],
    [':exit', { kind: 'quit' }],
    [':several one | two', { kind: 'several', parts: [b('one'), b('two')] }],
    [':several a|b|c', { kind: 'several', parts: [b('a'), b('b'), b('c')] }],
    [':several just one', { kind: 'several', parts: [b('just one')] }],
    [':raw caf\\xc3\\xa9\\n', { kind: 'raw', bytes: Buffer.from([0x63, 0x61, 0x66, 0xc3, 0xa9, 0x0a]) }],
    // One space separates the command from its argument; the rest is the argument, spaces and all.
    [':raw  x ', { kind: 'raw', bytes: b(' x ') }],
    [':raw :fin', { kind: 'raw', bytes: b(':fin') }],
    [':nope', { kind: 'invalid', problem: { code: 'unknown-command', name: 'nope' } }],
    [':', { kind: 'invalid', problem: { code: 'unknown-command', name: '' } }],
    ['::x', { kind: 'invalid', problem: { code: 'unknown-command', name: ':x' } }],
    [':raw', { kind: 'invalid', problem: { code: 'needs-argument', name: 'raw' } }],
    [':several', { kind: 'invalid', problem: { code: 'needs-argument', name: 'several' } }],
    [':several   ', { kind: 'invalid', problem: { code: 'needs-argument', name: 'several' } }],
    [':several a || b', { kind: 'invalid', problem: { code: 'empty-part', index: 2 } }],
    [':several a |', { kind: 'invalid', problem: { code: 'empty-part', index: 2 } }],
    [':fin now', { kind: 'invalid', problem: { code: 'no-argument', name: 'fin' } }],
    [':raw \\q', { kind: 'invalid', problem: { code: 'unknown-escape', sequence: '\\q' } }],
    [':header 5', { kind: 'invalid', problem: { code: 'framed-only', name: 'header' } }],
  ])('%j', (line, expected) => {
    expect(parseInput(line)).toEqual(expected);
  });

  // Stage 5: each message framed with its length, so an empty one is a message too.
  test.each<[string, Input]>([
    ['', { kind: 'send', bytes: b('') }],
    ['hello', { kind: 'send', bytes: b('hello') }],
    [':several a || b', { kind: 'several', parts: [b('a'), b(''), b('b')] }],
    [':header 5', { kind: 'header', length: 5 }],
    [':header 1_048_577', { kind: 'header', length: 1_048_577 }],
    [':header 4294967295', { kind: 'header', length: 0xffff_ffff }],
    [':header', { kind: 'invalid', problem: { code: 'needs-argument', name: 'header' } }],
    [':header 4294967296', { kind: 'invalid', problem: { code: 'bad-length', text: '4294967296' } }],
    [':header -1', { kind: 'invalid', problem: { code: 'bad-length', text: '-1' } }],
    [':raw \\0\\0', { kind: 'raw', bytes: Buffer.from([0, 0]) }],
  ])('framed: %j', (line, expected) => {
    expect(parseInput(line, true)).toEqual(expected);
  });
});

describe('parseEscapes', () => {
  test.each<[string, number[]]>([
    ['abc', [0x61, 0x62, 0x63]],
    ['\\n\\r\\t', [0x0a, 0x0d, 0x09]],
    ['\\\\', [0x5c]],
    ['\\"', [0x22]],
    ['\\0', [0x00]],
    ['\\x00\\xff\\xAb', [0x00, 0xff, 0xab]],
    ['caf\\xc3\\xa9', [0x63, 0x61, 0x66, 0xc3, 0xa9]],
    ['é', [0xc3, 0xa9]],
    ['\\u{e9}', [0xc3, 0xa9]],
    ['\\u{1F600}', [0xf0, 0x9f, 0x98, 0x80]],
    ['😀', [0xf0, 0x9f, 0x98, 0x80]],
    ['a\\\\nb', [0x61, 0x5c, 0x6e, 0x62]],
    ['', []],
  ])('%j', (text, bytes) => {
    expect(parseEscapes(text)).toEqual({ ok: true, bytes: Buffer.from(bytes) });
  });

  test.each([
    ['\\', { code: 'dangling-backslash' }],
    ['abc\\', { code: 'dangling-backslash' }],
    ['\\q', { code: 'unknown-escape', sequence: '\\q' }],
    ['\\😀', { code: 'unknown-escape', sequence: '\\😀' }],
    ['\\x', { code: 'bad-hex', sequence: '\\x' }],
    ['\\x4', { code: 'bad-hex', sequence: '\\x4' }],
    ['\\xzz', { code: 'bad-hex', sequence: '\\xzz' }],
    ['\\u00e9', { code: 'bad-code-point', sequence: '\\u00' }],
    ['\\u{}', { code: 'bad-code-point', sequence: '\\u{}' }],
    ['\\u{d800}', { code: 'bad-code-point', sequence: '\\u{d800}' }],
    ['\\u{110000}', { code: 'bad-code-point', sequence: '\\u{110000}' }],
  ])('%j is refused', (text, problem) => {
    expect(parseEscapes(text)).toEqual({ ok: false, problem });
  });

  test('reads back whatever escapeBytes shows, so a reply can be sent back as it reads', () => {
    const samples = [
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      b('line one\nline "two"\t\\ 你好 \ufffd'),
      Buffer.from([0xe4, 0xbd, 0x0a, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
    ];
    for (const bytes of samples) {
      const parsed = parseEscapes(escapeBytes(bytes));
      expect(parsed).toEqual({ ok: true, bytes });
    }
  });
});

describe('parseOptions', () => {
  test.each([
    [['--port', '5000'], { kind: 'port', port: 5000 }],
    [['--port', '5000', '--host', '::1'], { kind: 'port', port: 5000, host: '::1' }],
    [['stage-2'], { kind: 'start', subject: { kind: 'starter' } }],
    [['2', '--solution'], { kind: 'start', subject: { kind: 'solution' } }],
    [['--file', 'x.py'], { kind: 'start', subject: { kind: 'file', path: 'x.py' } }],
  ])('%j', (argv, target) => {
    const options = parseOptions(argv);
    expect(options.help).toBe(false);
    if (!options.help) expect(options.target).toMatchObject(target);
  });

  test.each([
    [['stage-5'], true],
    [['5', '--file', 'x.ts'], true],
    [['--port', '5000', '--framed'], true],
    [['--file', 'x.ts', '--framed'], true],
    [['stage-4'], false],
    [['--port', '5000'], false],
  ])('%j speaks in frames: %s', (argv, framed) => {
    expect(parseOptions(argv)).toMatchObject({ help: false, framed });
  });

  test('a stage is found by number or name', () => {
    const options = parseOptions(['3', '--lang', 'zh']);
    expect(options).toMatchObject({ help: false, lang: 'zh', target: { kind: 'start', stage: { id: 'stage-3' } } });
    expect(parseOptions(['stage2'])).toMatchObject({ target: { kind: 'start', stage: { id: 'stage-2' } } });
  });

  test('after a refusal, a pointer to the usage stands in for the whole of it', () => {
    expect(say.usagePointer()).toEqual({
      en: 'Usage: npm run client -- <stage> | --port <port>; all options: npm run client -- --help',
      zh: '用法：npm run client -- <阶段> | --port <端口>；全部选项：npm run client -- --help',
    });
  });

  test.each([
    [[], 'Which server?'],
    [['--port', 'http'], '--port takes a port number'],
    [['--port', '70000'], '--port takes a port number'],
    [['--port', '5000', 'stage-2'], 'Choose one of the two'],
    [['--host', '::1'], '--host goes with --port'],
    [['stage-9'], 'There is no stage "stage-9"'],
    [['--solution'], 'name the stage'],
    [['2', '--solution', '--file', 'x.ts'], 'Choose one server'],
    [['2', '3'], 'One stage at a time'],
    [['--lang', 'fr', '2'], '--lang takes en or zh'],
    [['--bogus'], 'There is no option --bogus.'],
    [['stag-2'], 'There is no stage "stag-2". Did you mean stage-2?'],
    [['2', '--prt', '5000'], 'There is no option --prt. Did you mean --port?'],
  ])('%j is refused', (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(OptionsError);
    expect(() => parseOptions(argv)).toThrow(message);
  });

  test('a refusal keeps the language asked for, so it can be said in it', () => {
    try {
      parseOptions(['--lang', 'zh', 'stage-9']);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(OptionsError);
      expect((err as OptionsError).lang).toBe('zh');
    }
  });
});

test('server output is split into lines as they complete, a character split across chunks intact', () => {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line));
  const text = b('listening\r\n你好\nno newline');
  for (let i = 0; i < text.length; i++) splitter.push(text.subarray(i, i + 1));
  expect(lines).toEqual(['listening', '你好']);
  splitter.flush();
  expect(lines).toEqual(['listening', '你好', 'no newline']);
});

test('every message is written in both languages: the Chinese is Chinese, not a copy of the English', () => {
  const exit = { code: 0, signal: null };
  const problems = [
    { code: 'unknown-command', name: 'x' },
    { code: 'needs-argument', name: 'raw' },
    { code: 'needs-argument', name: 'several' },
    { code: 'no-argument', name: 'fin' },
    { code: 'empty-part', index: 2 },
    { code: 'unknown-escape', sequence: '\\q' },
    { code: 'bad-hex', sequence: '\\x' },
    { code: 'bad-code-point', sequence: '\\u' },
    { code: 'dangling-backslash' },
    { code: 'needs-argument', name: 'header' },
    { code: 'framed-only', name: 'header' },
    { code: 'bad-length', text: 'x' },
  ] as const;
  const texts = [
    say.serverLabel,
    say.whatNow,
    say.usage(),
    say.usagePointer(),
    say.badPort('x'),
    say.badLang('x'),
    say.noTarget(),
    say.portAndServer(),
    say.hostWithoutPort(),
    say.solutionAndFile(),
    say.tooManyStages('x'),
    say.unknownStage('x', 'y'),
    say.unknownStageDidYouMean('x', 'y'),
    say.solutionNeedsStage(),
    say.notATerminal(),
    say.starting('x', 1),
    say.exitedBeforeListening(exit),
    say.connected('h', 1, 2),
    say.welcome(false),
    say.welcome(true),
    say.refused('h', 1),
    say.refusedOwnServer(1, null),
    say.refusedOwnServer(1, exit),
    say.connectFailed('h', 1, 'ETIMEDOUT'),
    say.prompt('h', 1),
    say.help(false),
    say.help(true),
    say.sentFrames([b('a')], b('\0\0\0\x01a')),
    say.sentFrames([b('a'), b('')], b('')),
    say.sentHeader(5),
    say.frameReply(b('5:HELLO'), 3),
    say.framePartial(2, null),
    say.framePartial(6, 7),
    say.notTheReply(b('hello'), b('5:HELLO')),
    say.framedLesson(2, 2),
    say.framedLesson(2, 1),
    say.empty(),
    ...problems.map((p) => say.problem(p)),
    say.sent(b('x')),
    say.sentSeveral([b('a'), b('b')], b('ab')),
    say.reply(b('x'), 1),
    say.pieces(2),
    say.piece(1, 2, b('x')),
    say.noReply(1),
    say.severalLesson(2, 1),
    say.severalLesson(2, 2),
    say.finSent(),
    say.finSentLast(),
    say.finAfterFin(1),
    say.noFinYet(1),
    say.rstSent(),
    say.serverClosed(),
    say.serverReset('ECONNRESET'),
    say.serverReset('EPIPE'),
    say.serverReset('ETIMEDOUT'),
    say.late(b('x')),
    say.cannotSend('fin-sent'),
    say.cannotSend('closed'),
    say.afterServerFin(),
    say.notConnectedForFin(),
    say.finAlreadySent(),
    say.notConnectedForRst(),
    say.closingOld(),
    say.serverExited(exit),
    say.bye(),
    say.interrupted(),
    say.endOfInput(),
    say.crashed(),
  ];
  for (const text of texts) {
    for (const lang of LANGS) expect(text[lang]).toMatch(/\S/);
    expect(text.zh, text.en).toMatch(/[\u4e00-\u9fff]/);
  }
});

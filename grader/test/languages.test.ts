// Every word a learner reads exists in English and in Chinese. A message added without its sample call
// here fails the first test: add one.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { usage } from '../cli/args.ts';
import type { ScriptedClient } from '../client/scripted-client.ts';
import { STAGES } from '../course/catalogue.ts';
import { SITUATION_HINTS } from '../course/properties/concurrency.ts';
import { FRAMING_HINTS } from '../course/properties/framing.ts';
import { en } from '../i18n/en.ts';
import { type Entry, holesOf } from '../i18n/entry.ts';
import { GLOSSARY, halfWidthInChinese, misusedTerms } from '../i18n/glossary.ts';
import { say } from '../i18n/messages.ts';
import { CATALOGUES, t } from '../i18n/t.ts';
import type { Text } from '../i18n/text.ts';
import { idOfWords } from '../progress/migrate.ts';
import { renderProgress } from '../progress/render.ts';
import { describeStatus } from '../progress/status.ts';
import { PROGRESS_ENV } from '../progress/store.ts';
import { explainStartupError } from '../subject/friendly-errors.ts';

const client = { name: 'B', resetReceived: false, finReceived: false } as ScriptedClient;
const exited = { code: 1, signal: null };

const SAMPLES: Record<keyof typeof say, Text[]> = {
  exitStatus: [
    say.exitStatus(exited),
    say.exitStatus({ code: null, signal: 'SIGTERM' }),
    say.exitStatus({ code: null, signal: null, error: 'spawn x ENOENT' }),
    say.exitStatus({ code: null, signal: 'SIGKILL', memory: { usedMiB: 600, capMiB: 512 } }),
  ],
  andExited: [say.andExited(exited)],
  exitedBeforeListening: [say.exitedBeforeListening(exited)],
  neverListened: [
    say.neverListened(5000, 5210, 5000, 23456),
    say.neverListened(5000, 30000, 900, 23456),
    say.neverListened(5000, 5000, 0, 23456),
  ],
  listensOnlySometimesHint: [say.listensOnlySometimesHint()],
  slowStart: [say.slowStart(2345)],
  asleepNotListening: [say.asleepNotListening(1200, 23456)],
  wrongPort: [
    say.wrongPort([{ address: '0.0.0.0', port: 8888 }], 23456, 'node'),
    say.wrongPort([{ address: '0.0.0.0', port: 8888 }], 23456, 'python'),
    say.wrongPort([{ address: '10.0.0.5', port: 23456 }], 23456, 'other'),
  ],
  triedOtherPort: [say.triedOtherPort(8888, 23456, 'node'), say.triedOtherPort(8888, 23456, 'python')],
  connectFailed: [
    say.connectFailed('B', 'ECONNREFUSED', exited, 23456),
    say.connectFailed('B', 'ECONNREFUSED', null, 23456),
    say.connectFailed('B', 'ETIMEDOUT', null, 23456),
    say.connectFailed('B', 'EHOSTUNREACH', null, 23456),
  ],
  noReply: [
    say.noReply(client, 1000, null),
    say.noReply({ ...client, finReceived: true } as ScriptedClient, 1000, exited),
    say.noReply({ ...client, resetReceived: true } as ScriptedClient, 1000, null),
  ],
  noReplyHint: [say.noReplyHint()],
  spinningHint: [say.spinningHint()],
  backlogFullHint: [say.backlogFullHint()],
  toUpperCaseHint: [say.toUpperCaseHint()],
  serverGoneHint: [say.serverGoneHint(exited, true), say.serverGoneHint(exited, false)],
  stoppedListeningHint: [say.stoppedListeningHint()],
  otherPortHint: [say.otherPortHint()],
  exitStatusHint: [say.exitStatusHint(exited)],
  pastTimeCap: [say.pastTimeCap(60)],
  noReplyHintFor: [say.noReplyHintFor('python'), say.noReplyHintFor('other')],
  andStoppedForMemory: [
    say.andStoppedForMemory(
      { en: 'No reply.', zh: '没有回复。' },
      { code: null, signal: 'SIGKILL', memory: { usedMiB: 600, capMiB: 512 } },
    ),
  ],
  pastTimeCapHint: [say.pastTimeCapHint()],
  noFinYet: [say.noFinYet('A', 500)],
  wrongReply: [say.wrongReply({ en: 'Message 2', zh: '第 2 条消息' })],
  notJudged: [say.notJudged()],
  needsProc: [say.needsProc()],
};

function bothLanguages(text: Text, where: string): void {
  expect(text.en.trim(), where).not.toBe('');
  expect(text.zh.trim(), where).not.toBe('');
  expect(text.zh, where).not.toBe(text.en);
  // Chinese text has Chinese in it, not just a copy of the English with an id or two.
  expect(/[\u4e00-\u9fff]/.test(text.zh), `${where}: ${text.zh}`).toBe(true);
}

describe('every message in both languages', () => {
  test('every shared sentence has a sample here', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(say).sort());
  });

  test.each(Object.entries(SAMPLES))('say.%s', (name, texts) => {
    for (const text of texts) bothLanguages(text, name);
  });

  test('first hints for particular failures', () => {
    for (const [i, text] of [...SITUATION_HINTS, ...FRAMING_HINTS].entries())
      bothLanguages(text, `situation hint ${i}`);
  });

  test('stages: titles and what they teach', () => {
    for (const stage of STAGES) {
      bothLanguages(stage.title, `${stage.id} title`);
      bothLanguages(stage.learned, `${stage.id} learned`);
    }
  });

  test('start-up error explanations', () => {
    for (const stderr of [
      'Top-level await is currently not supported with the "cjs" output format',
      'SyntaxError: x',
      'ERR_MODULE_NOT_FOUND',
      'ERR_SOCKET_BAD_PORT',
    ]) {
      const text = explainStartupError(stderr);
      expect(text, stderr).not.toBeNull();
      if (text) bothLanguages(text, stderr);
    }
  });

  test('statuses and usage', () => {
    for (const status of [
      { kind: 'not-tried' },
      { kind: 'failing', held: 1, total: 4 },
      { kind: 'passed', attempts: 2 },
    ] as const) {
      bothLanguages(describeStatus(status), status.kind);
    }
    bothLanguages({ en: usage('en'), zh: usage('zh') }, 'usage');
  });
});

describe('the catalogues', () => {
  const ids = Object.keys(en).sort();
  /** Words the same in both languages on purpose: a CLI flag's name, a flag's value that is a unit or a choice. */
  const SAME_IN_BOTH = new Set(['report.seed', 'flags.value.mib', 'flags.value.lang']);

  test('every id in both languages, and no other', () => {
    expect(Object.keys(CATALOGUES.zh).sort()).toEqual(ids);
  });

  test.each(ids)('%s: the same placeholders in both languages, and words in each', (id) => {
    const [inEn, inZh] = [CATALOGUES.en, CATALOGUES.zh].map((c) => c[id as keyof typeof en]) as [Entry, Entry];
    expect(holesOf(inZh), id).toEqual(holesOf(inEn));
    // A plural entry names its count (so t() is called with one) and has a form for it in each category.
    if (typeof inEn === 'object') expect(inEn.one, id).toBeDefined();
    for (const form of [inEn, inZh].flatMap((e) => (typeof e === 'string' ? [e] : [e.one ?? '', e.other]))) {
      if (!id.startsWith('sep.')) expect(form.trim(), id).not.toBe('');
    }
    if (!SAME_IN_BOTH.has(id)) expect(JSON.stringify(inZh), id).not.toBe(JSON.stringify(inEn));
  });

  test('a plural entry picks its form by count, in each language', () => {
    expect(t('status.passed', { count: 1 })).toEqual({ en: 'passed (1 grade)', zh: '已通过（评分 1 次）' });
    expect(t('status.passed', { count: 2 })).toEqual({ en: 'passed (2 grades)', zh: '已通过（评分 2 次）' });
  });

  test('a Text placeholder is filled in the language being built; numbers print as they are', () => {
    const status = say.exitStatus({ code: 1, signal: null });
    expect(t('say.and-exited', { status })).toEqual({
      en: `; the server process ${status.en}`,
      zh: `；服务器进程${status.zh}`,
    });
    expect(t('say.slow-start', { seconds: (2345 / 1000).toFixed(1) }).en).toContain('took 2.3 s');
  });

  test('call sites are checked by type: no unknown placeholder, none missing', () => {
    // @ts-expect-error: 'port' is not a placeholder of this sentence (tsc fails if this call compiles)
    t('say.slow-start', { seconds: '1', port: 1 });
    // @ts-expect-error: 'seconds' is missing
    t('say.slow-start', {});
    expect(true).toBe(true);
  });

  test('the texts inside properties come from the catalogues too', () => {
    for (const stage of STAGES)
      for (const property of stage.properties) {
        expect(idOfWords(property.title.en), property.id).toBeDefined();
        for (const hint of property.hints) expect(idOfWords(hint.en), `${property.id}: ${hint.en}`).toBe(hint.id);
      }
  });
});

describe('Chinese: one term per concept, and Chinese punctuation', () => {
  /** Every form of every zh entry, by id. */
  const zhForms = Object.entries(CATALOGUES.zh).flatMap(([id, entry]) =>
    (typeof entry === 'string' ? [entry] : [entry.one ?? '', entry.other]).map((form) => [id, form] as const),
  );
  /** The Chinese a learner reads outside the catalogue: the READMEs, and the starters' comments. */
  const files = [
    'README.zh-CN.md',
    ...STAGES.flatMap((stage) => [`stages/${stage.id}/README.zh-CN.md`, `stages/${stage.id}/server.ts`]),
  ];

  test('the glossary gives each concept one term, and no term is also a variant', () => {
    for (const term of GLOSSARY) {
      expect(misusedTerms(term.zh), term.en).toEqual([]);
      expect(term.not.length, term.en).toBeGreaterThan(0);
    }
    expect(misusedTerms('一次性服务 · 退出码 · 线路上发生的事')).toHaveLength(3);
    // 服务 as the verb "to serve" is fine.
    expect(misusedTerms('服务器只服务一个客户端')).toEqual([]);
  });

  test.each(zhForms)('%s: the glossary terms', (id, form) => {
    expect(misusedTerms(form), `${id}: ${form}`).toEqual([]);
  });

  test.each(files)('%s: the glossary terms', (file) => {
    const misused = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')
      .split('\n')
      .flatMap((line, i) => misusedTerms(line).map((m) => `${file}:${i + 1}: ${m}`));
    expect(misused).toEqual([]);
  });

  test('a half-width : or , right after a Chinese character is found', () => {
    expect(halfWidthInChinese('一次性服务器: 已通过, 还有 stage-2 (通信循环)')).toEqual(['器:', '过,', '(通', '环)']);
    expect(halfWidthInChinese('接下来：:reconnect 重新连接；if not data: break；#2, #3')).toEqual([]);
  });

  test.each(zhForms)('%s: full-width punctuation in Chinese', (id, form) => {
    expect(halfWidthInChinese(form), `${id}: ${form}`).toEqual([]);
  });

  test('full-width punctuation in the lines the code puts together: usage, progress, report', () => {
    const composed = [
      usage('zh'),
      renderProgress('zh', false, { [PROGRESS_ENV]: '/nonexistent/socket-lab/progress.json' }),
      ...files.map((file) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')),
    ];
    for (const text of composed) expect(halfWidthInChinese(text), text.slice(0, 80)).toEqual([]);
  });
});

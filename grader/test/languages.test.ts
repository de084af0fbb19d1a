// Every word a learner reads exists in English and in Chinese. A message added without its sample call
// here fails the first test: add one.
import { describe, expect, test } from 'vitest';
import { usage } from '../cli/args.ts';
import type { ScriptedClient } from '../client/scripted-client.ts';
import { STAGES } from '../course/catalogue.ts';
import { SITUATION_HINTS } from '../course/properties/concurrency.ts';
import { say } from '../i18n/messages.ts';
import type { Text } from '../i18n/text.ts';
import { describeStatus } from '../progress/status.ts';
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
    say.wrongPort([{ address: '0.0.0.0', port: 8888 }], 23456),
    say.wrongPort([{ address: '10.0.0.5', port: 23456 }], 23456),
  ],
  triedOtherPort: [say.triedOtherPort(8888, 23456)],
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
    for (const [i, text] of SITUATION_HINTS.entries()) bothLanguages(text, `situation hint ${i}`);
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

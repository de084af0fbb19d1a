// `npm run grade` with no stage, in a real terminal: a list of the stages with where the learner
// stands, the first unfinished one chosen, arrows to move, Enter to grade, Ctrl-C to leave.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadProgress, PROGRESS_ENV, recordResult, saveProgress } from '../progress/store.ts';
import { GRADER, processesTagged, ROOT, TAG } from './run-grader.ts';
import { runInTerminal, type Step } from './terminal.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'picker-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Each run starts from the same remembered state: stage 1 passed, stage 2 failing, stage 3 not tried. */
function freshProgress(tag: string): string {
  const progress = join(dir, `${tag}.json`);
  const remembered = loadProgress(progress);
  recordResult(remembered, 'stage-1', { held: 4, total: 4, failing: [], at: 't' });
  recordResult(remembered, 'stage-2', {
    held: 5,
    total: 8,
    failing: ['many-messages', 'split-character', 'x'],
    at: 't',
  });
  saveProgress(remembered, progress);
  return progress;
}

async function pick(steps: Step[], lang: 'en' | 'zh' = 'en') {
  const tag = randomUUID();
  const progress = freshProgress(tag);
  const run = await runInTerminal([process.execPath, ...GRADER, '--lang', lang], steps, {
    cwd: ROOT,
    env: { NO_COLOR: '1', [TAG]: tag, [PROGRESS_ENV]: progress },
  });
  return { ...run, orphans: processesTagged(tag) };
}

describe.runIf(process.platform === 'linux')('the stage picker', () => {
  test('shows each stage with its status, starts on the first unfinished one, and grades the one chosen', async () => {
    const run = await pick([
      { waitFor: 'Which stage do you want to grade?' },
      { waitFor: /stage-3 · connection loop — not tried/ },
      { key: 'down' },
      { key: 'enter' },
      { waitFor: /properties hold/ },
    ]);
    expect(run.output).toMatch(/stage-1 · one-shot service — passed \(1 grade\)/);
    expect(run.output).toMatch(/stage-2 · communication loop — failing 3 of 8/);
    expect(run.output).toContain('Socket Lab · stage-3 · connection loop');
    expect(run.code).toBe(1); // the untouched starter fails
    expect(run.orphans).toEqual([]);
  });

  test('Enter grades the stage it starts on: the first one not passed', async () => {
    const run = await pick([{ waitFor: 'not tried' }, { key: 'enter' }, { waitFor: /properties hold/ }]);
    expect(run.output).toContain('Socket Lab · stage-2 · communication loop');
    expect(run.orphans).toEqual([]);
  });

  test('Ctrl-C leaves without grading, with status 130', async () => {
    const run = await pick([{ waitFor: 'not tried' }, { key: 'ctrl-c' }]);
    expect(run.output).not.toContain('Socket Lab ·');
    expect(run.code).toBe(130);
  });

  test.each([
    ['at the list', [{ waitFor: 'not tried' }]],
    ['in the middle of a grade', [{ waitFor: 'not tried' }, { key: 'down' }, { key: 'enter' }] as Step[]],
  ])('a terminal closed %s ends it as a hang-up does, and leaves nothing behind', async (_, steps) => {
    const tag = randomUUID();
    const tmp = await mkdtemp(join(dir, 'tmp-'));
    const run = await runInTerminal([process.execPath, ...GRADER], steps, {
      cwd: ROOT,
      env: { NO_COLOR: '1', [TAG]: tag, [PROGRESS_ENV]: freshProgress(tag), TMPDIR: tmp },
      exitTimeoutMs: 300,
    });
    expect(run.hungUp).toBe(true);
    expect(run.signal).toBe(1); // SIGHUP, by its default action: no abort, no core
    expect(processesTagged(tag)).toEqual([]);
    // No compiled server left, no port or place among the starting servers still reserved.
    const folders = ['socket-lab-ports', 'socket-lab-starts'];
    const left = (await readdir(tmp)).filter((name) => name.startsWith('socket-lab-') && !folders.includes(name));
    const locks = (await Promise.all(folders.map((f) => readdir(join(tmp, f)).catch(() => [])))).flat();
    expect([...left, ...locks]).toEqual([]);
  });

  test('speaks Chinese', async () => {
    const run = await pick([{ waitFor: '评分哪个阶段？' }, { waitFor: '还没尝试' }, { key: 'ctrl-c' }], 'zh');
    expect(run.output).toContain('一次性服务器 — 已通过（评分 1 次）');
    expect(run.code).toBe(130);
  });
});

// A correct server is never failed for starting slowly: through a launcher that runs helpers first (as
// pyenv's shim does), or one that works for seconds before it starts the server. The first server starts
// alone, and a grade waits for it. A server that never listens is still told so at once, and a server
// that listened once and then not again is told that, on the properties it failed, never "not judged".
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixture, parseReport, runGrader } from './run-grader.ts';

const LAUNCHERS = fixture('launchers');

describe.concurrent('slow starts', () => {
  test('a Python server behind a shim that runs children first passes, every property', async () => {
    const run = await runGrader(['stage-2', '--cmd', `${LAUNCHERS}/python3 solutions/stage-2/server.py`, '--json']);
    const report = parseReport(run);
    expect(report.properties.filter((p) => p.status !== 'pass')).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.orphans).toEqual([]);
  });

  test('a launcher that works for 1.5 s first: the grade waits, passes, and says how long the start took', async () => {
    const command = `${LAUNCHERS}/slow-start python3 solutions/stage-1/server.py`;
    const json = parseReport(await runGrader(['stage-1', '--cmd', command, '--json']));
    expect(json.properties.filter((p) => p.status !== 'pass')).toEqual([]);
    expect((json as unknown as { startMs: number }).startMs).toBeGreaterThanOrEqual(1500);
    const human = await runGrader(['stage-1', '--cmd', command, '--lang', 'zh']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/你的服务器用了 \d+\.\d 秒才开始监听；评分器等了它。/);
    expect(human.orphans).toEqual([]);
  });

  test('a TypeScript server that does not compile is told so, once, without a dozen copies failing to start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'slow-start-test-'));
    try {
      const file = join(dir, 'server.ts');
      await writeFile(file, 'import { createServer } from "node:net";\nconst server = createServer((s) => s.end(;\n');
      const run = await runGrader(['stage-3', '--file', file, '--json']);
      const report = parseReport(run);
      const [listens, ...others] = report.properties;
      expect(listens?.message).toContain('Your server does not compile');
      expect(listens?.message).not.toContain('Nothing accepted a connection');
      expect(
        others.every(
          (p) => p.status === 'fail' && p.message === 'Not judged: the server never listened (see listens).',
        ),
      ).toBe(true);
      expect(run.orphans).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('one that listens only the first time: the others fail on their own account, and are told so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'slow-start-test-'));
    try {
      const run = await runGrader(['stage-1', '--file', fixture('hostile/listens-only-once.ts'), '--json'], {
        SOCKET_LAB_FIXTURE_DIR: dir,
      });
      const [listens, ...rest] = parseReport(run).properties;
      expect(listens?.status).toBe('pass');
      // The one start that listened proved `listens` and was judged for its own check (uppercases: this
      // server upper-cases Latin-1, not UTF-8); every later start exited.
      const firstStart = rest.find((p) => p.id === 'uppercases');
      expect(firstStart?.message).toMatch(/the reply is not the message with a–z uppercased/);
      const others = rest.filter((p) => p !== firstStart);
      expect(others).toHaveLength(2);
      for (const p of others) {
        expect(p.status, p.id).toBe('fail');
        expect(p.message, p.id).toMatch(/^Your server exited with status 1 before it was listening/);
        expect(p.hint, p.id).toMatch(
          /^Your server listened for another check of this grade, but not for this one, twice/,
        );
      }
      expect(run.orphans).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

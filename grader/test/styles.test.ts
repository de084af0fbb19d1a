// Hints in the learner's own style: the style told from the source, the ladders each style gets, and,
// for each style, a broken server whose ladder is that style's and its fix by the last rung, which holds.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findStage, ROOT, STAGES, type Stage, solutionFor } from '../course/catalogue.ts';
import { FOLLOW_UPS, followUpsOf } from '../course/hint-follow-ups.ts';
import { HINT_STYLES, styled } from '../course/hint-styles.ts';
import { PROPERTIES } from '../course/properties/index.ts';
import { grade } from '../engine/grade.ts';
import { limitsFor, timeoutScale } from '../engine/limits.ts';
import { hint } from '../i18n/hint.ts';
import type { MessageId } from '../i18n/t.ts';
import { commandLaunch, fileLaunch } from '../subject/launch.ts';
import { HAS_PROC } from '../subject/procfs.ts';
import { type Style, type StyleKey, sourceOf, styleKeys, styleOf } from '../subject/style.ts';
import { fixture } from './run-grader.ts';

const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const styleOfFile = (path: string) => styleOf(read(path), path.endsWith('.py'));

describe('the style, told from the source', () => {
  const CASES: [string, Style | undefined][] = [
    ['solutions/stage-1/server.ts', 'node-promise'],
    ['solutions/stage-3/server.ts', 'node-promise'],
    ['solutions/stage-4/server.ts', 'node-promise'],
    ['stages/stage-4/server.ts', 'node-promise'],
    ['solutions/stage-3/server.py', 'python-blocking'],
    ['solutions/stage-4/server.py', 'python-threads'],
    [fixture('stage-3/reset_only_fix.py'), 'python-blocking'],
    [fixture('stage-4/asyncio_without_drain.py'), 'python-asyncio'],
    [fixture('stage-4/replies-to-the-newest.ts'), 'node-callback'],
    [fixture('stage-4/ignores-write-return.ts'), 'node-promise'],
    [fixture('class/ada/server.ts'), 'node-callback'],
    [fixture('hostile/never-listens.ts'), undefined],
    [fixture('styles/threads_small_backlog.py'), 'python-threads'],
  ];
  test.each(CASES)('%s: %s', (path, style) => {
    expect(styleOfFile(path)).toBe(style);
  });

  test("each stage's reference solutions are in the styles the catalogue files them under", () => {
    for (const stage of STAGES) {
      expect(styleOfFile(stage.solution), stage.solution).toBe('node-promise');
      expect(styleOfFile(stage.pythonSolution), stage.pythonSolution).toMatch(/^python-(blocking|threads)$/);
      for (const [style, file] of Object.entries(stage.styleSolutions)) expect(styleOfFile(file), file).toBe(style);
    }
  });

  test("the last word of a ladder names the reference solution in the learner's style", () => {
    const stage = findStage('stage-2') as Stage;
    expect(solutionFor(stage, ['node-promise'])).toBe('solutions/stage-2/server.ts');
    expect(solutionFor(stage, [])).toBe('solutions/stage-2/server.ts');
    expect(solutionFor(stage, ['node-callback'])).toBe('solutions/stage-2/server.callback.ts');
    expect(solutionFor(stage, ['python-asyncio', 'python'])).toBe('solutions/stage-2/server.asyncio.py');
    expect(solutionFor(stage, ['python-blocking', 'python'])).toBe('solutions/stage-2/server.py');
    // No threaded solution of its own: stage 4's Python solution is the threaded one, before it the blocking one.
    expect(solutionFor(stage, ['python-threads', 'python'])).toBe('solutions/stage-2/server.py');
  });

  test('the ways of threads and of asyncio', () => {
    const server = 'import socketserver\nclass S(socketserver.ThreadingTCPServer): pass\n';
    expect(styleOf(server, true)).toBe('python-threads');
    expect(styleOf('from concurrent.futures import ThreadPoolExecutor\n', true)).toBe('python-threads');
    expect(styleOf('import socketserver\nsocketserver.TCPServer(("", 1), H).serve_forever()\n', true)).toBe(
      'python-blocking',
    );
    expect(styleOf('import asyncio, threading\n', true)).toBe('python-asyncio');
  });

  test('a comment naming a call is not the call', () => {
    expect(styleOf('# import threading would help\nimport socket\n', true)).toBe('python-blocking');
    expect(styleOf("// socket.on('data', …) is older\nfor await (const c of s) {}\n", false)).toBe('node-promise');
  });

  test('the source of --file, and of a --cmd that names a file that exists', () => {
    const py = resolve(ROOT, 'solutions/stage-4/server.py');
    expect(sourceOf(fileLaunch(py, ROOT))).toBe(py);
    expect(sourceOf(commandLaunch('python3 -u solutions/stage-4/server.py', ROOT))).toBe(py);
    expect(sourceOf(commandLaunch('python3 -u no/such/server.py', ROOT))).toBeUndefined();
    expect(styleKeys(commandLaunch('python3 solutions/stage-4/server.py', ROOT))).toEqual(['python-threads', 'python']);
    // Unknown: the runtime's own.
    expect(styleKeys(commandLaunch('python3 no/such/server.py', ROOT))).toEqual(['python']);
    expect(styleKeys(commandLaunch('./run', ROOT))).toEqual([]);
  });
});

/** A property's ladder as a server in `keys` reads it. */
const ladder = (id: string, keys: StyleKey[]) =>
  (PROPERTIES.find((p) => p.id === id)?.hints ?? []).map((h) => styled(h, keys).id);

describe('each style its ladder', () => {
  test('slow-reader ends, for each style, on the calls that style uses', () => {
    expect(ladder('slow-reader', ['node-promise']).at(-1)).toBe('slow-reader.2');
    expect(ladder('slow-reader', ['node-callback']).at(-1)).toBe('slow-reader.2.node-callback');
    expect(ladder('slow-reader', ['python-blocking', 'python']).at(-1)).toBe('slow-reader.2.python');
    expect(ladder('slow-reader', ['python-threads', 'python']).at(-1)).toBe('slow-reader.2.python');
    expect(ladder('slow-reader', ['python-asyncio', 'python']).at(-1)).toBe('slow-reader.2.python-asyncio');
  });

  test('queued-reset speaks of try/catch only to promise style', () => {
    expect(ladder('queued-reset', ['node-promise'])).toEqual(['queued-reset.1', 'queued-reset.2']);
    expect(ladder('queued-reset', ['node-callback'])).toEqual([
      'queued-reset.1.node-callback',
      'queued-reset.2.node-callback',
    ]);
    expect(ladder('queued-reset', ['python'])).toEqual(['queued-reset.1.python', 'queued-reset.2.python']);
  });

  test('no rung a Python server reads names a Node API', () => {
    const node =
      /socket\.(write|end|on|once|destroy|pause|resume)\b|for await|server\.(close|listen)|\bonce\(|process\.|toUpperCase/;
    const leads = [
      'no-reply.python',
      'no-reply.spinning',
      'backlog-full',
      'slow-reader.stopped',
      'to-upper-case',
      'stopped-listening',
      'crossed',
      ...FOLLOW_UPS.flatMap((row) => (row.next === 'property' ? [] : row.next)),
    ] as const;
    for (const style of ['python-blocking', 'python-threads', 'python-asyncio'] as const) {
      const keys: StyleKey[] = [style, 'python'];
      for (const property of PROPERTIES)
        for (const h of property.hints.map((h) => styled(h, keys)))
          expect(h.en, `${style} ${property.id}: ${h.id}`).not.toMatch(node);
      for (const id of leads) expect(styled(hint(id), keys).en, `${style} ${id}`).not.toMatch(node);
    }
  });

  test('every variant replaces a rung with one of its own style, in both languages', () => {
    for (const [id, row] of Object.entries(HINT_STYLES)) {
      for (const [key, variant] of Object.entries(row ?? {})) {
        expect(variant.startsWith(`${id.split('.')[0]}.`) && variant.endsWith(`.${key}`), `${id} → ${variant}`).toBe(
          true,
        );
        const h = hint(variant as MessageId & typeof variant);
        expect(h.en).not.toBe('');
        expect(h.zh).not.toBe('');
      }
    }
  });
});

/** Grade `path` (a fixture's, or a reference solution's) on `properties` of `stage` only, in process: the results in the stage's order. */
async function gradeOnly(stageId: string, properties: string[], path: string) {
  const stage = findStage(stageId) as Stage;
  const only = { ...stage, properties: stage.properties.filter((p) => properties.includes(p.id)) };
  const file = path.startsWith('solutions/') ? path : fixture(path);
  const launch = file.endsWith('.py')
    ? commandLaunch(`python3 -u ${file}`, ROOT)
    : fileLaunch(resolve(ROOT, file), ROOT);
  const report = await grade(only, launch, { limits: limitsFor(timeoutScale()), seed: 7 });
  await report.stopped;
  return Object.fromEntries(report.results.map((r) => [r.id, r]));
}

describe('stage 5: a piece answered as a whole message', () => {
  test.runIf(HAS_PROC).each([
    ['stage-5/one-read-one-message.ts', 'framing.piece-answered'],
    ['stage-5/one_recv_per_message.py', 'framing.piece-answered.python'],
    // Bytes of two clients answered together: that is the shared buffer, the property's own first hint.
    ['stage-5/shared-buffer.ts', 'own-buffer.1'],
  ])('%s: own-buffer is told about %s', async (path, lead) => {
    const results = await gradeOnly('stage-5', ['own-buffer'], path);
    expect(results['own-buffer']?.status).toBe('fail');
    expect(results['own-buffer']?.leadHintId).toBe(lead);
  });
});

describe('stage 5: an oversized header', () => {
  test.runIf(HAS_PROC).each([
    ['stage-5/one_recv_per_message.py', 'answered the header at once'],
    ['stage-5/no-length-limit.ts', 'waits for (or makes room for) bytes'],
  ])('%s is told that it %s', async (path, words) => {
    const results = await gradeOnly('stage-5', ['oversized-frame'], path);
    expect(results['oversized-frame']?.status).toBe('fail');
    expect(results['oversized-frame']?.message.en).toContain(words);
  });
});

describe('the rungs after a lead that names its own cause', () => {
  test('a crash, an end with status 0, and memory each have their own', () => {
    expect(followUpsOf('server-gone', { code: 1, signal: null })).toEqual(['server-gone.crashed']);
    expect(followUpsOf('server-gone', { code: null, signal: 'SIGABRT' })).toEqual(['server-gone.crashed']);
    expect(followUpsOf('server-gone', { code: 0, signal: null })).toEqual(['server-gone.ended']);
    const memory = { usedMiB: 600, capMiB: 512 };
    expect(followUpsOf('server-gone', { code: null, signal: 'SIGKILL', memory })).toBe('property');
    expect(followUpsOf('backlog-full', null)).toEqual(['backlog-full.2']);
    expect(followUpsOf('burst-unfinished', null)).toEqual([]);
    expect(followUpsOf('uppercases.1', null)).toBe('property');
  });

  test('every follow-up is said in both languages, and in each style that has its own', () => {
    for (const row of FOLLOW_UPS) {
      if (row.next === 'property') continue;
      for (const id of row.next)
        for (const keys of [['node-callback'], ['python-asyncio', 'python'], ['python-threads', 'python']] as const) {
          const h = styled(hint(id), keys);
          expect(h.en, `${id} ${keys[0]}`).not.toBe('');
          expect(h.zh, `${id} ${keys[0]}`).not.toBe('');
        }
    }
  });
});

describe.concurrent('each style, its broken server and its fix by the last rung', () => {
  test('Node callback style, ended by a reset: the next rung is about that crash, in its style', async () => {
    const broken = await gradeOnly('stage-3', ['empty-session'], 'styles/callback-ignores-write.ts');
    expect(broken['empty-session']?.status).toBe('fail');
    expect(broken['empty-session']?.leadHintId).toBe('server-gone');
    expect(broken['empty-session']?.hints.slice(1).map((h) => h.en)).toEqual([
      hint('server-gone.crashed.node-callback').en,
    ]);
    expect(broken['empty-session']?.hints.at(-1)?.en).toContain('socket.on("error"');
    const fixed = await gradeOnly('stage-3', ['empty-session'], 'solutions/stage-3/server.callback.ts');
    expect(fixed['empty-session']?.status).toBe('pass');
  });

  test('Python, a server that ends with status 0 after one client: the next rung is about the loop that ended', async () => {
    const ended = await gradeOnly('stage-3', ['survives-reset'], 'solutions/stage-2/server.py');
    expect(ended['survives-reset']?.status).toBe('fail');
    expect(ended['survives-reset']?.leadHintId).toBe('server-gone');
    expect(ended['survives-reset']?.hints.slice(1).map((h) => h.en)).toEqual([hint('server-gone.ended.python').en]);
  });

  test('Node callback style: pause()/resume() on "drain", an "error" listener', async () => {
    const broken = await gradeOnly('stage-4', ['queued-reset', 'slow-reader'], 'styles/callback-ignores-write.ts');
    expect(broken['slow-reader']?.status).toBe('fail');
    expect(broken['slow-reader']?.hints.at(-1)?.en).toContain('socket.pause()');
    expect(broken['queued-reset']?.status).toBe('fail');
    expect(broken['queued-reset']?.hints.map((h) => h.en).join(' ')).not.toContain('try/catch');
    const fixed = await gradeOnly('stage-4', ['queued-reset', 'slow-reader'], 'solutions/stage-4/server.callback.ts');
    expect(fixed['slow-reader']?.status).toBe('pass');
    expect(fixed['queued-reset']?.status).toBe('pass');
  });

  test('Node promise style: await once(socket, "drain")', async () => {
    const broken = await gradeOnly('stage-4', ['slow-reader'], 'stage-4/ignores-write-return.ts');
    expect(broken['slow-reader']?.status).toBe('fail');
    expect(broken['slow-reader']?.hints.at(-1)?.en).toContain('await once(socket, "drain")');
    const fixed = await gradeOnly('stage-4', ['slow-reader'], 'styles/promise-awaits-drain.ts');
    expect(fixed['slow-reader']?.status).toBe('pass');
  });

  test.runIf(HAS_PROC)("Python, blocking: spinning on b'' is named first, not sendall()", async () => {
    const broken = await gradeOnly('stage-3', ['next-client', 'no-busy-loop'], 'stage-3/reset_only_fix.py');
    for (const id of ['next-client', 'no-busy-loop']) {
      expect(broken[id]?.status, id).toBe('fail');
      expect(broken[id]?.hints[0]?.en, id).toContain("b''");
      expect(broken[id]?.hints[0]?.en, id).not.toContain('sendall');
    }
    expect(broken['next-client']?.leadHintId).toBe('no-reply.spinning.python');
    expect(broken['next-client']?.hints[0]?.en).toContain('if not data: break');
    // The rungs after it follow the spinning, not the connection loop the property is about.
    expect(broken['next-client']?.hints.slice(1).map((h) => h.en)).toEqual([hint('no-reply.spinning.2.python').en]);
    const fixed = await gradeOnly('stage-3', ['next-client', 'no-busy-loop'], 'styles/blocking_breaks_on_eof.py');
    expect(fixed['next-client']?.status).toBe('pass');
    expect(fixed['no-busy-loop']?.status).toBe('pass');
  });

  test('Python threads: the listen backlog, and a thread per client', async () => {
    // Judged from the backlog itself, not from whether a dropped handshake's retry beats a deadline; and
    // stays-small, which is about memory, waits through the retries.
    const broken = await gradeOnly('stage-4', ['many-clients', 'stays-small'], 'styles/threads_small_backlog.py');
    expect(broken['many-clients']?.status).toBe('fail');
    expect(broken['many-clients']?.message.en).toContain('a backlog of 5');
    expect(broken['stays-small']?.status, broken['stays-small']?.message.en).toBe('pass');
    expect(broken['many-clients']?.leadHintId).toBe('backlog-full.python');
    expect(broken['many-clients']?.hints.at(-1)?.en).toBe(hint('backlog-full.2.python').en);
    const fixed = await gradeOnly('stage-4', ['many-clients'], 'styles/threads_large_backlog.py');
    expect(fixed['many-clients']?.status).toBe('pass');
  });

  test('Python asyncio: await writer.drain()', async () => {
    const broken = await gradeOnly('stage-4', ['slow-reader'], 'stage-4/asyncio_without_drain.py');
    expect(broken['slow-reader']?.status).toBe('fail');
    expect(broken['slow-reader']?.hints.at(-1)?.en).toBe(hint('slow-reader.2.python-asyncio').en);
    const fixed = await gradeOnly('stage-4', ['slow-reader'], 'solutions/stage-4/server.asyncio.py');
    expect(fixed['slow-reader']?.status).toBe('pass');
  });
});

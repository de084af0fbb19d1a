// --sandbox (sandbox.ts): servers that try to get out, each asserting what it must not achieve, and the
// same server without the sandbox achieving it (so that each test can fail). Nothing here sends a byte to
// an address outside loopback: a way out is judged by what the server can see.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { sandboxNote } from '../subject/platform.ts';
import { findSandbox, PROCESS_CAP } from '../subject/sandbox.ts';
import { keptInTmp, pathsIn } from '../subject/tmp-kept.ts';
import { fixture, GRADER, parseReport, processesTagged, ROOT, runGrader, TAG } from './run-grader.ts';

const support = await findSandbox();
const provides = (limit: 'network' | 'files' | 'processes') => support.provided.includes(limit);
/** Set up for each server, if not promised (as root, the read-only files: see sandbox.ts). */
const applies = (limit: 'files') => (support.applied ?? support.provided).includes(limit);
const root = process.getuid?.() === 0;

const scratch = mkdtempSync(join(tmpdir(), 'sandbox-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('what a sandbox shows again of /tmp', () => {
  test('the paths a command names: plain, after a flag or a variable, in a PATH-like list, as a file URL', () => {
    expect(pathsIn('/tmp/a/server.py')).toEqual(['/tmp/a/server.py']);
    expect(pathsIn('--import=/tmp/lab/tsx.mjs')).toEqual(['/tmp/lab/tsx.mjs']);
    expect(pathsIn('PYTHONPATH=/tmp/lib:/opt/x')).toEqual(['/tmp/lib', '/opt/x']);
    expect(pathsIn('file:///tmp/lab/node_modules/tsx/dist/loader.mjs')).toEqual([
      '/tmp/lab/node_modules/tsx/dist/loader.mjs',
    ]);
    expect(pathsIn('server.py')).toEqual([]);
    expect(pathsIn("'/tmp/q/s.py'")).toEqual(['/tmp/q/s.py']);
  });

  test('the folders under /tmp it needs, none inside another, nothing outside /tmp', () => {
    const fake = mkdtempSync(join(scratch, 'tmp-'));
    const [own, scratchOf, other, nested] = ['own', 'scratch', 'other', 'own/deeper'].map((name) => {
      const dir = join(fake, name);
      mkdirSync(dir, { recursive: true });
      return dir;
    }) as [string, string, string, string];
    writeFileSync(join(other, 'server.py'), '');
    const kept = keptInTmp(
      { command: `python3 ${join(other, 'server.py')} --data=${nested} /opt/elsewhere`, args: [], shell: true },
      own,
      scratchOf,
      fake,
      `/usr/bin:${join(fake, 'missing')}`,
    );
    expect(kept).toEqual([other, own, scratchOf].sort());
  });
});

describe('the line a sandboxed report starts with', () => {
  test('names each limit missing, and why, in both languages; nothing when all are there', () => {
    expect(sandboxNote(undefined)).toBeNull();
    expect(sandboxNote({ provided: ['network', 'files', 'processes'], missing: [] })).toBeNull();
    const note = sandboxNote({
      provided: ['network'],
      missing: [
        { limit: 'files', reason: 'no-remount' },
        { limit: 'processes', reason: 'root' },
      ],
    });
    expect(note?.en).toBe(
      "Sandbox: not on this machine: read-only files (the file system could not be made read-only); the process cap (as root, a server keeps root's rights over devices, root's local sockets and the number of processes: grade as an ordinary user).",
    );
    expect(note?.zh).toBe(
      '沙箱：本机缺少“文件只读”（无法把文件系统设为只读）；“进程数上限”（以 root 运行时，服务器仍有 root 对设备、root 的本地套接字和进程数的权限：请以普通用户评分）。',
    );
  });
});

describe.runIf(process.platform === 'linux')('sandboxed servers', { concurrent: true }, () => {
  test('a limit this machine lacks is said at the top of the report and in --json, never skipped in silence', async () => {
    const run = await runGrader(['stage-1', '--solution', '--sandbox', '--json']);
    const report = parseReport(run);
    expect(report.passed).toBe(true);
    expect(report.sandboxNote).toBe(sandboxNote(support)?.en ?? null);
    // As root, a server keeps root's rights over devices, sockets and process count: that is said.
    if (root) expect(report.sandboxNote).toContain('read-only files, the process cap (as root, a server keeps');
    expect(run.orphans).toEqual([]);
    expect(run.leftovers).toEqual([]);
  });

  test('where no sandbox can be made (here: SOCKET_LAB_NO_BOX=1), the grade goes on, and says what is missing', async () => {
    const run = await runGrader(['stage-1', '--solution', '--sandbox', '--json'], { SOCKET_LAB_NO_BOX: '1' });
    const report = parseReport(run);
    expect(report.passed).toBe(true);
    expect(report.sandboxNote).toBe(
      'Sandbox: not on this machine: no network but loopback, read-only files, the process cap (SOCKET_LAB_NO_BOX=1 turns boxes off).',
    );
    expect(run.orphans).toEqual([]);
  });

  test('where a tool it is made with is missing (here: nsenter), the grade goes on in the box, and says so', async () => {
    // A PATH of every program the grade needs but nsenter.
    const bin = join(scratch, 'bin');
    mkdirSync(bin);
    for (const tool of ['setpriv', 'unshare', 'mount', 'prlimit', 'ip', 'python3']) {
      const at = process.env.PATH?.split(':')
        .map((dir) => join(dir, tool))
        .find((path) => existsSync(path));
      if (at) symlinkSync(at, join(bin, tool));
    }
    const run = await runGrader(['stage-1', '--solution', '--sandbox', '--json'], { PATH: bin });
    const report = parseReport(run);
    expect(report.passed).toBe(true);
    expect(report.sandboxNote).toBe(
      "Sandbox: not on this machine: no network but loopback, read-only files, the process cap (util-linux's setpriv, unshare, nsenter, mount or prlimit is missing).",
    );
    expect(run.orphans).toEqual([]);
  });

  const beyondLoopback = Object.keys(networkInterfaces()).some((name) => name !== 'lo');
  test.runIf(provides('network') && beyondLoopback)(
    'one that looks for a network finds only loopback (and, without the sandbox, finds one)',
    async () => {
      const file = fixture('hostile/looks-beyond-loopback.ts');
      const [inside, outside] = await Promise.all([
        runGrader(['stage-1', '--file', file, '--sandbox', '--json']),
        runGrader(['stage-1', '--file', file, '--json']),
      ]);
      expect(parseReport(inside).properties.filter((p) => p.status !== 'pass')).toEqual([]);
      const seen = parseReport(outside).properties.find((p) => p.id === 'uppercases');
      expect(seen?.status).toBe('fail');
      expect(JSON.stringify(seen)).toContain('a way out: ');
      for (const run of [inside, outside]) {
        expect(run.orphans).toEqual([]);
        expect(run.leftovers).toEqual([]);
      }
    },
  );

  test.runIf(applies('files'))(
    'one that writes outside its folder is refused, and its temporary folder works (without the sandbox, the write lands)',
    async () => {
      const file = fixture('hostile/writes-outside.ts');
      const [boxed, loose] = ['boxed', 'loose'].map((name) => {
        const dir = join(scratch, name);
        mkdirSync(dir);
        return dir;
      }) as [string, string];
      const inside = await runGrader(['stage-1', '--file', file, '--sandbox', '--json'], {
        SOCKET_LAB_FIXTURE_OUTSIDE: boxed,
      });
      expect(parseReport(inside).properties.filter((p) => p.status !== 'pass')).toEqual([]);
      expect(existsSync(join(boxed, 'escaped.txt'))).toBe(false);
      expect(JSON.stringify(parseReport(inside))).not.toContain('writing outside: done');
      const outside = await runGrader(['stage-1', '--file', file, '--json'], { SOCKET_LAB_FIXTURE_OUTSIDE: loose });
      expect(existsSync(join(loose, 'escaped.txt'))).toBe(true);
      for (const run of [inside, outside]) {
        expect(run.orphans).toEqual([]);
        expect(run.leftovers).toEqual([]);
      }
    },
  );

  // A read-only mount doesn't stop connect(): the machine's /tmp, where tmux, ssh-agent and editors keep
  // theirs, is hidden (a stand-in agent listens there, and counts who comes).
  test.runIf(applies('files') && existsSync('/tmp'))(
    "one that reaches for a local socket in /tmp (tmux's, ssh-agent's) finds none (without the sandbox, it connects)",
    async () => {
      const dir = mkdtempSync('/tmp/sandbox-agent-');
      const path = join(dir, 'agent.sock');
      let reached = 0;
      const agent = createServer((socket) => {
        reached++;
        socket.destroy();
      }).listen(path);
      await once(agent, 'listening');
      try {
        const file = fixture('hostile/reaches-a-local-socket.ts');
        const env = { SOCKET_LAB_FIXTURE_SOCKET: path };
        const inside = await runGrader(['stage-1', '--file', file, '--sandbox', '--json'], env);
        expect(parseReport(inside).properties.filter((p) => p.status !== 'pass')).toEqual([]);
        expect(reached).toBe(0);
        const outside = await runGrader(['stage-1', '--file', file, '--json'], env);
        const seen = parseReport(outside).properties.find((p) => p.id === 'uppercases');
        expect(seen?.status).toBe('fail');
        expect(JSON.stringify(seen)).toContain('a way out: ');
        expect(reached).toBeGreaterThan(0);
        for (const run of [inside, outside]) {
          expect(run.orphans).toEqual([]);
          expect(run.leftovers).toEqual([]);
        }
      } finally {
        agent.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  // The kernel's cap holds for an ordinary user: as root, the class is graded as nobody (setpriv).
  test.runIf(applies('files') && (!root || existsSync('/usr/bin/setpriv')))(
    'a fork bomb in a class stops at the process cap, is told so in its report, and the class goes on',
    async () => {
      const folder = join(scratch, 'class');
      for (const [name, source] of [
        ['bomb', fixture('hostile/fork-bomb.ts')],
        ['good', join(ROOT, 'solutions/stage-1/server.ts')],
      ] as const) {
        mkdirSync(join(folder, name), { recursive: true });
        copyFileSync(source, join(folder, name, 'server.ts'));
      }
      const home = join(scratch, 'home');
      mkdirSync(home);
      for (const dir of [scratch, folder, join(folder, 'bomb'), join(folder, 'good'), home]) chmodSync(dir, 0o777);
      const out = join(home, 'all.json');
      const tag = randomUUID();
      const user = root ? ['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups', '--'] : [];
      const argv = [...user, process.execPath, ...GRADER, 'stage-1', '--batch', folder, '--out', out];
      // A memory cap above what the bomb's processes use: the process cap is the one that stops it.
      argv.push('--max-memory', '4096');
      const grader = spawn(argv[0] as string, argv.slice(1), {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', HOME: home, TMPDIR: home, [TAG]: tag },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      grader.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((done) => grader.on('close', done));
      expect(stderr).toBe('');
      expect(code).toBe(1);
      const all = JSON.parse(readFileSync(out, 'utf8')) as {
        sandboxNote: string | null;
        submissions: { name: string; passed: boolean; properties: { id: string; status: string }[] }[];
      };
      expect(all.sandboxNote).toBeNull(); // as an ordinary user, every limit holds
      const [bomb, good] = all.submissions;
      expect(good?.passed).toBe(true);
      expect(bomb?.passed).toBe(false);
      // Its last words, in the report: how many it started before a spawn failed.
      const told = /started (\d+) processes, then: EAGAIN/.exec(JSON.stringify(bomb));
      expect(told).not.toBeNull();
      expect(Number(told?.[1])).toBeLessThan(PROCESS_CAP);
      expect(processesTagged(tag)).toEqual([]);
      // Its temporary folders were in TMPDIR, which was `home` here.
      expect(readdirSync(home).filter((name) => name.startsWith(`socket-lab-${grader.pid}-`))).toEqual([]);
    },
  );
});

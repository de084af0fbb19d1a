// --watch and the ways a save reaches it: a save that replaces the file (write beside, rename over, as
// sed -i and editors' safe writes do), the ordinary save after it, and looking for saves where the system
// announces none. Each step waits for the next report to appear, never for a time.
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import { fsTypeOf, POLL_ENV, pollReason, type System } from '../cli/watch-mode.ts';
import { t } from '../i18n/t.ts';
import { PROGRESS_ENV } from '../progress/store.ts';
import { GRADER, leftBehind, processesTagged, ROOT, TAG } from './run-grader.ts';

const FOOTER = '\nwatching ';
const POLLING = 'looking for saves every';

interface Watch {
  output(): string;
  /** The n-th report, once its footer is out. */
  report(n: number): Promise<string>;
  server: string;
  grader: ChildProcessByStdio<null, Readable, Readable>;
  tag: string;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function startWatch(env: Record<string, string> = {}): Promise<Watch> {
  const work = await mkdtemp(join(tmpdir(), 'watch-test-'));
  const server = join(work, 'server.ts');
  await copyFile(join(ROOT, 'solutions/stage-1/server.ts'), server);
  const tag = randomUUID();
  const grader = spawn(process.execPath, [...GRADER, 'stage-1', '--file', server, '--watch'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NO_COLOR: '1',
      LANG: 'en_US.UTF-8',
      [TAG]: tag,
      [PROGRESS_ENV]: join(tmpdir(), `watch-test-progress-${tag}.json`),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(async () => {
    grader.kill('SIGKILL');
    await rm(work, { recursive: true, force: true });
    await rm(join(tmpdir(), `watch-test-progress-${tag}.json`), { force: true });
  });
  let output = '';
  const waiters = new Set<() => void>();
  grader.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const wake of waiters) wake();
  });
  grader.stderr.resume();
  const report = (n: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const reports = output.split(FOOTER);
        if (reports.length - 1 < n) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(reports[n - 1] ?? '');
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no report ${n}:\n${output}`));
      }, 60_000);
      waiters.add(check);
      check();
    });
  return { output: () => output, report, server, grader, tag };
}

/** Ctrl-C ends it all: the grader, its servers, what it compiled and what it held. */
async function interrupt(watch: Watch): Promise<void> {
  const closed = new Promise<number | null>((resolve) => watch.grader.on('close', resolve));
  watch.grader.kill('SIGINT');
  expect(await closed).toBe(130);
  expect(processesTagged(watch.tag)).toEqual([]);
  expect(leftBehind(watch.grader.pid ?? -1)).toEqual([]);
}

const broken = (source: string) => source.replace('socket.end(upperAscii(message))', 'socket.end(message)');

/** The save of an editor's safe write: the new text beside (a hidden name, as editors use), renamed over. */
async function replacingSave(file: string, text: string): Promise<void> {
  const beside = join(file, '..', `.${randomUUID()}.tmp`);
  await writeFile(beside, text);
  await rename(beside, file);
}

describe('watch', () => {
  test('grades again on every save, through a broken edit and a syntax error, and stops everything on Ctrl-C', async () => {
    const watch = await startWatch();
    expect(await watch.report(1)).toContain('4/4 properties hold');
    await writeFile(watch.server, broken(await readFile(watch.server, 'utf8')));
    expect(await watch.report(2)).toContain('✘ uppercases');
    await writeFile(watch.server, 'this is not TypeScript at all (');
    expect(await watch.report(3)).toContain('before it was listening');
    await interrupt(watch);
  });

  test('a save that replaces the file grades again, and so does the ordinary save after it', async () => {
    const watch = await startWatch();
    expect(await watch.report(1)).toContain('4/4 properties hold');
    const fixed = await readFile(watch.server, 'utf8');
    await replacingSave(watch.server, broken(fixed));
    expect(await watch.report(2)).toContain('✘ uppercases');
    await writeFile(watch.server, fixed);
    expect(await watch.report(3)).toContain('4/4 properties hold');
    await replacingSave(watch.server, broken(fixed));
    expect(await watch.report(4)).toContain('✘ uppercases');
    expect(watch.output()).not.toContain(POLLING);
    await interrupt(watch);
  });

  test(`${POLL_ENV}=1 looks for saves, says so once, and finds both kinds of save`, async () => {
    const watch = await startWatch({ [POLL_ENV]: '1' });
    expect(await watch.report(1)).toContain('4/4 properties hold');
    const fixed = await readFile(watch.server, 'utf8');
    await writeFile(watch.server, broken(fixed));
    expect(await watch.report(2)).toContain('✘ uppercases');
    await replacingSave(watch.server, fixed);
    expect(await watch.report(3)).toContain('4/4 properties hold');
    const said = watch.output().split(POLLING).length - 1;
    expect(said).toBe(1);
    expect(watch.output()).toContain(t('watch.polling.asked', { setting: `${POLL_ENV}=1` }).en);
    await interrupt(watch);
  });
});

describe('when to look for saves', () => {
  const mounts = [
    '/dev/sdc / ext4 rw,relatime 0 0',
    'C:\\134 /mnt/c 9p rw,noatime,aname=drvfs 0 0',
    'server:/home /home/shared nfs4 rw 0 0',
    '//nas/class /srv/my\\040class cifs rw 0 0',
    'fuse-overlayfs /work fuse.fuse-overlayfs rw 0 0',
    'sshfs#me@host: /remote fuse.sshfs rw 0 0',
  ].join('\n');
  const linux = { mounts, version: 'Linux version 6.8.0-45-generic (buildd@lcy02-amd64-075)' };
  const wsl = { mounts, version: 'Linux version 5.15.153.1-microsoft-standard-WSL2' };
  const why = (folder: string, system: System = linux, env: NodeJS.ProcessEnv = {}) =>
    pollReason(folder, env, system)?.en;

  test.each([
    ['/mnt/c/Users/me/lab', '9p'],
    ['/mnt/c', '9p'],
    ['/mnt/cd', 'ext4'],
    ['/home/shared/lab', 'nfs4'],
    ['/home/sharedlab', 'ext4'],
    ['/srv/my class/lab', 'cifs'],
    ['/work/lab', 'fuse.fuse-overlayfs'],
  ])('%s is on %s', (folder, type) => {
    expect(fsTypeOf(folder, mounts)).toBe(type);
  });

  test('events are trusted on a local disk, and on a container’s own', () => {
    expect(why('/home/me/lab')).toBeUndefined();
    expect(why('/work/lab')).toBeUndefined();
  });

  test('saves are looked for on shared and network drives, and on a Windows drive under WSL', () => {
    expect(why('/mnt/c/Users/me/lab')).toContain('9p filesystem');
    expect(why('/home/shared/lab')).toContain('nfs4 filesystem');
    expect(why('/remote/lab')).toContain('fuse.sshfs filesystem');
    expect(why('/mnt/d/lab', { mounts: null, version: wsl.version })).toContain('Windows drive');
    expect(why('/mnt/d/lab', { mounts: null, version: linux.version })).toBeUndefined();
  });

  test(`${POLL_ENV} forces looking (1) or trusting events (0)`, () => {
    expect(why('/home/me/lab', linux, { [POLL_ENV]: '1' })).toContain(`${POLL_ENV}=1`);
    expect(why('/mnt/c/lab', wsl, { [POLL_ENV]: '0' })).toBeUndefined();
  });
});

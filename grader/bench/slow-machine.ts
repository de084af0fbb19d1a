// npm run slow -- <command…>   (e.g. npm run slow -- npm test)
// Run a command as if on a machine several times slower than this one, the way learners' laptops and
// a busy CI runner are: pinned to SOCKET_LAB_SLOW_CORES cores (default 1) beside SOCKET_LAB_SLOW_HOGS
// programs that never stop computing (default 2, on those same cores), with a version-manager-like shim
// first on PATH, so every `python3` starts through a shell script that runs children first (as pyenv's
// does). Verdicts must come out exactly as on a quiet machine.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { delimiter, resolve } from 'node:path';
import { ROOT } from '../catalogue.ts';

const command = process.argv.slice(2);
if (command.length === 0) {
  process.stderr.write('usage: npm run slow -- <command…>   e.g. npm run slow -- npm test\n');
  process.exit(2);
}

const count = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
};
const cores = Math.min(availableParallelism(), Math.max(1, count('SOCKET_LAB_SLOW_CORES', 1)));
const hogCount = count('SOCKET_LAB_SLOW_HOGS', 2);
const cpuList = `0-${cores - 1}`;
const pin = spawnSync('taskset', ['--version']).status === 0 ? ['taskset', '-c', cpuList] : [];
export const LAUNCHERS = resolve(ROOT, 'grader/test/fixtures/launchers');

// A hog leaves when its parent does (even one killed with SIGKILL): it checks now and then who its parent is.
const HOG = `const p = process.ppid; for (let i = 0; ; i++) if (i % 1e7 === 0 && process.ppid !== p) process.exit(0);`;
const hogs: ChildProcess[] = Array.from({ length: hogCount }, () => {
  const [cmd = process.execPath, ...args] = [...pin, process.execPath, '-e', HOG];
  // A session of its own, as another program's would be: the scheduler shares the CPU between sessions.
  return spawn(cmd, args, { stdio: 'ignore', detached: true });
});

process.stderr.write(
  `slow machine: ${pin.length ? `pinned to CPU ${cpuList}` : 'not pinned (no taskset here)'}, ${hogCount} CPU hog${hogCount === 1 ? '' : 's'} beside, ` +
    `python3 through a launcher shim (${LAUNCHERS})\n`,
);

const [cmd = '', ...args] = [...pin, ...command];
const child = spawn(cmd, args, {
  stdio: 'inherit',
  env: { ...process.env, PATH: `${LAUNCHERS}${delimiter}${process.env.PATH ?? ''}`, SOCKET_LAB_SLOW: `${cores}:${hogCount}` },
});
const stopHogs = () => {
  for (const hog of hogs) hog.kill('SIGKILL');
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    child.kill(signal);
    stopHogs();
  });
}
process.on('exit', stopHogs);
child.on('close', (code, signal) => {
  stopHogs();
  process.exit(code ?? (signal ? 128 : 1));
});

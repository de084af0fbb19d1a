// Entry of `npm run grade`. Whatever ends the grader — the last verdict, Ctrl-C, a crash — every server
// it started is stopped first.

import { removeCompiledNow } from '../subject/compile.ts';
import { releaseAllPorts } from '../subject/port.ts';
import { killAllNow, shutDown, stopAll } from '../subject/process.ts';
import { main } from './main.ts';

const EXIT_ON_SIGNAL: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
let interrupted = false;
for (const [signal, code] of Object.entries(EXIT_ON_SIGNAL)) {
  process.on(signal as NodeJS.Signals, () => {
    if (interrupted) {
      killAllNow(); // a second Ctrl-C: no more grace
      process.exit(code);
    }
    interrupted = true;
    void shutDown().finally(() => {
      if (signal !== 'SIGHUP') process.exit(code);
      // The terminal is gone, and Node 20 aborts at a normal exit when it can't restore the terminal's
      // mode: end as a hang-up ends a program, by the signal's default action (tidying up first).
      removeCompiledNow();
      releaseAllPorts();
      process.removeAllListeners('SIGHUP');
      process.kill(process.pid, 'SIGHUP');
    });
  });
}
process.on('exit', killAllNow);
// A closed terminal fails a read or a mode change on it with EIO (enquirer's, say), often before the
// SIGHUP arrives: it is the hang-up, and ends as one.
process.on('uncaughtException', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EIO') process.emit('SIGHUP', 'SIGHUP');
  else throw err;
});

try {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
  });
} catch (err) {
  process.stderr.write(
    `\nThe grader itself failed; this is a bug in Socket Lab, not in your server. Please report it with this trace:\n评分器自身出错了：这是 Socket Lab 的缺陷，不是你的服务器的问题。请附上以下信息报告：\n\n${(err as Error).stack ?? err}\n`,
  );
  await stopAll();
  process.exitCode = 3;
}

// Entry of `npm run grade`. Whatever ends the grader — the last verdict, Ctrl-C, a crash — every server
// it started is stopped first.

import { stopAll } from '../subject/process.ts';
import { endOnSignals } from '../subject/signals.ts';
import { main } from './main.ts';

endOnSignals();

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

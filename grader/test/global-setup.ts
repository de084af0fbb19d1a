// Build the bundles of the commands the tests run once, before any test: the first runs would otherwise
// build them side by side (harmless, but slower).
import { spawnSync } from 'node:child_process';
import { command, ROOT } from './run-grader.ts';

export default function setup(): void {
  for (const entry of ['grader/cli/entry.ts', 'grader/hands-on/cli.ts', 'grader/reset/cli.ts'])
    spawnSync(process.execPath, [...command(entry), '--help'], { cwd: ROOT, stdio: 'ignore' }); // built on the way: its answer doesn't matter
}

// Entry of `npm run autograder`.
import { autograderCommand } from './command.ts';

process.exitCode = autograderCommand(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});

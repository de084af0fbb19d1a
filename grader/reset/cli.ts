// Entry of `npm run reset`.
import { resetCommand } from './command.ts';

process.exitCode = resetCommand(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});

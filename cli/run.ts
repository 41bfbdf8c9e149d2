import { main } from './main';

// Entry point of `npm run sequels` and the sequel-finder binary.
process.exitCode = await main({
  argv: process.argv.slice(2),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});

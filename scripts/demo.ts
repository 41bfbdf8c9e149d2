import { main } from '../cli/main';
import { startFakeAniList } from '../tests/support/fake-anilist/index';

/**
 * Runs the command line tool against a local fake AniList serving the recorded 52-entry list of the
 * user "Boilerplate", so the main job can be tried without reaching AniList. Extra arguments go to
 * the tool, e.g. `npm run demo -- --json`.
 */
const fake = await startFakeAniList();
process.stderr.write(`Fake AniList listening at ${fake.url}\n`);
try {
  process.exitCode = await main({
    argv: ['Boilerplate', '--api-url', fake.url, '--no-cache', '--rate', '600', ...process.argv.slice(2)],
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });
} finally {
  await fake.close();
}

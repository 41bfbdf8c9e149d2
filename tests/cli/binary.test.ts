import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../cli/report';
import { startFakeAniList, type FakeAniList } from '../support/fake-anilist/index';
import { BOILERPLATE_MISSING } from './support';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

let anilist: FakeAniList;

beforeAll(async () => {
  anilist = await startFakeAniList();
});
afterEach(() => anilist.reset());
afterAll(() => anilist.close());

interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command in the project folder without the AniList variables of the caller's shell. It is
 * asynchronous because the fake AniList responds from this process's event loop.
 */
function runProcess(command: string, args: string[]): Promise<ProcessResult> {
  const env = { ...process.env };
  delete env.ANILIST_TOKEN;
  delete env.ANILIST_API_URL;
  return new Promise((resolve) => {
    execFile(command, args, { cwd: PROJECT_ROOT, env, timeout: 15_000 }, (error, stdout, stderr) => {
      let code = 0;
      if (error !== null) code = typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('sequel-finder binary', () => {
  it('binary: --json prints the report', async () => {
    const run = await runProcess(process.execPath, ['bin/sequel-finder.mjs', 'Boilerplate', '--json', '--no-cache', '--api-url', anilist.url]);
    const report = JSON.parse(run.stdout) as JsonReport;

    expect(run.code).toBe(0);
    expect(report.user).toEqual({ id: 5001, name: 'Boilerplate' });
    expect(report.missing.map((item) => item.id)).toEqual(BOILERPLATE_MISSING);
    expect(report.requests).toBe(anilist.requests.length);
  });

  it('binary: unknown user exits 3', async () => {
    const run = await runProcess(process.execPath, ['bin/sequel-finder.mjs', 'NoSuchUser', '--json', '--no-cache', '--api-url', anilist.url]);

    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('sequel-finder: AniList has no user named "NoSuchUser": check the spelling of the user name.\n');
  });

  it('binary: usage error exits 2', async () => {
    const run = await runProcess(process.execPath, ['bin/sequel-finder.mjs', 'Boilerplate', '--type', 'movie']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Invalid --type "movie": use anime or manga.');
    expect(anilist.requests).toHaveLength(0);
  });

  // npm prints its "> package@version script" banner on stdout, and -s (--silent) leaves it out.
  it('npm run -s: stdout is only JSON', async () => {
    const run = await runProcess('npm', ['run', '-s', 'sequels', '--', 'Boilerplate', '--json', '--no-cache', '--api-url', anilist.url]);
    const report = JSON.parse(run.stdout) as JsonReport;

    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('{"user":')).toBe(true);
    expect(report.missing).toHaveLength(10);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProgressLine } from '../../cli/progress';
import type { JsonReport } from '../../cli/report';
import { startFakeAniList, type FakeAniList } from '../support/fake-anilist/index';
import { CapturedOutput, makeTempDir, operationsSent, runCli } from './support';

let anilist: FakeAniList;

beforeAll(async () => {
  anilist = await startFakeAniList();
});
afterEach(() => anilist.reset());
afterAll(() => anilist.close());

/** Status line redraws as the terminal shows them: each starts by clearing the line. */
function redraws(stderr: string): string[] {
  return stderr.split('\r\x1b[2K').filter(Boolean);
}

describe('main environment variables', () => {
  it('env: ANILIST_API_URL sets the endpoint', async () => {
    const run = await runCli(['Boilerplate', '--json', '--no-cache'], { env: { ANILIST_API_URL: anilist.url } });

    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as JsonReport).missing).toHaveLength(10);
    expect(operationsSent(anilist)).toEqual(['UserList', 'MediaRelationsBatch']);
  });

  it('env: --api-url beats ANILIST_API_URL', async () => {
    // Port 1 on 127.0.0.1 has no listener, so a request sent there would fail the run.
    const run = await runCli(['Boilerplate', '--json', '--no-cache', '--api-url', anilist.url], { env: { ANILIST_API_URL: 'http://127.0.0.1:1/' } });

    expect(run.code).toBe(0);
    expect(anilist.requests).toHaveLength(2);
  });

  it('env: ANILIST_TOKEN reads a private list', async () => {
    const run = await runCli(['PrivateUser', '--json', '--no-cache', '--api-url', anilist.url], { env: { ANILIST_TOKEN: 'fake-token-private' } });

    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as JsonReport).user).toEqual({ id: 5003, name: 'PrivateUser' });
    expect(anilist.requests[0]?.headers.authorization).toBe('Bearer fake-token-private');
  });

  it('env: --token beats ANILIST_TOKEN', async () => {
    const run = await runCli(['PrivateUser', '--json', '--no-cache', '--api-url', anilist.url, '--token', 'fake-token-private'], {
      env: { ANILIST_TOKEN: 'not-a-token' },
    });

    expect(run.code).toBe(0);
    expect(anilist.requests.map((request) => request.headers.authorization)).not.toContain('Bearer not-a-token');
  });
});

describe('main progress line', () => {
  it('progress: terminal shows requests and phases', async () => {
    const run = await runCli(['Boilerplate', '--json', '--no-cache', '--api-url', anilist.url], { stderrTTY: true });
    const lines = redraws(run.stderr);

    expect(run.code).toBe(0);
    expect(lines[0]).toBe('[0 requests] reading the list');
    expect(lines).toContain('[1 request] reading the list');
    expect(lines).toContain('[2 requests] following relations (0 fetched, 0 cached)');
    expect(lines).toContain('[2 requests] following relations (10 fetched, 0 cached)');
    expect(lines.at(-1)).toBe('[2 requests] done\n');
  });

  it('progress: cached relations counted', async () => {
    const temp = await makeTempDir();
    try {
      const args = ['Boilerplate', '--json', '--cache-file', `${temp.dir}/relations.json`, '--api-url', anilist.url];
      await runCli(args);
      const run = await runCli(args, { stderrTTY: true });

      expect(redraws(run.stderr)).toContain('[1 request] following relations (0 fetched, 10 cached)');
      expect(redraws(run.stderr).at(-1)).toBe('[1 request] done\n');
    } finally {
      await temp.remove();
    }
  });

  it('progress: terminal shows rate-limit wait', async () => {
    anilist.failNext({ kind: 'rate-limit', retryAfter: 1 });

    // The real sleep: the pacer waits out Retry-After on the clock, about one second. A high --rate
    // keeps the refill after the wait from adding two more.
    const run = await runCli(['Boilerplate', '--json', '--no-cache', '--rate', '600', '--api-url', anilist.url], {
      stderrTTY: true,
      clientOptions: { burst: 100 },
    });
    const report = JSON.parse(run.stdout) as JsonReport;

    expect(run.code).toBe(0);
    expect(redraws(run.stderr)).toContain('[1 request] reading the list | rate limited by AniList: waiting 1 s');
    expect(redraws(run.stderr).at(-1)).toBe('[3 requests] done\n');
    expect(report.requests).toBe(3);
    expect(anilist.requests.map((request) => request.status)).toEqual([429, 200, 200]);
  });

  it('progress: off a terminal only waits', async () => {
    anilist.failNext({ kind: 'rate-limit', retryAfter: 1 });

    const run = await runCli(['Boilerplate', '--json', '--no-cache', '--rate', '600', '--api-url', anilist.url], { clientOptions: { burst: 100 } });

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('rate limited by AniList: waiting 1 s\n');
  });
});

describe('ProgressLine countdown', () => {
  it('progress countdown: wait shrinks with clock', () => {
    let now = 1_000_000;
    const stream = new CapturedOutput(true);
    const progress = new ProgressLine(stream, () => now);

    progress.onClientEvent({ type: 'request', operationName: 'UserList', requests: 1 });
    progress.onClientEvent({ type: 'wait', reason: 'rate-limit', seconds: 5, until: now + 5000 });
    now += 2000;
    progress.onClientEvent({ type: 'response', operationName: 'UserList', status: 200, bytes: 10 });
    now += 3000;
    progress.showPhase('done');
    progress.finish();

    expect(redraws(stream.text)).toEqual([
      '[1 request] reading the list',
      '[1 request] reading the list | rate limited by AniList: waiting 5 s',
      '[1 request] reading the list | rate limited by AniList: waiting 3 s',
      '[1 request] done',
      '[1 request] done\n',
    ]);
  });

  it('progress countdown: retry wait named', () => {
    const stream = new CapturedOutput(true);
    const progress = new ProgressLine(stream, () => 0);

    progress.onClientEvent({ type: 'wait', reason: 'retry', seconds: 2, until: 2000 });
    progress.finish();

    expect(redraws(stream.text)).toEqual(['[0 requests] reading the list | AniList failed, retrying: waiting 2 s', '[0 requests] reading the list | AniList failed, retrying: waiting 2 s\n']);
  });

  it('progress countdown: finish stops redraws', () => {
    const stream = new CapturedOutput(true);
    const progress = new ProgressLine(stream, () => 0);

    progress.finish();
    progress.onClientEvent({ type: 'request', operationName: 'SaveToPlanning', requests: 4 });
    progress.finish();

    expect(stream.text).toBe('\r\x1b[2K[0 requests] reading the list\n');
  });
});

import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AniListClientOptions } from '../../lib/anilist/client';
import { startFakeAniList, type FakeAniList, type Failure } from '../support/fake-anilist/index';
import { FAST_CLIENT, operationsSent, runCli } from './support';

let anilist: FakeAniList;

beforeAll(async () => {
  anilist = await startFakeAniList();
});
afterEach(() => anilist.reset());
afterAll(() => anilist.close());

/** Returns a URL on 127.0.0.1 whose port had a listener a moment ago and has none now. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('The probe server has no TCP port');
  return `http://127.0.0.1:${address.port}/`;
}

interface ExitCase {
  name: string;
  argv: string[];
  /** Sent on every request. */
  failAlways?: Failure;
  /** Sent on the next requests, in order. */
  failNext?: Failure[];
  /** Client options for this case, in place of FAST_CLIENT. */
  clientOptions?: () => Partial<AniListClientOptions>;
  /** The API URL, in place of the fake's. */
  apiUrl?: () => Promise<string>;
  code: number;
  /** Parts of the message on stderr. */
  messages: string[];
  /** Operation names the fake must have received. */
  sent: string[];
  retryLines?: number;
}

const exitCases: ExitCase[] = [
  {
    name: 'unknown user is 3',
    argv: ['NoSuchUser'],
    code: 3,
    messages: ['AniList has no user named "NoSuchUser": check the spelling of the user name.'],
    sent: ['UserList'],
  },
  {
    name: 'private user is 3',
    argv: ['PrivateUser'],
    code: 3,
    messages: ['The list of "PrivateUser" is private: pass that user\'s access token with --token or ANILIST_TOKEN.'],
    sent: ['UserList'],
  },
  {
    name: "another user's token on private list is 3",
    argv: ['PrivateUser', '--token', 'fake-token-boilerplate'],
    code: 3,
    messages: ['The list of "PrivateUser" is private'],
    sent: ['UserList'],
  },
  {
    name: 'recorded not-found body is 3',
    argv: ['Boilerplate'],
    failNext: [{ kind: 'not-found' }],
    code: 3,
    messages: ['AniList has no user named "Boilerplate"'],
    sent: ['UserList'],
  },
  {
    name: 'API disabled is 4 without retry',
    argv: ['Boilerplate'],
    failAlways: { kind: 'api-disabled' },
    code: 4,
    messages: ['AniList has turned its API off for now, so try again later.'],
    sent: ['UserList'],
  },
  {
    name: 'server errors after retries are 4',
    argv: ['Boilerplate'],
    failAlways: { kind: 'server-error' },
    code: 4,
    messages: ["AniList's servers did not answer properly even after several tries"],
    // One request and the two retries of FAST_CLIENT.
    sent: ['UserList', 'UserList', 'UserList'],
    retryLines: 2,
  },
  {
    name: 'HTML bad gateway is 4',
    argv: ['Boilerplate'],
    failAlways: { kind: 'bad-gateway-html' },
    code: 4,
    messages: ["AniList's servers did not answer properly even after several tries"],
    sent: ['UserList', 'UserList', 'UserList'],
    retryLines: 2,
  },
  {
    name: 'dropped connections are 4',
    argv: ['Boilerplate'],
    failAlways: { kind: 'network' },
    code: 4,
    messages: ['Could not reach the AniList API at '],
    sent: ['UserList', 'UserList', 'UserList'],
    retryLines: 2,
  },
  {
    name: 'refused connection is 4',
    argv: ['Boilerplate'],
    apiUrl: closedPortUrl,
    code: 4,
    messages: ['Could not reach the AniList API at http://127.0.0.1:', '(connect ECONNREFUSED 127.0.0.1:'],
    sent: [],
    retryLines: 2,
  },
  {
    name: 'rate limit past its retries is 4',
    argv: ['Boilerplate'],
    failAlways: { kind: 'rate-limit', retryAfter: 30 },
    clientOptions: () => ({ ...FAST_CLIENT, maxRateLimitRetries: 0 }),
    code: 4,
    messages: ['AniList is receiving too many requests and asks to wait 30 seconds before trying again.'],
    sent: ['UserList'],
  },
  {
    name: 'relations batch failing is 4',
    argv: ['Boilerplate'],
    // The list request succeeds, and every request from the first relations batch on fails.
    clientOptions: () => ({
      ...FAST_CLIENT,
      onEvent: (event) => {
        if (event.type === 'request' && event.operationName === 'MediaRelationsBatch') anilist.failAlways({ kind: 'server-error' });
      },
    }),
    code: 4,
    messages: ["AniList's servers did not answer properly"],
    sent: ['UserList', 'MediaRelationsBatch', 'MediaRelationsBatch', 'MediaRelationsBatch'],
    retryLines: 2,
  },
  {
    name: 'invalid token is 1',
    argv: ['Boilerplate', '--token', 'not-a-token'],
    code: 1,
    messages: ['AniList rejected the access token (--token or ANILIST_TOKEN) as invalid or expired: create a new token and pass it again.'],
    sent: ['UserList'],
  },
  {
    name: 'complexity at every size is 1',
    argv: ['Boilerplate'],
    failAlways: { kind: 'complexity', maxIds: 0 },
    code: 1,
    messages: ['AniList rejected the query as too complex even at the smallest size'],
    // perChunk halves from 500 down to 1: 500, 250, 125, 62, 31, 15, 7, 3, 1.
    sent: Array(9).fill('UserList'),
  },
];

describe('main exit codes', () => {
  it.each(exitCases)('exit code: $name', async (testCase) => {
    if (testCase.failAlways) anilist.failAlways(testCase.failAlways);
    if (testCase.failNext) anilist.failNext(...testCase.failNext);
    const apiUrl = testCase.apiUrl ? await testCase.apiUrl() : anilist.url;

    const run = await runCli([...testCase.argv, '--json', '--api-url', apiUrl, '--no-cache'], {
      clientOptions: testCase.clientOptions?.() ?? FAST_CLIENT,
    });

    expect(run.code).toBe(testCase.code);
    expect(run.stderr).toContain('sequel-finder: ');
    for (const message of testCase.messages) expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
    expect(operationsSent(anilist)).toEqual(testCase.sent);
    expect(run.stderr.match(/AniList failed, retrying: waiting \d+ s\n/g) ?? []).toHaveLength(testCase.retryLines ?? 0);
  });
});

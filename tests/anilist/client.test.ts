import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AniListClient, type AniListClientOptions, type ClientEvent } from '../../lib/anilist/client';
import { AniListError, type AniListErrorKind } from '../../lib/anilist/errors';
import {
  BOILERPLATE_USER_ID, loadRecordedData, startFakeAniList, type FakeAniList, type FakeUser, type Failure,
} from '../support/fake-anilist/index';
import { createFakeClock } from './fake-clock';

const BOILERPLATE_TOKEN = 'fake-token-boilerplate';
const PRIVATE_TOKEN = 'fake-token-private';
/** A user added for these tests, with enough entries to need several chunks once perChunk shrinks. */
const COLLECTOR = { id: 5099, name: 'Collector', entries: 260 };

let fake: FakeAniList;

beforeAll(async () => {
  const data = loadRecordedData();
  const mediaIds = [...data.media.keys()].slice(0, COLLECTOR.entries);
  const collector: FakeUser = {
    id: COLLECTOR.id,
    name: COLLECTOR.name,
    lists: {
      ANIME: mediaIds.map((mediaId, index) => ({ id: COLLECTOR.id * 1000 + index, mediaId, status: 'COMPLETED' })),
      MANGA: [],
    },
  };
  data.users.push(collector);
  fake = await startFakeAniList({ data });
});

afterEach(() => fake.reset());
afterAll(() => fake.close());

function createClient(options: AniListClientOptions = {}) {
  const clock = createFakeClock();
  const events: ClientEvent[] = [];
  const client = new AniListClient({
    apiUrl: fake.url,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0,
    onEvent: (event) => events.push(event),
    ...options,
  });
  return { client, clock, events };
}

async function failure(promise: Promise<unknown>): Promise<AniListError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AniListError);
  return error as AniListError;
}

const variablesOf = (operationName: string) =>
  fake.requests.filter((request) => request.operationName === operationName).map((request) => request.variables);

/** Media ids that no user has on a list, in the fake's order. */
function mediaIdsOffLists(count: number): number[] {
  const listed = new Set(fake.data.users.flatMap((user) => [...user.lists.ANIME, ...user.lists.MANGA].map((entry) => entry.mediaId)));
  return [...fake.data.media.keys()].filter((id) => !listed.has(id)).slice(0, count);
}

describe('AniListClient list', () => {
  const lists: { name: string; user: { name: string } | { id: number }; type: 'ANIME' | 'MANGA'; token?: string; entries: number; userId: number }[] = [
    { name: 'Boilerplate by name', user: { name: 'Boilerplate' }, type: 'ANIME', entries: 52, userId: BOILERPLATE_USER_ID },
    { name: 'Boilerplate by id', user: { id: BOILERPLATE_USER_ID }, type: 'ANIME', entries: 52, userId: BOILERPLATE_USER_ID },
    { name: 'Boilerplate name any case', user: { name: 'boilerplate' }, type: 'ANIME', entries: 52, userId: BOILERPLATE_USER_ID },
    { name: 'Warps anime', user: { name: 'Warps' }, type: 'ANIME', entries: 7, userId: 5002 },
    { name: 'Warps manga', user: { name: 'Warps' }, type: 'MANGA', entries: 4, userId: 5002 },
    { name: 'Boilerplate empty manga', user: { name: 'Boilerplate' }, type: 'MANGA', entries: 0, userId: BOILERPLATE_USER_ID },
    { name: 'PrivateUser as owner', user: { name: 'PrivateUser' }, type: 'ANIME', token: PRIVATE_TOKEN, entries: 4, userId: 5003 },
  ];
  for (const { name, user, type, token, entries, userId } of lists) {
    it(`reads ${name}`, async () => {
      const { client } = createClient({ token });
      const list = await client.fetchUserList(user, type);
      expect(list.entries).toHaveLength(entries);
      expect(new Set(list.entries.map((entry) => entry.mediaId)).size).toBe(entries);
      expect(list.user.id).toBe(userId);
      expect(list.type).toBe(type);
      expect(fake.requests).toHaveLength(1);
      expect(variablesOf('UserList')[0]).toMatchObject({ type, chunk: 1, perChunk: 500 });
    });
  }

  it('Boilerplate entries carry relations', async () => {
    const { client } = createClient();
    const list = await client.fetchUserList({ name: 'Boilerplate' }, 'ANIME');
    expect(list.entries.every((entry) => entry.status === 'PLANNING')).toBe(true);
    expect(list.entries.every((entry) => entry.lists.join() === 'Planning')).toBe(true);
    const sequelEdges = list.entries.flatMap((entry) => entry.edges ?? []).filter((edge) => edge.relationType === 'SEQUEL');
    expect(sequelEdges).toHaveLength(25);
  });

  it('custom-list-only entry keeps its list', async () => {
    const { client } = createClient({ token: PRIVATE_TOKEN });
    const list = await client.fetchUserList({ name: 'PrivateUser' }, 'ANIME');
    const hidden = list.entries.find((entry) => entry.mediaId === 12189);
    expect(hidden?.lists).toEqual(['Rewatch later']);
    expect(hidden?.hiddenFromStatusLists).toBe(true);
  });

  it('sends Referer and token', async () => {
    const { client } = createClient({ token: BOILERPLATE_TOKEN });
    await client.fetchUserList({ name: 'Boilerplate' }, 'ANIME');
    expect(fake.requests[0]?.headers.referer).toBe('https://anilist.co/');
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${BOILERPLATE_TOKEN}`);
  });

  it('complexity halves perChunk', async () => {
    fake.failAlways({ kind: 'complexity', maxIds: 100 });
    const { client } = createClient();
    const list = await client.fetchUserList({ name: COLLECTOR.name }, 'ANIME');
    expect(list.entries).toHaveLength(COLLECTOR.entries);
    expect(variablesOf('UserList').map(({ chunk, perChunk }) => [chunk, perChunk])).toEqual([
      [1, 500], [1, 250], [1, 125], [1, 62], [2, 62], [3, 62], [4, 62], [5, 62],
    ]);
  });

  it('complexity mid-list re-reads the same entries', async () => {
    // The first chunk of 250 passes; the second draws the error and is re-read as chunk 3 of 125.
    fake.failNext({ kind: 'complexity', maxIds: 250 }, { kind: 'slow', ms: 0 }, { kind: 'complexity', maxIds: 100 });
    const { client } = createClient();
    const list = await client.fetchUserList({ name: COLLECTOR.name }, 'ANIME');
    expect(list.entries).toHaveLength(COLLECTOR.entries);
    expect(new Set(list.entries.map((entry) => entry.mediaId)).size).toBe(COLLECTOR.entries);
    expect(variablesOf('UserList').map(({ chunk, perChunk }) => [chunk, perChunk])).toEqual([
      [1, 500], [1, 250], [2, 250], [3, 125],
    ]);
  });
});

describe('AniListClient relations', () => {
  const batches: { count: number; requests: number }[] = [
    { count: 1, requests: 1 },
    { count: 50, requests: 1 },
    { count: 51, requests: 2 },
    { count: 120, requests: 3 },
    { count: 200, requests: 4 },
  ];
  for (const { count, requests } of batches) {
    it(`${count} ids take ${requests} requests`, async () => {
      const ids = [...fake.data.media.keys()].slice(0, count);
      const { client } = createClient();
      const relations = await client.fetchRelations(ids);
      expect(relations.map((item) => item.media.id)).toEqual(ids);
      expect(fake.requests).toHaveLength(requests);
      expect(variablesOf('MediaRelationsBatch').every(({ ids: batch }) => Array.isArray(batch) && batch.length <= 50)).toBe(true);
    });
  }

  it('leaves out ids AniList lacks', async () => {
    const { client } = createClient();
    const relations = await client.fetchRelations([1, 999_999_999, 5114]);
    expect(relations.map((item) => item.media.id)).toEqual([1, 5114]);
  });

  it('asks once for duplicate ids', async () => {
    const { client } = createClient();
    const relations = await client.fetchRelations([1, 1, 5114, 1]);
    expect(relations.map((item) => item.media.id)).toEqual([1, 5114]);
    expect(variablesOf('MediaRelationsBatch')[0]?.ids).toEqual([1, 5114]);
  });

  it('no ids send nothing', async () => {
    const { client } = createClient();
    await expect(client.fetchRelations([])).resolves.toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });

  it('returns edges and fetch time', async () => {
    const { client, clock } = createClient();
    const [cowboyBebop] = await client.fetchRelations([1]);
    expect(cowboyBebop?.fetchedAt).toBe(clock.now());
    expect(cowboyBebop?.edges.map((edge) => edge.relationType).sort()).toEqual(
      ['ADAPTATION', 'ADAPTATION', 'SIDE_STORY', 'SIDE_STORY', 'SUMMARY'],
    );
  });

  it('complexity halves the batch', async () => {
    fake.failAlways({ kind: 'complexity', maxIds: 20 });
    const ids = [...fake.data.media.keys()].slice(0, 60);
    const { client } = createClient();
    const relations = await client.fetchRelations(ids);
    expect(relations).toHaveLength(60);
    expect(variablesOf('MediaRelationsBatch').map(({ ids: batch }) => (batch as number[]).length)).toEqual([50, 25, 12, 12, 12, 12, 12]);
  });

  it('complexity at one id fails', async () => {
    fake.failAlways({ kind: 'complexity', maxIds: 0 });
    const { client } = createClient();
    const error = await failure(client.fetchRelations([...fake.data.media.keys()].slice(0, 50)));
    expect(error.kind).toBe('complexity');
    expect(variablesOf('MediaRelationsBatch').map(({ ids: batch }) => (batch as number[]).length)).toEqual([50, 25, 12, 6, 3, 1]);
  });
});

describe('AniListClient failures', () => {
  const kinds: { name: string; failures: Failure[]; always?: Failure; kind: AniListErrorKind; requests: number }[] = [
    { name: 'invalid token', failures: [{ kind: 'invalid-token' }], kind: 'invalid-token', requests: 1 },
    { name: 'unauthorized', failures: [{ kind: 'unauthorized' }], kind: 'unauthorized', requests: 1 },
    { name: 'api disabled', failures: [{ kind: 'api-disabled' }], kind: 'api-disabled', requests: 1 },
    { name: 'private user', failures: [{ kind: 'private-user' }], kind: 'private-user', requests: 1 },
    { name: 'not found', failures: [{ kind: 'not-found' }], kind: 'not-found', requests: 1 },
    { name: 'server error always', failures: [], always: { kind: 'server-error' }, kind: 'server', requests: 5 },
    { name: 'html 502 always', failures: [], always: { kind: 'bad-gateway-html' }, kind: 'server', requests: 5 },
    { name: 'network always', failures: [], always: { kind: 'network' }, kind: 'network', requests: 5 },
    { name: 'rate limit always', failures: [], always: { kind: 'rate-limit', retryAfter: 2 }, kind: 'rate-limited', requests: 6 },
  ];
  for (const { name, failures, always, kind, requests } of kinds) {
    it(`${name} becomes ${kind}`, async () => {
      fake.failNext(...failures);
      if (always) fake.failAlways(always);
      const { client } = createClient();
      const error = await failure(client.fetchUserList({ name: 'Boilerplate' }, 'ANIME'));
      expect(error.kind).toBe(kind);
      expect(error.operationName).toBe('UserList');
      expect(fake.requests).toHaveLength(requests);
      expect(client.stats.requests).toBe(requests);
    });
  }

  const recovered: { name: string; failures: Failure[]; requests: number; sleeps: number[] }[] = [
    { name: 'server error', failures: [{ kind: 'server-error' }], requests: 2, sleeps: [1000] },
    { name: 'html 502 twice', failures: [{ kind: 'bad-gateway-html' }, { kind: 'bad-gateway-html' }], requests: 3, sleeps: [1000, 2000] },
    { name: 'network', failures: [{ kind: 'network' }], requests: 2, sleeps: [1000] },
    { name: 'rate limit with Retry-After', failures: [{ kind: 'rate-limit', retryAfter: 5 }], requests: 2, sleeps: [5000] },
    { name: 'rate limit without headers', failures: [{ kind: 'rate-limit' }], requests: 2, sleeps: [60_000] },
    { name: 'slow answer', failures: [{ kind: 'slow', ms: 50 }], requests: 1, sleeps: [] },
  ];
  for (const { name, failures, requests, sleeps } of recovered) {
    it(`recovers from ${name}`, async () => {
      fake.failNext(...failures);
      const { client, clock } = createClient();
      const list = await client.fetchUserList({ name: 'Boilerplate' }, 'ANIME');
      expect(list.entries).toHaveLength(52);
      expect(fake.requests).toHaveLength(requests);
      expect(clock.sleeps).toEqual(sleeps);
    });
  }

  it('rate limit waits until reset', async () => {
    const { client, clock, events } = createClient();
    const reset = clock.now() / 1000 + 30;
    fake.failNext({ kind: 'rate-limit', reset });
    await client.fetchUserList({ name: 'Boilerplate' }, 'ANIME');
    expect(clock.sleeps).toEqual([30_000]);
    expect(events).toContainEqual({ type: 'wait', reason: 'rate-limit', seconds: 30, until: reset * 1000 });
  });

  it('slow answer past timeout is retried', async () => {
    fake.failNext({ kind: 'slow', ms: 2000 });
    const { client } = createClient({ timeoutMs: 200 });
    const list = await client.fetchUserList({ name: 'Boilerplate' }, 'ANIME');
    expect(list.entries).toHaveLength(52);
    expect(fake.requests).toHaveLength(2);
  });

  it('missing Referer is api-disabled', async () => {
    const withoutReferer: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.delete('referer');
      return fetch(input, { ...init, headers });
    };
    const { client } = createClient({ fetch: withoutReferer });
    const error = await failure(client.fetchUserList({ name: 'Boilerplate' }, 'ANIME'));
    expect(error.kind).toBe('api-disabled');
    expect(fake.requests).toHaveLength(1);
  });

  it('unknown user is not-found', async () => {
    const { client } = createClient();
    const error = await failure(client.fetchUserList({ name: 'NoSuchUser404' }, 'ANIME'));
    expect(error.kind).toBe('not-found');
    expect(fake.requests).toHaveLength(1);
  });

  it('private list is private-user', async () => {
    const { client } = createClient();
    const error = await failure(client.fetchUserList({ name: 'PrivateUser' }, 'ANIME'));
    expect(error.kind).toBe('private-user');
  });

  it('unknown token is invalid-token', async () => {
    const { client } = createClient({ token: 'expired-token' });
    const error = await failure(client.fetchViewer());
    expect(error.kind).toBe('invalid-token');
    expect(fake.requests).toHaveLength(1);
  });

  it('aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('scan cancelled', 'AbortError'));
    const { client } = createClient({ signal: controller.signal });
    await expect(client.fetchUserList({ name: 'Boilerplate' }, 'ANIME')).rejects.toThrow('scan cancelled');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('AniListClient viewer and planning', () => {
  it('reads the viewer', async () => {
    const { client } = createClient({ token: BOILERPLATE_TOKEN });
    const viewer = await client.fetchViewer();
    expect(viewer).toMatchObject({ id: BOILERPLATE_USER_ID, name: 'Boilerplate', scoreFormat: 'POINT_100' });
  });

  it('viewer without token sends nothing', async () => {
    const { client } = createClient();
    const error = await failure(client.fetchViewer());
    expect(error.kind).toBe('unauthorized');
    expect(fake.requests).toHaveLength(0);
  });

  it('saveToPlanning then re-read list', async () => {
    const [mediaId] = mediaIdsOffLists(1);
    if (mediaId === undefined) throw new Error('the fake has no media outside every list');
    const { client } = createClient({ token: BOILERPLATE_TOKEN });

    const saved = await client.saveToPlanning(mediaId);
    expect(saved.mediaId).toBe(mediaId);
    expect(saved.status).toBe('PLANNING');
    expect(variablesOf('SaveToPlanning')).toEqual([{ mediaId }]);

    const list = await client.fetchUserList({ name: 'Boilerplate' }, 'ANIME');
    expect(list.entries).toHaveLength(53);
    const added = list.entries.find((entry) => entry.mediaId === mediaId);
    expect(added?.id).toBe(saved.entryId);
    expect(added?.status).toBe('PLANNING');
    expect(added?.lists).toEqual(['Planning']);
  });

  it('saveToPlanning twice keeps one entry', async () => {
    const [mediaId] = mediaIdsOffLists(1);
    if (mediaId === undefined) throw new Error('the fake has no media outside every list');
    const { client } = createClient({ token: BOILERPLATE_TOKEN });
    const first = await client.saveToPlanning(mediaId);
    const second = await client.saveToPlanning(mediaId);
    expect(second.entryId).toBe(first.entryId);
    const list = await client.fetchUserList({ name: 'Boilerplate' }, 'ANIME');
    expect(list.entries.filter((entry) => entry.mediaId === mediaId)).toHaveLength(1);
  });

  it('saveToPlanning without token sends nothing', async () => {
    const { client } = createClient();
    const error = await failure(client.saveToPlanning(1));
    expect(error.kind).toBe('unauthorized');
    expect(fake.requests).toHaveLength(0);
  });

  it('counts requests, bytes and events', async () => {
    const { client, events } = createClient({ token: BOILERPLATE_TOKEN });
    await client.fetchViewer();
    await client.fetchUserList({ name: 'Boilerplate' }, 'ANIME');
    expect(client.stats.requests).toBe(2);
    expect(client.stats.bytes).toBe(fake.requests.reduce((sum, request) => sum + request.bytes, 0));
    expect(events.filter((event) => event.type === 'request')).toEqual([
      { type: 'request', operationName: 'Viewer', requests: 1 },
      { type: 'request', operationName: 'UserList', requests: 2 },
    ]);
  });
});

describe('AniListClient unexpected responses', () => {
  function stubClient(body: unknown) {
    let requests = 0;
    const stubFetch: typeof fetch = async () => {
      requests += 1;
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const { client } = createClient({ fetch: stubFetch, token: BOILERPLATE_TOKEN });
    return { client, requests: () => requests };
  }

  it('malformed viewer is validation', async () => {
    const { client } = stubClient({ data: { Viewer: { id: 'not a number', name: 'Boilerplate' } } });
    const error = await failure(client.fetchViewer());
    expect(error.kind).toBe('validation');
    expect(error.operationName).toBe('Viewer');
    expect(error.message).toContain('id');
  });

  it('missing list is not-found', async () => {
    const { client } = stubClient({ data: { MediaListCollection: null } });
    const error = await failure(client.fetchUserList({ name: 'Boilerplate' }, 'ANIME'));
    expect(error.kind).toBe('not-found');
  });

  it('empty chunk with more to come stops', async () => {
    const { client, requests } = stubClient({
      data: { MediaListCollection: { hasNextChunk: true, user: { id: 5001, name: 'Boilerplate' }, lists: [] } },
    });
    const error = await failure(client.fetchUserList({ name: 'Boilerplate' }, 'ANIME'));
    expect(error.kind).toBe('validation');
    expect(error.unreadableResponse).toBe(true);
    expect(requests()).toBe(1);
  });

  it('malformed saved entry is validation', async () => {
    const { client } = stubClient({ data: { SaveMediaListEntry: { id: 1, mediaId: 1, status: 'WATCHING' } } });
    const error = await failure(client.saveToPlanning(1));
    expect(error.kind).toBe('validation');
    expect(error.operationName).toBe('SaveToPlanning');
  });
});

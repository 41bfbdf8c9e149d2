import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BOILERPLATE_USER_ID,
  buildFakeData,
  type FakeAniList,
  type FakeUser,
  type Failure,
  loadRecordedData,
  PRIVATE_USER_ID,
  startFakeAniList,
  WARPS_USER_ID,
} from './support/fake-anilist';
import { parseFailure } from './support/fake-anilist/failures';

const ERRORS_DIR = new URL('./fixtures/anilist/errors/', import.meta.url);
const recordedBody = (file: string): unknown => JSON.parse(readFileSync(new URL(file, ERRORS_DIR), 'utf8'));

const ANILIST_REFERER = 'https://anilist.co/';

interface PostOptions {
  variables?: Record<string, unknown>;
  operationName?: string;
  token?: string;
  authorization?: string;
  /** null sends no Referer header. */
  referer?: string | null;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // Tests read whatever fields they check, so the parsed body stays loosely typed.
  json: any;
}

async function post(server: FakeAniList, query: string, options: PostOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const referer = options.referer === undefined ? ANILIST_REFERER : options.referer;
  if (referer !== null) headers.Referer = referer;
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.authorization) headers.Authorization = options.authorization;

  const response = await fetch(server.url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables: options.variables ?? {}, operationName: options.operationName ?? null }),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

const LIST_QUERY = `
  query List($userId: Int, $userName: String, $type: MediaType, $chunk: Int, $perChunk: Int, $single: Boolean) {
    MediaListCollection(userId: $userId, userName: $userName, type: $type, chunk: $chunk, perChunk: $perChunk, forceSingleCompletedList: $single) {
      hasNextChunk
      user { id name avatar { large medium } }
      lists {
        name status isCustomList isSplitCompletedList
        entries { id mediaId status progress score hiddenFromStatusLists customLists media { id format } }
      }
    }
  }`;

interface ListGroupJson {
  name: string;
  status: string | null;
  isCustomList: boolean;
  isSplitCompletedList: boolean;
  entries: Array<{ id: number; mediaId: number; status: string; customLists: unknown }>;
}

const listNames = (answer: Answer): string[] => answer.json.data.MediaListCollection.lists.map((list: ListGroupJson) => list.name);
const listByName = (answer: Answer, name: string): ListGroupJson | undefined =>
  answer.json.data.MediaListCollection.lists.find((list: ListGroupJson) => list.name === name);
const entryIds = (answer: Answer): number[] =>
  answer.json.data.MediaListCollection.lists.flatMap((list: ListGroupJson) => list.entries.map((entry) => entry.id));

/** Returns a user whose lists cover every status, several completed formats, custom lists, a hidden entry and a private one. */
function listTester(): FakeUser {
  return {
    id: 7001,
    name: 'ListTester',
    scoreFormat: 'POINT_10_DECIMAL',
    lists: {
      ANIME: [
        { id: 1, mediaId: 21311, status: 'COMPLETED', score: 8.5, customLists: ['Favourites'] },
        { id: 2, mediaId: 109190, status: 'COMPLETED' },
        { id: 3, mediaId: 100305, status: 'COMPLETED' },
        { id: 4, mediaId: 21679, status: 'CURRENT', progress: 3 },
        { id: 5, mediaId: 103223, status: 'REPEATING' },
        { id: 6, mediaId: 141249, status: 'PAUSED' },
        { id: 7, mediaId: 163263, status: 'DROPPED' },
        { id: 8, mediaId: 12189, status: 'PLANNING', customLists: ['Favourites'] },
        { id: 9, mediaId: 98202, status: 'COMPLETED', hiddenFromStatusLists: true, customLists: ['Rewatch later'] },
        { id: 10, mediaId: 30, status: 'PLANNING', private: true },
      ],
      MANGA: [
        { id: 11, mediaId: 111258, status: 'CURRENT' },
        { id: 12, mediaId: 30104, status: 'REPEATING' },
        { id: 13, mediaId: 98610, status: 'COMPLETED' },
        // Recorded without a format, like every 7op3 media.
        { id: 14, mediaId: 33082, status: 'COMPLETED' },
      ],
    },
  };
}

let anilist: FakeAniList;
let custom: FakeAniList;

beforeAll(async () => {
  anilist = await startFakeAniList();
  const recorded = loadRecordedData();
  custom = await startFakeAniList({
    requireReferer: false,
    data: buildFakeData({
      media: [...recorded.media.values()],
      relations: [...recorded.relations.entries()],
      users: [listTester()],
      tokens: { 'tester-token': 7001 },
    }),
  });
});

afterEach(() => {
  anilist.reset();
  custom.reset();
});

afterAll(async () => {
  await anilist.close();
  await custom.close();
});

describe('loadRecordedData', () => {
  it('recorded users and lists', () => {
    const data = loadRecordedData();
    const boilerplate = data.users.find((user) => user.id === BOILERPLATE_USER_ID)!;
    const warps = data.users.find((user) => user.id === WARPS_USER_ID)!;
    const privateUser = data.users.find((user) => user.id === PRIVATE_USER_ID)!;

    expect(boilerplate.name).toBe('Boilerplate');
    expect(boilerplate.lists.ANIME).toHaveLength(52);
    expect(new Set(boilerplate.lists.ANIME.map((entry) => entry.status))).toEqual(new Set(['PLANNING']));
    expect(boilerplate.lists.ANIME[0]).toMatchObject({ id: 389433701, mediaId: 131586 });
    expect(warps.lists.ANIME.map((entry) => entry.status)).toEqual(['PAUSED', 'PAUSED', 'PAUSED', 'PAUSED', 'PAUSED', 'COMPLETED', 'CURRENT']);
    expect(warps.lists.MANGA.map((entry) => [entry.mediaId, entry.status, entry.score])).toEqual([
      [33082, 'PAUSED', 0],
      [106726, 'PAUSED', 0],
      [111258, 'CURRENT', 9.3],
      [30104, 'CURRENT', 0],
    ]);
    expect(privateUser.private).toBe(true);
    expect(data.tokens.get('fake-token-boilerplate')).toBe(BOILERPLATE_USER_ID);
  });

  it('media merged from every recording', () => {
    const data = loadRecordedData();
    for (const user of data.users) {
      for (const entry of [...user.lists.ANIME, ...user.lists.MANGA]) expect(data.media.has(entry.mediaId), `media ${entry.mediaId}`).toBe(true);
    }
    // Frieren is a 7op3 entry (description, no format) and a recorded relation node (format).
    const frieren = data.media.get(154587)!;
    expect(frieren.format).toBe('TV');
    expect(frieren.description).toContain('Frieren');
    expect(data.media.get(33082)!.type).toBe('MANGA');
    expect(data.media.get(1)!.relations).toBeUndefined();
  });

  it('relations from recorded edges only', () => {
    const data = loadRecordedData();
    expect(data.relations.get(2685)).toEqual([
      { relationType: 'PREQUEL', nodeId: 969 },
      { relationType: 'SEQUEL', nodeId: 4938 },
      { relationType: 'SOURCE', nodeId: 30009 },
    ]);
    expect(data.relations.get(131586)).toContainEqual({ relationType: 'PREQUEL', nodeId: 116589 });
    expect(data.media.has(116589)).toBe(true);
    expect(data.relations.has(116589)).toBe(false);
    expect(data.relations.get(10003)).toEqual([]);
  });

  it('returns independent copies', () => {
    const first = loadRecordedData();
    first.users[0]!.lists.ANIME.length = 0;
    first.media.delete(1);
    const second = loadRecordedData();
    expect(second.users[0]!.lists.ANIME).toHaveLength(52);
    expect(second.media.has(1)).toBe(true);
  });
});

describe('MediaListCollection chunks', () => {
  const cases = [
    { name: 'first of three', chunk: 1, perChunk: 20, count: 20, hasNextChunk: true },
    { name: 'middle chunk', chunk: 2, perChunk: 20, count: 20, hasNextChunk: true },
    { name: 'last partial chunk', chunk: 3, perChunk: 20, count: 12, hasNextChunk: false },
    { name: 'past the end', chunk: 4, perChunk: 20, count: 0, hasNextChunk: false },
    { name: 'exact fit', chunk: 1, perChunk: 52, count: 52, hasNextChunk: false },
    { name: 'perChunk above 500 capped', chunk: 1, perChunk: 600, count: 52, hasNextChunk: false },
    { name: 'no chunk arguments', chunk: undefined, perChunk: undefined, count: 52, hasNextChunk: false },
  ];

  it.each(cases)('chunk $name', async ({ chunk, perChunk, count, hasNextChunk }) => {
    const answer = await post(anilist, LIST_QUERY, { variables: { userId: BOILERPLATE_USER_ID, type: 'ANIME', chunk, perChunk } });
    expect(answer.status).toBe(200);
    expect(entryIds(answer)).toHaveLength(count);
    expect(answer.json.data.MediaListCollection.hasNextChunk).toBe(hasNextChunk);
  });

  it('chunks cover the list once', async () => {
    const ids: number[] = [];
    for (const chunk of [1, 2, 3]) {
      const answer = await post(anilist, LIST_QUERY, { variables: { userId: BOILERPLATE_USER_ID, type: 'ANIME', chunk, perChunk: 20 } });
      ids.push(...entryIds(answer));
    }
    const whole = loadRecordedData().users[0]!.lists.ANIME.map((entry) => entry.id);
    expect(ids).toEqual(whole);
  });

  it('list owner user fields', async () => {
    const answer = await post(anilist, LIST_QUERY, { variables: { userId: BOILERPLATE_USER_ID, type: 'ANIME' } });
    expect(answer.json.data.MediaListCollection.user).toEqual({
      id: BOILERPLATE_USER_ID,
      name: 'Boilerplate',
      avatar: {
        large: 'https://s4.anilist.co/file/anilistcdn/user/avatar/large/default.png',
        medium: 'https://s4.anilist.co/file/anilistcdn/user/avatar/medium/default.png',
      },
    });
    expect(listNames(answer)).toEqual(['Planning']);
  });
});

describe('MediaListCollection grouping', () => {
  const cases = [
    {
      name: 'split completed by default',
      variables: { type: 'ANIME' },
      names: ['Watching', 'Rewatching', 'Completed TV', 'Completed Movie', 'Completed Special', 'Paused', 'Dropped', 'Planning', 'Favourites', 'Rewatch later'],
      completed: { 'Completed TV': [1], 'Completed Movie': [2], 'Completed Special': [3] },
      split: true,
    },
    {
      name: 'split completed when false',
      variables: { type: 'ANIME', single: false },
      names: ['Watching', 'Rewatching', 'Completed TV', 'Completed Movie', 'Completed Special', 'Paused', 'Dropped', 'Planning', 'Favourites', 'Rewatch later'],
      completed: { 'Completed TV': [1], 'Completed Movie': [2], 'Completed Special': [3] },
      split: true,
    },
    {
      name: 'single completed list',
      variables: { type: 'ANIME', single: true },
      names: ['Watching', 'Rewatching', 'Completed', 'Paused', 'Dropped', 'Planning', 'Favourites', 'Rewatch later'],
      completed: { Completed: [1, 2, 3] },
      split: false,
    },
    {
      name: 'manga list names',
      variables: { type: 'MANGA', single: false },
      names: ['Reading', 'Rereading', 'Completed Novel', 'Completed'],
      completed: { 'Completed Novel': [13], Completed: [14] },
      split: true,
    },
  ];

  it.each(cases)('lists $name', async ({ variables, names, completed, split }) => {
    const answer = await post(custom, LIST_QUERY, { variables: { userId: 7001, ...variables } });
    expect(answer.status).toBe(200);
    expect(listNames(answer)).toEqual(names);
    for (const [name, ids] of Object.entries(completed)) {
      const list = listByName(answer, name)!;
      expect(list.entries.map((entry) => entry.id)).toEqual(ids);
      expect(list.status).toBe('COMPLETED');
      expect(list.isSplitCompletedList).toBe(split);
    }
  });

  it('custom lists and hidden entry', async () => {
    const answer = await post(custom, LIST_QUERY, { variables: { userId: 7001, type: 'ANIME', single: true } });
    const favourites = listByName(answer, 'Favourites')!;
    const rewatch = listByName(answer, 'Rewatch later')!;

    expect(favourites).toMatchObject({ isCustomList: true, status: null, isSplitCompletedList: false });
    expect(favourites.entries.map((entry) => entry.id)).toEqual([1, 8]);
    expect(rewatch.entries.map((entry) => entry.id)).toEqual([9]);
    const statusListIds = answer.json.data.MediaListCollection.lists
      .filter((list: ListGroupJson) => !list.isCustomList)
      .flatMap((list: ListGroupJson) => list.entries.map((entry) => entry.id));
    expect(statusListIds).not.toContain(9);
    expect(favourites.entries[0]!.customLists).toEqual({ Favourites: true, 'Rewatch later': false });
  });

  it('customLists asArray form', async () => {
    const query = '{ MediaListCollection(userId: 7001, type: ANIME) { lists { entries { id customLists(asArray: true) } } } }';
    const answer = await post(custom, query);
    const hidden = answer.json.data.MediaListCollection.lists.flatMap((list: { entries: unknown[] }) => list.entries).find((entry: { id: number }) => entry.id === 9);
    expect(hidden.customLists).toEqual([
      { name: 'Favourites', enabled: false },
      { name: 'Rewatch later', enabled: true },
    ]);
  });

  const privateEntryCases = [
    { name: 'hidden from anonymous', token: undefined, visible: false },
    { name: 'shown to owner', token: 'tester-token', visible: true },
  ];

  it.each(privateEntryCases)('private entry $name', async ({ token, visible }) => {
    const answer = await post(custom, LIST_QUERY, { variables: { userId: 7001, type: 'ANIME' }, token });
    expect(entryIds(answer).includes(10)).toBe(visible);
  });

  const scoreCases = [
    { format: null, expected: 8.5 },
    { format: 'POINT_100', expected: 85 },
    { format: 'POINT_10', expected: 9 },
    { format: 'POINT_5', expected: 4 },
    { format: 'POINT_3', expected: 3 },
  ];

  it.each(scoreCases)('score in format $format', async ({ format, expected }) => {
    const query = 'query ($format: ScoreFormat) { MediaListCollection(userId: 7001, type: ANIME, status: COMPLETED) { lists { entries { id score(format: $format) } } } }';
    const answer = await post(custom, query, { variables: { format } });
    const first = answer.json.data.MediaListCollection.lists[0].entries[0];
    expect(first.id).toBe(1);
    expect(first.score).toBe(expected);
  });

  it('status_in filter', async () => {
    const query = '{ MediaListCollection(userId: 7001, type: ANIME, status_in: [CURRENT, PAUSED]) { lists { name } } }';
    const answer = await post(custom, query);
    expect(listNames(answer)).toEqual(['Watching', 'Paused']);
  });

  it('aliased anime and manga roots', async () => {
    const query = `{
      anime: MediaListCollection(userName: "warps", type: ANIME) { lists { name entries { mediaId } } }
      manga: MediaListCollection(userName: "warps", type: MANGA) { lists { name entries { mediaId score } } }
    }`;
    const answer = await post(anilist, query);
    expect(answer.status).toBe(200);
    expect(answer.json.data.anime.lists.map((list: ListGroupJson) => list.name)).toEqual(['Watching', 'Completed', 'Paused']);
    expect(answer.json.data.manga.lists.map((list: ListGroupJson) => list.name)).toEqual(['Reading', 'Paused']);
    expect(answer.json.data.manga.lists[0].entries).toEqual([
      { mediaId: 111258, score: 9.3 },
      { mediaId: 30104, score: 0 },
    ]);
  });
});

describe('private and unknown users', () => {
  const cases = [
    { name: 'private list anonymous', query: LIST_QUERY, variables: { userId: PRIVATE_USER_ID, type: 'ANIME' }, token: undefined, status: 404, message: 'Private User', root: 'MediaListCollection' },
    { name: 'private list other viewer', query: LIST_QUERY, variables: { userId: PRIVATE_USER_ID, type: 'ANIME' }, token: 'fake-token-boilerplate', status: 404, message: 'Private User', root: 'MediaListCollection' },
    { name: 'private list own viewer', query: LIST_QUERY, variables: { userId: PRIVATE_USER_ID, type: 'ANIME' }, token: 'fake-token-private', status: 200, message: null, root: 'MediaListCollection' },
    { name: 'unknown list user id', query: LIST_QUERY, variables: { userId: 999_999, type: 'ANIME' }, token: undefined, status: 404, message: 'Not Found.', root: 'MediaListCollection' },
    { name: 'unknown list user name', query: LIST_QUERY, variables: { userName: 'nobody-here', type: 'ANIME' }, token: undefined, status: 404, message: 'Not Found.', root: 'MediaListCollection' },
    { name: 'private User lookup', query: 'query ($name: String) { User(name: $name) { id } }', variables: { name: 'PrivateUser' }, token: undefined, status: 404, message: 'Not Found.', root: 'User' },
    { name: 'public User lookup', query: 'query ($name: String) { User(name: $name) { id } }', variables: { name: 'Boilerplate' }, token: undefined, status: 200, message: null, root: 'User' },
    { name: 'unknown Media id', query: '{ Media(id: 99999999) { id } }', variables: {}, token: undefined, status: 404, message: 'Not Found.', root: 'Media' },
  ];

  it.each(cases)('user $name', async ({ query, variables, token, status, message, root }) => {
    const answer = await post(anilist, query, { variables, token });
    expect(answer.status).toBe(status);
    if (message === null) {
      expect(answer.json.errors).toBeUndefined();
      expect(answer.json.data[root]).not.toBeNull();
    } else {
      expect(answer.json.errors[0]).toMatchObject({ message, status });
      expect(answer.json.data).toEqual({ [root]: null });
    }
  });

  it('own private list contents', async () => {
    const answer = await post(anilist, LIST_QUERY, { variables: { userId: PRIVATE_USER_ID, type: 'ANIME' }, token: 'fake-token-private' });
    expect(listNames(answer)).toEqual(['Watching', 'Completed TV', 'Completed Movie', 'Rewatch later']);
  });
});

describe('Page and Media', () => {
  const RELATIONS_QUERY = `query ($ids: [Int], $version: Int, $perPage: Int) {
    Page(perPage: $perPage) {
      pageInfo { total perPage currentPage lastPage hasNextPage }
      media(id_in: $ids) { id type format relations { edges { relationType(version: $version) node { id type } } nodes { id } } }
    }
  }`;

  it('id_in skips unknown ids', async () => {
    const answer = await post(anilist, RELATIONS_QUERY, { variables: { ids: [2685, 1, 101922, 99999999], version: 2 } });
    expect(answer.status).toBe(200);
    const page = answer.json.data.Page;
    expect(page.media.map((media: { id: number }) => media.id)).toEqual([1, 2685, 101922]);
    expect(page.pageInfo).toEqual({ total: 3, perPage: 50, currentPage: 1, lastPage: 1, hasNextPage: false });
  });

  const versionCases = [
    { version: 2, types: ['PREQUEL', 'SEQUEL', 'SOURCE'] },
    { version: 3, types: ['PREQUEL', 'SEQUEL', 'SOURCE'] },
    { version: 1, types: ['PREQUEL', 'SEQUEL', 'ADAPTATION'] },
    { version: null, types: ['PREQUEL', 'SEQUEL', 'ADAPTATION'] },
  ];

  it.each(versionCases)('relationType version $version', async ({ version, types }) => {
    const answer = await post(anilist, RELATIONS_QUERY, { variables: { ids: [2685], version } });
    const relations = answer.json.data.Page.media[0].relations;
    expect(relations.edges.map((edge: { relationType: string }) => edge.relationType)).toEqual(types);
    expect(relations.edges.map((edge: { node: { id: number } }) => edge.node.id)).toEqual([969, 4938, 30009]);
    expect(relations.nodes.map((node: { id: number }) => node.id)).toEqual([969, 4938, 30009]);
  });

  it('node without recorded relations', async () => {
    const answer = await post(anilist, RELATIONS_QUERY, { variables: { ids: [116589], version: 2 } });
    expect(answer.json.data.Page.media[0].relations).toEqual({ edges: [], nodes: [] });
  });

  it('pageInfo over two pages', async () => {
    const query = 'query ($page: Int) { Page(page: $page, perPage: 2) { pageInfo { total currentPage lastPage hasNextPage } media(id_in: [1, 100, 1000]) { id } } }';
    const first = await post(anilist, query, { variables: { page: 1 } });
    const second = await post(anilist, query, { variables: { page: 2 } });
    expect(first.json.data.Page).toEqual({ pageInfo: { total: 3, currentPage: 1, lastPage: 2, hasNextPage: true }, media: [{ id: 1 }, { id: 100 }] });
    expect(second.json.data.Page).toEqual({ pageInfo: { total: 3, currentPage: 2, lastPage: 2, hasNextPage: false }, media: [{ id: 1000 }] });
  });

  it('Media by id with nested fields', async () => {
    const query = '{ Media(id: 141208) { id title { romaji } format status isFavourite nextAiringEpisode { episode airingAt mediaId } mediaListEntry { id } } }';
    const answer = await post(anilist, query);
    expect(answer.status).toBe(200);
    expect(answer.json.data.Media).toMatchObject({
      id: 141208,
      format: 'TV',
      status: 'RELEASING',
      isFavourite: false,
      nextAiringEpisode: { episode: 5, airingAt: 1683302700, mediaId: 141208 },
      mediaListEntry: null,
    });
  });

  it('Media mediaListEntry of viewer', async () => {
    const answer = await post(anilist, '{ Media(id: 131586) { mediaListEntry { id status } } }', { token: 'fake-token-boilerplate' });
    expect(answer.json.data.Media.mediaListEntry).toEqual({ id: 389433701, status: 'PLANNING' });
  });
});

describe('invalid queries', () => {
  const cases = [
    {
      name: 'unknown field',
      query: '{ MediaListCollection(userId: 5001, type: ANIME) { lists { entries { nonexistentField } } } }',
      message: 'Cannot query field "nonexistentField" on type "MediaList".',
    },
    { name: 'syntax error', query: '{ Media(id: 1) { id ', message: /^Syntax Error/ },
    { name: 'wrong argument type', query: '{ Media(id: "one") { id } }', message: /Int cannot represent/ },
    { name: 'unknown argument', query: '{ Media(nope: 1) { id } }', message: 'Unknown argument "nope" on field "Query.Media".' },
  ];

  it.each(cases)('query $name', async ({ query, message }) => {
    const answer = await post(anilist, query);
    expect(answer.status).toBe(400);
    expect(answer.json.data).toBeNull();
    expect(answer.json.errors[0].status).toBe(400);
    expect(answer.json.errors[0].message).toMatch(message);
    expect(answer.json.errors[0].locations[0]).toHaveProperty('line');
  });

  it('unknown field like recorded body', async () => {
    const recorded = recordedBody('docs_400_cannot-query-field.json') as { errors: Array<{ message: string }> };
    const answer = await post(anilist, '{ MediaListCollection(userId: 5001, type: ANIME) { lists { entries { nonexistentField } } } }');
    expect(answer.json.errors[0].message).toBe(recorded.errors[0]!.message);
  });

  it('missing query string', async () => {
    const response = await fetch(anilist.url, { method: 'POST', headers: { Referer: ANILIST_REFERER }, body: '{"variables":{}}' });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].status).toBe(400);
  });
});

describe('failures', () => {
  const MEDIA_QUERY = '{ Media(id: 1) { id } }';
  const LIST_ROOT_QUERY = '{ MediaListCollection(userId: 5001, type: ANIME) { hasNextChunk } }';
  const cases: Array<{ name: string; failure: Failure; query: string; status: number; headers: Record<string, string | null>; body: unknown }> = [
    {
      name: 'rate-limit with headers',
      failure: { kind: 'rate-limit', retryAfter: 30, reset: 1_800_000_000 },
      query: MEDIA_QUERY,
      status: 429,
      headers: { 'retry-after': '30', 'x-ratelimit-reset': '1800000000', 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '90' },
      body: recordedBody('docs_429_too-many-requests.json'),
    },
    {
      name: 'rate-limit without headers',
      failure: { kind: 'rate-limit' },
      query: MEDIA_QUERY,
      status: 429,
      headers: { 'retry-after': null, 'x-ratelimit-reset': null, 'x-ratelimit-remaining': '0' },
      body: recordedBody('docs_429_too-many-requests.json'),
    },
    {
      name: 'invalid-token',
      failure: { kind: 'invalid-token' },
      query: LIST_ROOT_QUERY,
      status: 400,
      headers: { 'x-ratelimit-limit': '90' },
      body: recordedBody('issue_trackma-555_400_invalid-token_MediaListCollection.json'),
    },
    {
      name: 'unauthorized',
      failure: { kind: 'unauthorized' },
      query: '{ Viewer { id } }',
      status: 401,
      headers: {},
      body: recordedBody('issue_anilist-docs-33_401_unauthorized_Viewer.json'),
    },
    {
      name: 'api-disabled',
      failure: { kind: 'api-disabled' },
      query: MEDIA_QUERY,
      status: 403,
      headers: {},
      body: recordedBody('issue_soruly-anilist-chinese-260_403_api-disabled.json'),
    },
    {
      name: 'private-user',
      failure: { kind: 'private-user' },
      query: LIST_ROOT_QUERY,
      status: 404,
      headers: {},
      body: { errors: [{ message: 'Private User', status: 404 }], data: { MediaListCollection: null } },
    },
    {
      name: 'not-found',
      failure: { kind: 'not-found' },
      query: '{ User(name: "x") { id } }',
      status: 404,
      headers: {},
      body: recordedBody('issue_lowlighter-metrics-1644_404_user-not-found_TRANSCRIBED.json'),
    },
    {
      name: 'server-error',
      failure: { kind: 'server-error' },
      query: MEDIA_QUERY,
      status: 500,
      headers: { 'content-type': 'application/json' },
      body: { errors: [{ message: 'Internal Server Error', status: 500 }], data: null },
    },
  ];

  it.each(cases)('failure $name', async ({ failure, query, status, headers, body }) => {
    anilist.failNext(failure);
    const answer = await post(anilist, query);
    expect(answer.status).toBe(status);
    for (const [name, value] of Object.entries(headers)) expect(answer.headers.get(name), name).toBe(value);
    expect(answer.json).toEqual(body);
  });

  it('failure invalid-token re-keys data', async () => {
    anilist.failNext({ kind: 'invalid-token' });
    const answer = await post(anilist, '{ Viewer { id } }');
    expect(answer.json.data).toEqual({ Viewer: null });
    expect(answer.json.errors[0].message).toBe('Invalid token');
  });

  it('failure bad-gateway-html', async () => {
    anilist.failNext({ kind: 'bad-gateway-html' });
    const answer = await post(anilist, MEDIA_QUERY);
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toBe('text/html');
    expect(answer.json).toBeNull();
    expect(answer.text).toContain('<title>502 Bad Gateway</title>');
    expect(answer.text).toContain('<center>nginx</center>');
  });

  const complexityCases = [
    { name: 'ids over limit', query: '{ Page { media(id_in: [1, 100, 1000]) { id } } }', status: 400 },
    { name: 'ids at limit', query: '{ Page { media(id_in: [1, 100]) { id } } }', status: 200 },
    { name: 'ids summed over aliases', query: '{ a: Page { media(id_in: [1, 100]) { id } } b: Page { media(id_in: [1000]) { id } } }', status: 400 },
    { name: 'perChunk over limit', query: '{ MediaListCollection(userId: 5001, type: ANIME, chunk: 1, perChunk: 3) { hasNextChunk } }', status: 400 },
    { name: 'perChunk at limit', query: '{ MediaListCollection(userId: 5001, type: ANIME, chunk: 1, perChunk: 2) { hasNextChunk } }', status: 200 },
    { name: 'unrelated query', query: '{ Media(id: 1) { id } }', status: 200 },
  ];

  it.each(complexityCases)('complexity $name', async ({ query, status }) => {
    anilist.failAlways({ kind: 'complexity', maxIds: 2 });
    const answer = await post(anilist, query);
    expect(answer.status).toBe(status);
    if (status === 400) {
      expect(answer.json.data).toBeNull();
      const match = /^Max query complexity should be 500 but got (\d+)\.$/.exec(answer.json.errors[0].message);
      expect(match).not.toBeNull();
      expect(Number(match![1])).toBeGreaterThan(500);
    } else {
      expect(answer.json.errors).toBeUndefined();
    }
  });

  it('complexity ids from variables', async () => {
    anilist.failNext({ kind: 'complexity', maxIds: 2 });
    const answer = await post(anilist, 'query ($ids: [Int]) { Page { media(id_in: $ids) { id } } }', { variables: { ids: [1, 100, 1000] } });
    expect(answer.status).toBe(400);
  });

  it('failure slow answers normally', async () => {
    anilist.failNext({ kind: 'slow', ms: 30 });
    const answer = await post(anilist, MEDIA_QUERY);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ data: { Media: { id: 1 } } });
  });

  it('failure network destroys socket', async () => {
    anilist.failNext({ kind: 'network' });
    await expect(post(anilist, MEDIA_QUERY)).rejects.toThrow();
    expect(anilist.requests).toHaveLength(1);
    expect(anilist.requests[0]!.status).toBe(0);
  });

  it('failNext queue order', async () => {
    anilist.failNext({ kind: 'server-error' }, { kind: 'rate-limit' });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await post(anilist, MEDIA_QUERY)).status);
    expect(statuses).toEqual([500, 429, 200]);
  });

  it('failAlways until cleared', async () => {
    anilist.failAlways({ kind: 'api-disabled' });
    anilist.failNext({ kind: 'server-error' });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await post(anilist, MEDIA_QUERY)).status);
    anilist.failAlways(null);
    statuses.push((await post(anilist, MEDIA_QUERY)).status);
    expect(statuses).toEqual([500, 403, 403, 200]);
  });
});

describe('request checks', () => {
  it('GET gets recorded 404', async () => {
    const response = await fetch(anilist.url);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(recordedBody('kunalwagh101_404_GET-request-not-allowed.json'));
  });

  const refererCases = [
    { name: 'missing', referer: null, status: 403 },
    { name: 'site root', referer: 'https://anilist.co/', status: 200 },
    { name: 'list page', referer: 'https://anilist.co/user/Boilerplate/animelist', status: 200 },
    { name: 'other site', referer: 'https://example.com/', status: 403 },
    { name: 'plain http', referer: 'http://anilist.co/', status: 403 },
    { name: 'lookalike host', referer: 'https://anilist.co.example.com/', status: 403 },
  ];

  it.each(refererCases)('referer $name', async ({ referer, status }) => {
    const answer = await post(anilist, '{ Media(id: 1) { id } }', { referer });
    expect(answer.status).toBe(status);
    if (status === 403) expect(answer.json).toEqual(recordedBody('issue_soruly-anilist-chinese-260_403_api-disabled.json'));
  });

  it('referer not required when disabled', async () => {
    const answer = await post(custom, '{ Media(id: 1) { id } }', { referer: null });
    expect(answer.status).toBe(200);
  });

  const tokenCases = [
    { name: 'anonymous Media', query: '{ Media(id: 1) { id } }', auth: {}, status: 200, message: null },
    { name: 'anonymous Viewer', query: '{ Viewer { id } }', auth: {}, status: 401, message: 'Unauthorized.' },
    { name: 'unknown token', query: '{ Media(id: 1) { id } }', auth: { token: 'expired-token' }, status: 400, message: 'Invalid token' },
    { name: 'not a bearer header', query: '{ Media(id: 1) { id } }', auth: { authorization: 'Basic abc' }, status: 400, message: 'Invalid token' },
    { name: 'known token Viewer', query: '{ Viewer { id } }', auth: { token: 'fake-token-boilerplate' }, status: 200, message: null },
  ];

  it.each(tokenCases)('token $name', async ({ query, auth, status, message }) => {
    const answer = await post(anilist, query, auth);
    expect(answer.status).toBe(status);
    if (message) expect(answer.json.errors[0].message).toBe(message);
    else expect(answer.json.errors).toBeUndefined();
  });

  it('anonymous Viewer like recorded body', async () => {
    const answer = await post(anilist, '{\n  Viewer { id }\n}');
    expect(answer.json).toEqual(recordedBody('issue_anilist-docs-33_401_unauthorized_Viewer.json'));
  });

  const viewerCases = [
    { token: 'fake-token-boilerplate', id: BOILERPLATE_USER_ID, name: 'Boilerplate', scoreFormat: 'POINT_100' },
    { token: 'fake-token-warps', id: WARPS_USER_ID, name: 'Warps', scoreFormat: 'POINT_10_DECIMAL' },
  ];

  it.each(viewerCases)('Viewer fields for $name', async ({ token, id, name, scoreFormat }) => {
    const query = '{ Viewer { id name avatar { large } options { titleLanguage displayAdultContent } mediaListOptions { scoreFormat } } }';
    const answer = await post(anilist, query, { token });
    expect(answer.json.data.Viewer).toMatchObject({
      id,
      name,
      options: { titleLanguage: 'ROMAJI', displayAdultContent: false },
      mediaListOptions: { scoreFormat },
    });
    expect(answer.json.data.Viewer.avatar.large).toMatch(/^https:\/\//);
  });

  it('rate headers count down', async () => {
    const remaining = [];
    for (let i = 0; i < 3; i += 1) remaining.push((await post(anilist, '{ Media(id: 1) { id } }')).headers.get('x-ratelimit-remaining'));
    expect(remaining).toEqual(['89', '88', '87']);
  });

  it('request log fields', async () => {
    const answer = await post(anilist, 'query Named($id: Int) { Media(id: $id) { id } }', { variables: { id: 1 }, token: 'fake-token-boilerplate' });
    await post(anilist, 'query Other { Media(id: 1) { id } }', { operationName: 'Other' });
    expect(anilist.requests).toHaveLength(2);
    const first = anilist.requests[0]!;
    expect(first.operationName).toBe('Named');
    expect(first.variables).toEqual({ id: 1 });
    expect(first.headers.authorization).toBe('Bearer fake-token-boilerplate');
    expect(first.headers.referer).toBe(ANILIST_REFERER);
    expect(first.status).toBe(200);
    expect(first.bytes).toBe(Buffer.byteLength(answer.text));
    expect(anilist.requests[1]!.operationName).toBe('Other');
  });
});

describe('mutations', () => {
  const SAVE = `mutation Save($id: Int, $mediaId: Int, $status: MediaListStatus, $progress: Int, $score: Float, $customLists: [String]) {
    SaveMediaListEntry(id: $id, mediaId: $mediaId, status: $status, progress: $progress, score: $score, customLists: $customLists) {
      id mediaId status progress score updatedAt customLists media { id }
    }
  }`;
  const token = 'fake-token-boilerplate';

  it('save new entry then read it', async () => {
    const saved = await post(anilist, SAVE, { token, variables: { mediaId: 116589, status: 'CURRENT', progress: 3, score: 70 } });
    expect(saved.status).toBe(200);
    const entry = saved.json.data.SaveMediaListEntry;
    expect(entry).toMatchObject({ mediaId: 116589, status: 'CURRENT', progress: 3, score: 70, media: { id: 116589 } });
    expect(entry.id).toBeGreaterThan(389433701);
    expect(entry.updatedAt).toBeGreaterThan(0);

    const list = await post(anilist, LIST_QUERY, { variables: { userId: BOILERPLATE_USER_ID, type: 'ANIME' } });
    expect(listNames(list)).toEqual(['Watching', 'Planning']);
    expect(listByName(list, 'Watching')!.entries.map((item) => item.id)).toEqual([entry.id]);
  });

  it('update existing entry by id', async () => {
    const saved = await post(anilist, SAVE, { token, variables: { id: 389433701, status: 'COMPLETED', progress: 12, customLists: ['Best'] } });
    expect(saved.json.data.SaveMediaListEntry).toMatchObject({ id: 389433701, mediaId: 131586, status: 'COMPLETED', customLists: { Best: true } });

    const list = await post(anilist, LIST_QUERY, { variables: { userId: BOILERPLATE_USER_ID, type: 'ANIME' } });
    expect(listNames(list)).toEqual(['Completed TV', 'Planning', 'Best']);
    expect(listByName(list, 'Planning')!.entries).toHaveLength(51);
  });

  it('save by mediaId updates existing', async () => {
    const saved = await post(anilist, SAVE, { token, variables: { mediaId: 131586, progress: 5 } });
    expect(saved.json.data.SaveMediaListEntry).toMatchObject({ id: 389433701, status: 'PLANNING', progress: 5 });
  });

  const rejectedCases = [
    { name: 'without token', auth: {}, variables: { mediaId: 1 }, status: 401, message: 'Unauthorized.' },
    { name: 'unknown media', auth: { token }, variables: { mediaId: 99999999 }, status: 400, message: 'validation' },
    { name: 'score above 100', auth: { token }, variables: { mediaId: 1, score: 101 }, status: 400, message: 'validation' },
    { name: 'entry of another user', auth: { token }, variables: { id: 5002001 }, status: 400, message: 'validation' },
  ];

  it.each(rejectedCases)('save rejected $name', async ({ auth, variables, status, message }) => {
    const answer = await post(anilist, SAVE, { ...auth, variables });
    expect(answer.status).toBe(status);
    expect(answer.json.errors[0].message).toBe(message);
    expect(answer.json.data).toEqual({ SaveMediaListEntry: null });
  });

  it('validation error fields', async () => {
    const answer = await post(anilist, SAVE, { token, variables: { mediaId: 99999999 } });
    expect(answer.json.errors[0].validation).toEqual({ mediaId: ['The selected media id is invalid.'] });
  });

  it('delete entry then read list', async () => {
    const deleted = await post(anilist, 'mutation { DeleteMediaListEntry(id: 389433701) { deleted } }', { token });
    expect(deleted.json.data.DeleteMediaListEntry).toEqual({ deleted: true });
    const list = await post(anilist, LIST_QUERY, { variables: { userId: BOILERPLATE_USER_ID, type: 'ANIME' } });
    expect(entryIds(list)).toHaveLength(51);
    expect(entryIds(list)).not.toContain(389433701);
  });

  it('delete unknown entry', async () => {
    const answer = await post(anilist, 'mutation { DeleteMediaListEntry(id: 1) { deleted } }', { token });
    expect(answer.status).toBe(404);
  });
});

describe('reset', () => {
  it('restores lists and clears state', async () => {
    await post(anilist, 'mutation { DeleteMediaListEntry(id: 389433701) { deleted } }', { token: 'fake-token-boilerplate' });
    anilist.failNext({ kind: 'server-error' }, { kind: 'server-error' });
    anilist.failAlways({ kind: 'not-found' });
    expect(anilist.requests).toHaveLength(1);

    anilist.reset();

    expect(anilist.requests).toHaveLength(0);
    const list = await post(anilist, LIST_QUERY, { variables: { userId: BOILERPLATE_USER_ID, type: 'ANIME' } });
    expect(list.status).toBe(200);
    expect(entryIds(list)).toHaveLength(52);
    expect(list.headers.get('x-ratelimit-remaining')).toBe('89');
    expect(anilist.requests).toHaveLength(1);
  });
});

describe('parseFailure', () => {
  const cases: Array<{ spec: string; expected: Failure | null }> = [
    { spec: 'network', expected: { kind: 'network' } },
    { spec: 'rate-limit', expected: { kind: 'rate-limit' } },
    { spec: 'rate-limit:30', expected: { kind: 'rate-limit', retryAfter: 30 } },
    { spec: 'slow:2000', expected: { kind: 'slow', ms: 2000 } },
    { spec: 'complexity:50', expected: { kind: 'complexity', maxIds: 50 } },
    { spec: 'slow', expected: null },
    { spec: 'server-error:3', expected: null },
    { spec: 'slow:-1', expected: null },
    { spec: 'bogus', expected: null },
  ];

  it.each(cases)('parseFailure $spec', ({ spec, expected }) => {
    if (expected) expect(parseFailure(spec)).toEqual(expected);
    else expect(() => parseFailure(spec)).toThrow(spec.split(':')[0]);
  });
});

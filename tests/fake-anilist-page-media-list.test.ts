import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFakeData, type FakeAniList, type FakeListEntry, loadRecordedData, PRIVATE_USER_ID, startFakeAniList } from './support/fake-anilist';

interface Answer {
  status: number;
  // Tests read whatever fields they check, so the parsed body stays loosely typed.
  json: any;
}

async function post(server: FakeAniList, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Referer: 'https://anilist.co/' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(server.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, json: JSON.parse(await response.text()) };
}

const PAGE_QUERY = `query ($userId: Int, $userName: String, $type: MediaType, $status: MediaListStatus, $statusIn: [MediaListStatus],
    $statusNot: MediaListStatus, $page: Int, $perPage: Int) {
  Page(page: $page, perPage: $perPage) {
    pageInfo { total perPage currentPage lastPage hasNextPage }
    mediaList(userId: $userId, userName: $userName, type: $type, status: $status, status_in: $statusIn, status_not: $statusNot) {
      id userId mediaId status media { id type }
    }
  }
}`;

const entryIds = (answer: Answer): number[] => answer.json.data.Page.mediaList.map((entry: { id: number }) => entry.id);

const LONG_USER_ID = 7100;
const MIXED_USER_ID = 7200;
const LONG_LIST_SIZE = 120;

/** Builds 120 anime entries stored with descending ids, so ordering by id is visible. */
function longList(mediaIds: number[]): FakeListEntry[] {
  return Array.from({ length: LONG_LIST_SIZE }, (_, index) => ({
    id: 1000 + LONG_LIST_SIZE - index,
    mediaId: mediaIds[index % mediaIds.length]!,
    status: index % 2 === 0 ? 'COMPLETED' : 'PLANNING',
  }));
}

/** Builds anime and manga entries of every kind the filters tell apart: statuses, a hidden entry and a private one. */
function mixedList(): { ANIME: FakeListEntry[]; MANGA: FakeListEntry[] } {
  return {
    ANIME: [
      { id: 8, mediaId: 21311, status: 'COMPLETED' },
      { id: 2, mediaId: 21679, status: 'CURRENT' },
      { id: 5, mediaId: 141249, status: 'PAUSED' },
      { id: 3, mediaId: 98202, status: 'COMPLETED', hiddenFromStatusLists: true, customLists: ['Rewatch later'] },
      { id: 9, mediaId: 30, status: 'PLANNING', private: true },
    ],
    MANGA: [
      { id: 4, mediaId: 111258, status: 'CURRENT' },
      { id: 1, mediaId: 98610, status: 'COMPLETED' },
    ],
  };
}

let recorded: FakeAniList;
let custom: FakeAniList;

beforeAll(async () => {
  recorded = await startFakeAniList();
  const data = loadRecordedData();
  const animeIds = [...data.media.values()].filter((media) => media.type === 'ANIME').map((media) => media.id);
  custom = await startFakeAniList({
    data: buildFakeData({
      media: [...data.media.values()],
      relations: [...data.relations.entries()],
      users: [
        { id: LONG_USER_ID, name: 'LongList', lists: { ANIME: longList(animeIds), MANGA: [] } },
        { id: MIXED_USER_ID, name: 'MixedList', lists: mixedList() },
      ],
      tokens: { 'mixed-token': MIXED_USER_ID },
    }),
  });
});

afterAll(async () => {
  await recorded.close();
  await custom.close();
});

describe('Page.mediaList paging', () => {
  const cases = [
    { name: 'first of three', page: 1, perPage: 50, first: 1001, count: 50, hasNextPage: true, lastPage: 3 },
    { name: 'middle of three', page: 2, perPage: 50, first: 1051, count: 50, hasNextPage: true, lastPage: 3 },
    { name: 'last partial', page: 3, perPage: 50, first: 1101, count: 20, hasNextPage: false, lastPage: 3 },
    { name: 'past the end', page: 4, perPage: 50, first: undefined, count: 0, hasNextPage: false, lastPage: 3 },
    { name: 'perPage over 50 capped', page: 1, perPage: 100, first: 1001, count: 50, hasNextPage: true, lastPage: 3 },
    { name: 'perPage 7 page 3', page: 3, perPage: 7, first: 1015, count: 7, hasNextPage: true, lastPage: 18 },
  ];

  it.each(cases)('page $name', async ({ page, perPage, first, count, hasNextPage, lastPage }) => {
    const answer = await post(custom, PAGE_QUERY, { userId: LONG_USER_ID, type: 'ANIME', page, perPage });
    expect(answer.status).toBe(200);
    const ids = entryIds(answer);
    expect(ids).toHaveLength(count);
    expect(ids[0]).toBe(first);
    expect(answer.json.data.Page.pageInfo).toEqual({
      total: LONG_LIST_SIZE,
      perPage: Math.min(perPage, 50),
      currentPage: page,
      lastPage,
      hasNextPage,
    });
  });

  it('pages cover list once in id order', async () => {
    const ids: number[] = [];
    for (let page = 1; ; page += 1) {
      const answer = await post(custom, PAGE_QUERY, { userName: 'longlist', type: 'ANIME', page });
      ids.push(...entryIds(answer));
      if (!answer.json.data.Page.pageInfo.hasNextPage) break;
    }
    expect(ids).toEqual(Array.from({ length: LONG_LIST_SIZE }, (_, index) => 1001 + index));
  });

  it('both types merged by id without type', async () => {
    const answer = await post(custom, PAGE_QUERY, { userId: MIXED_USER_ID });
    expect(entryIds(answer)).toEqual([1, 2, 3, 4, 5, 8]);
    const types = answer.json.data.Page.mediaList.map((entry: { media: { type: string } }) => entry.media.type);
    expect(types).toEqual(['MANGA', 'ANIME', 'ANIME', 'MANGA', 'ANIME', 'ANIME']);
  });

  it('pageInfo follows first paged field', async () => {
    const query = `{ Page(perPage: 2) {
      pageInfo { total hasNextPage }
      mediaList(userId: ${MIXED_USER_ID}, type: MANGA) { id }
      media(id_in: [21311, 21679, 141249]) { id }
    } }`;
    const answer = await post(custom, query);
    expect(answer.json.data.Page.pageInfo).toEqual({ total: 2, hasNextPage: false });
    expect(entryIds(answer)).toEqual([1, 4]);
    expect(answer.json.data.Page.media.map((media: { id: number }) => media.id)).toEqual([21311, 21679]);
  });
});

describe('Page.mediaList filters', () => {
  const cases = [
    { name: 'status COMPLETED anime', variables: { type: 'ANIME', status: 'COMPLETED' }, ids: [3, 8] },
    { name: 'status CURRENT both types', variables: { status: 'CURRENT' }, ids: [2, 4] },
    { name: 'status_in CURRENT PAUSED', variables: { type: 'ANIME', statusIn: ['CURRENT', 'PAUSED'] }, ids: [2, 5] },
    { name: 'status_not COMPLETED', variables: { type: 'ANIME', statusNot: 'COMPLETED' }, ids: [2, 5] },
    { name: 'status without entries', variables: { type: 'ANIME', status: 'DROPPED' }, ids: [] },
  ];

  it.each(cases)('filter $name', async ({ variables, ids }) => {
    const answer = await post(custom, PAGE_QUERY, { userId: MIXED_USER_ID, ...variables });
    expect(answer.status).toBe(200);
    expect(entryIds(answer)).toEqual(ids);
    expect(answer.json.data.Page.pageInfo.total).toBe(ids.length);
  });

  it('mediaId_in filter', async () => {
    const query = `{ Page { mediaList(userId: ${MIXED_USER_ID}, mediaId_in: [21679, 98610, 1]) { id mediaId } } }`;
    const answer = await post(custom, query);
    expect(answer.json.data.Page.mediaList).toEqual([
      { id: 1, mediaId: 98610 },
      { id: 2, mediaId: 21679 },
    ]);
  });

  const privateEntryCases = [
    { name: 'hidden from anonymous', token: undefined, ids: [2, 3, 5, 8] },
    { name: 'shown to owner', token: 'mixed-token', ids: [2, 3, 5, 8, 9] },
  ];

  it.each(privateEntryCases)('private entry $name', async ({ token, ids }) => {
    const answer = await post(custom, PAGE_QUERY, { userId: MIXED_USER_ID, type: 'ANIME' }, token);
    expect(entryIds(answer)).toEqual(ids);
  });

  it('entries match MediaListCollection', async () => {
    const fields = 'id userId mediaId status score progress repeat private hiddenFromStatusLists customLists media { id title { romaji } }';
    const collection = await post(recorded, `{ MediaListCollection(userName: "Warps", type: MANGA) { lists { entries { ${fields} } } } }`);
    const page = await post(recorded, `{ Page { mediaList(userName: "Warps", type: MANGA) { ${fields} } } }`);
    const collected = collection.json.data.MediaListCollection.lists.flatMap((list: { entries: unknown[] }) => list.entries);
    const sortedById = [...collected].sort((a: { id: number }, b: { id: number }) => a.id - b.id);
    expect(page.json.data.Page.mediaList).toHaveLength(4);
    expect(page.json.data.Page.mediaList).toEqual(sortedById);
  });
});

describe('Page.mediaList users', () => {
  const cases = [
    { name: 'private anonymous', variables: { userId: PRIVATE_USER_ID }, token: undefined, status: 404, message: 'Private User' },
    { name: 'private other viewer', variables: { userId: PRIVATE_USER_ID }, token: 'fake-token-boilerplate', status: 404, message: 'Private User' },
    { name: 'private by name', variables: { userName: 'PrivateUser' }, token: undefined, status: 404, message: 'Private User' },
    { name: 'unknown id', variables: { userId: 999_999 }, token: undefined, status: 404, message: 'Not Found.' },
    { name: 'unknown name', variables: { userName: 'nobody-here' }, token: undefined, status: 404, message: 'Not Found.' },
    { name: 'missing user', variables: {}, token: undefined, status: 400, message: 'validation' },
  ];

  it.each(cases)('user $name', async ({ variables, token, status, message }) => {
    const answer = await post(recorded, PAGE_QUERY, { type: 'ANIME', ...variables }, token);
    expect(answer.status).toBe(status);
    expect(answer.json.errors[0]).toMatchObject({ message, status });
    expect(answer.json.data).toEqual({ Page: null });
  });

  it('private list own viewer', async () => {
    const answer = await post(recorded, PAGE_QUERY, { userId: PRIVATE_USER_ID, type: 'ANIME' }, 'fake-token-private');
    expect(answer.status).toBe(200);
    const id = PRIVATE_USER_ID * 1000;
    expect(entryIds(answer)).toEqual([id + 1, id + 2, id + 3, id + 4]);
    expect(answer.json.data.Page.mediaList[0]).toMatchObject({ userId: PRIVATE_USER_ID, mediaId: 21311, status: 'COMPLETED' });
  });
});

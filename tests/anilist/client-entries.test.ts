import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AniListClient } from '../../lib/anilist/client';
import { AniListError } from '../../lib/anilist/errors';
import { startFakeAniList, WARPS_USER_ID, type FakeAniList } from '../support/fake-anilist/index';

const WARPS_TOKEN = 'fake-token-warps';
const PRIVATE_TOKEN = 'fake-token-private';

let fake: FakeAniList;

beforeAll(async () => {
  fake = await startFakeAniList();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function createClient(token: string | null = null): AniListClient {
  return new AniListClient({ apiUrl: fake.url, token, requestsPerMinute: 100_000, burst: 1_000 });
}

function warpsEntry(mediaId: number) {
  const warps = fake.data.users.find((user) => user.id === WARPS_USER_ID);
  return [...(warps?.lists.ANIME ?? []), ...(warps?.lists.MANGA ?? [])].find((entry) => entry.mediaId === mediaId);
}

describe('fetchStatusList', () => {
  const cases = [
    { name: 'Warps anime Watching', user: { name: 'Warps' }, type: 'ANIME' as const, token: null, expected: [181841] },
    { name: 'Warps manga Reading', user: { id: WARPS_USER_ID }, type: 'MANGA' as const, token: null, expected: [30104, 111258] },
    { name: 'Boilerplate has none', user: { name: 'Boilerplate' }, type: 'ANIME' as const, token: null, expected: [] },
    { name: 'private list for owner', user: { name: 'PrivateUser' }, type: 'ANIME' as const, token: PRIVATE_TOKEN, expected: [21679] },
  ];

  for (const { name, user, type, token, expected } of cases) {
    it(`status list: ${name}`, async () => {
      const list = await createClient(token).fetchStatusList(user, type, 'CURRENT');

      expect(list.entries.map((entry) => entry.mediaId).sort((a, b) => a - b)).toEqual(expected);
      for (const entry of list.entries) {
        expect(entry.status).toBe('CURRENT');
        expect(entry.edges).toBeNull();
        expect(entry.media.id).toBe(entry.mediaId);
      }
      const request = fake.requests.find((candidate) => candidate.operationName === 'StatusList');
      expect(request?.variables).toMatchObject({ type, status: 'CURRENT', chunk: 1, perChunk: 500 });
    });
  }

  it('status list keeps progress and score', async () => {
    const list = await createClient().fetchStatusList({ name: 'Warps' }, 'MANGA', 'CURRENT');

    const entry = list.entries.find((candidate) => candidate.mediaId === 111258);
    expect(entry?.progress).toBe(94);
    expect(entry?.score).toBe(9.3);
    expect(list.user).toMatchObject({ id: WARPS_USER_ID, name: 'Warps' });
  });

  it('private list hidden from others', async () => {
    const error = await createClient().fetchStatusList({ name: 'PrivateUser' }, 'ANIME', 'CURRENT').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AniListError);
    expect((error as AniListError).operationName).toBe('StatusList');
  });
});

describe('saveEntry', () => {
  it('sends only the given fields', async () => {
    const saved = await createClient(WARPS_TOKEN).saveEntry({ mediaId: 181841, progress: 6 });

    expect(saved).toMatchObject({ mediaId: 181841, status: 'CURRENT', progress: 6, score: 0 });
    expect(saved.entryId).toBe(5002007);
    expect(saved.updatedAt).toEqual(expect.any(Number));
    const request = fake.requests.find((candidate) => candidate.operationName === 'SaveEntry');
    expect(request?.variables).toEqual({ mediaId: 181841, progress: 6 });
    expect(warpsEntry(181841)?.progress).toBe(6);
  });

  it('changes status and score together', async () => {
    const saved = await createClient(WARPS_TOKEN).saveEntry({ mediaId: 111258, status: 'COMPLETED', score: 9.5 });

    expect(saved).toMatchObject({ mediaId: 111258, status: 'COMPLETED', progress: 94, score: 9.5 });
    expect(warpsEntry(111258)?.status).toBe('COMPLETED');
    expect(warpsEntry(111258)?.score).toBe(9.5);
  });

  it('creates an entry for a new media', async () => {
    const saved = await createClient(WARPS_TOKEN).saveEntry({ mediaId: 21311, status: 'PLANNING' });

    expect(saved).toMatchObject({ mediaId: 21311, status: 'PLANNING', progress: 0 });
    expect(warpsEntry(21311)?.status).toBe('PLANNING');
  });

  it('without token sends nothing', async () => {
    const error = await createClient().saveEntry({ mediaId: 181841, progress: 6 }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AniListError);
    expect((error as AniListError).kind).toBe('unauthorized');
    expect(fake.requests).toHaveLength(0);
  });

  it('score over the format maximum rejected', async () => {
    const error = await createClient(WARPS_TOKEN).saveEntry({ mediaId: 181841, score: 11 }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AniListError);
    expect((error as AniListError).kind).toBe('validation');
    expect(warpsEntry(181841)?.score ?? 0).toBe(0);
  });
});

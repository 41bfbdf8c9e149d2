import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AniListClient } from '../../lib/anilist/client';
import type { MediaRelations, UserList } from '../../lib/anilist/types';
import { createMemoryRelationStore } from '../../lib/cache/memory-store';
import { runScan, type ScanProgress } from '../../lib/scan/run-scan';
import { DEFAULT_FINDER_SETTINGS } from '../../lib/sequels/types';
import { buildSyntheticList } from '../../bench/synthetic-list';
import { unpacedFetch } from '../../bench/unpaced';
import { type FakeAniList, startFakeAniList } from '../support/fake-anilist/index';

// Kimi ni Todoke season 2 (9656) is on the recorded list; its sequel 168872 is not.
const KIMI_NI_TODOKE_S2 = 9656;
const KIMI_NI_TODOKE_S3 = 168872;

let fake: FakeAniList;

function newClient(): AniListClient {
  return new AniListClient({ apiUrl: fake.url, requestsPerMinute: 100_000, burst: 1_000 });
}

/** Removes one media from Boilerplate's recorded list, so the walk must fetch its relations. */
function dropFromList(mediaId: number): void {
  const user = fake.data.users.find((candidate) => candidate.name === 'Boilerplate')!;
  user.lists.ANIME = user.lists.ANIME.filter((entry) => entry.mediaId !== mediaId);
}

beforeAll(async () => {
  fake = await startFakeAniList();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
});

describe('runScan', () => {
  it('finds the ten recorded missing sequels in two requests', async () => {
    const outcome = await runScan({
      user: { name: 'Boilerplate' },
      settings: DEFAULT_FINDER_SETTINGS,
      client: newClient(),
      store: createMemoryRelationStore(),
    });

    // The list request, then one batch for the relations of the ten off-list sequels, whose own
    // sequels could be missing too.
    expect(outcome.result.missing).toHaveLength(10);
    expect(fake.requests.map((request) => request.operationName)).toEqual(['UserList', 'MediaRelationsBatch']);
    expect(outcome.progress.relationsFetched).toBe(10);
    expect(outcome.progress.phase).toBe('done');
  });

  it('fetches relations of off-list media and goes one hop further', async () => {
    dropFromList(KIMI_NI_TODOKE_S2);
    const outcome = await runScan({
      user: { name: 'Boilerplate' },
      settings: DEFAULT_FINDER_SETTINGS,
      client: newClient(),
      store: createMemoryRelationStore(),
    });

    const third = outcome.result.missing.find((sequel) => sequel.media.id === KIMI_NI_TODOKE_S3);
    expect(third?.depth).toBe(2);
    expect(third?.via).toEqual([KIMI_NI_TODOKE_S2]);
    expect(fake.requests.map((request) => request.operationName)).toContain('MediaRelationsBatch');
  });

  it('sends only the list request on a warm scan', async () => {
    dropFromList(KIMI_NI_TODOKE_S2);
    const store = createMemoryRelationStore();
    const options = { user: { name: 'Boilerplate' }, settings: DEFAULT_FINDER_SETTINGS, store };
    const cold = await runScan({ ...options, client: newClient() });
    const coldRequests = fake.requests.length;
    fake.requests.length = 0;

    const warm = await runScan({ ...options, client: newClient() });

    expect(coldRequests).toBeGreaterThan(1);
    expect(fake.requests.map((request) => request.operationName)).toEqual(['UserList']);
    expect(warm.progress.relationsFetched).toBe(0);
    expect(warm.result.missing.map((sequel) => sequel.media.id)).toEqual(cold.result.missing.map((sequel) => sequel.media.id));
  });

  it('resumes from a stored list without reading it again', async () => {
    let stored: UserList | null = null;
    const store = createMemoryRelationStore();
    await runScan({
      user: { name: 'Boilerplate' },
      settings: DEFAULT_FINDER_SETTINGS,
      client: newClient(),
      store,
      onListRead: (list) => {
        stored = list;
      },
    });
    fake.requests.length = 0;

    const resumed = await runScan({
      user: { name: 'Boilerplate' },
      settings: DEFAULT_FINDER_SETTINGS,
      client: newClient(),
      store,
      resumeList: stored!,
    });

    expect(fake.requests).toHaveLength(0);
    expect(resumed.result.missing).toHaveLength(10);
  });

  it('stops asking for media AniList never returns', async () => {
    dropFromList(KIMI_NI_TODOKE_S2);
    const asked: number[][] = [];
    const client = newClient();
    const outcome = await runScan({
      user: { name: 'Boilerplate' },
      settings: DEFAULT_FINDER_SETTINGS,
      store: createMemoryRelationStore(),
      client: {
        fetchUserList: (user, type) => client.fetchUserList(user, type),
        fetchRelations: async (ids): Promise<MediaRelations[]> => {
          asked.push([...ids]);
          return [];
        },
      },
    });

    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain(KIMI_NI_TODOKE_S2);
    expect(outcome.result.missing.some((sequel) => sequel.media.id === KIMI_NI_TODOKE_S2)).toBe(true);
    expect(outcome.result.missing.some((sequel) => sequel.media.id === KIMI_NI_TODOKE_S3)).toBe(false);
  });

  it('reports each phase in order', async () => {
    const phases: ScanProgress['phase'][] = [];
    await runScan({
      user: { name: 'Boilerplate' },
      settings: DEFAULT_FINDER_SETTINGS,
      client: newClient(),
      store: createMemoryRelationStore(),
      onProgress: (progress) => phases.push(progress.phase),
    });

    expect(phases[0]).toBe('list');
    expect(phases.at(-1)).toBe('done');
  });
});

describe('runScan batching', () => {
  // Synthetic lists hold SEQUEL chains up to four hops past the list. The ids of hop k+1 are
  // unknown until hop k is fetched, so a scan may need one partial batch per extra hop beyond
  // ceil(K/50). It must fill batches across hops to stay within that.
  const MAX_OFF_LIST_HOPS = 4;
  const sizes = [100, 1_000, 2_000];

  for (const size of sizes) {
    it(`meets the request bound for ${size} entries`, async () => {
      const synthetic = buildSyntheticList(size);
      const server = await startFakeAniList({ data: synthetic.data });
      try {
        const client = new AniListClient({ apiUrl: server.url, fetch: unpacedFetch, requestsPerMinute: 100_000, burst: 1_000 });
        const outcome = await runScan({
          user: { name: synthetic.userName },
          settings: DEFAULT_FINDER_SETTINGS,
          client,
          store: createMemoryRelationStore(),
        });

        const listRequests = server.requests.filter((request) => request.operationName === 'UserList').length;
        const relationRequests = server.requests.filter((request) => request.operationName === 'MediaRelationsBatch').length;
        expect(listRequests).toBe(Math.ceil(size / 500));
        expect(outcome.progress.relationsNeeded).toBe(synthetic.reachableOffList);
        expect(relationRequests).toBeGreaterThanOrEqual(Math.ceil(synthetic.reachableOffList / 50));
        expect(relationRequests).toBeLessThanOrEqual(Math.ceil(synthetic.reachableOffList / 50) + MAX_OFF_LIST_HOPS - 1);
      } finally {
        await server.close();
      }
    });
  }
});

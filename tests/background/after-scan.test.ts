import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ignoreMedia } from '../../lib/ignored/store';
import { listNotifications } from '../../lib/notifications/history';
import { defaultSettings, type Settings } from '../../lib/settings/schema';
import { saveSettings } from '../../lib/settings/store';
import { type FakeAniList, startFakeAniList } from '../support/fake-anilist/index';
import { boilerplateSession, createHarness, dropFromList, type Harness, T0 } from './support';

// From the recorded Boilerplate list: Blue Lock (137822) leads to its announced 2nd season
// (163146); Kimi ni Todoke season 2 (9656) sits between season 1 (6045) and season 3.
const BLUE_LOCK = 137822;
const BLUE_LOCK_2 = 163146;
const KIMI_NI_TODOKE_S2 = 9656;

let fake: FakeAniList;
let harness: Harness;

beforeAll(async () => {
  fake = await startFakeAniList();
});
afterAll(() => fake.close());

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  harness = createHarness(fake);
});

afterEach(async () => {
  await harness.settle();
  fake.reset();
  vi.restoreAllMocks();
});

async function scanOwnList(): Promise<void> {
  await harness.background.context.runner.start({ userId: 5001, userName: 'Boilerplate' }, 'ANIME', 'manual');
  await harness.settle();
  harness.clock.now += 60_000;
}

async function useSettings(changes: Partial<Settings>): Promise<void> {
  await saveSettings({ ...defaultSettings(), ...changes });
}

function shown(): { title: string; message: string }[] {
  return Object.values(fakeBrowser.notifications.getAllCreateOptions()) as { title: string; message: string }[];
}

function setStatus(mediaId: number, status: string): void {
  const entry = fake.data.users.find((user) => user.id === 5001)?.lists.ANIME.find((candidate) => candidate.mediaId === mediaId);
  if (entry === undefined) throw new Error(`Boilerplate has no entry of ${mediaId}.`);
  entry.status = status;
}

beforeEach(async () => {
  await harness.deps.saveSession(boilerplateSession());
});

describe('notifications after a scan', () => {
  it('first scan notifies nothing', async () => {
    await scanOwnList();

    expect(shown()).toEqual([]);
    expect(await listNotifications()).toEqual([]);
  });

  it('announced sequel of a completed entry', async () => {
    dropFromList(fake, 'Boilerplate', [BLUE_LOCK]);
    await scanOwnList();
    fake.reset();
    setStatus(BLUE_LOCK, 'COMPLETED');

    await scanOwnList();

    expect(shown()).toEqual([{ ...shown()[0], title: 'Sequel announced' }]);
    expect(shown()[0]?.message).toMatch(/^Blue Lock 2nd Season was announced as the sequel to Blue Lock, which you completed\.$/);
    expect((await listNotifications()).map((record) => record.kind)).toEqual(['newly-announced']);
  });

  it('announced sequel starts airing', async () => {
    await scanOwnList();
    fake.data.media.get(BLUE_LOCK_2)!.status = 'RELEASING';
    // The cached relations of an announced media stay fresh for 6 hours; the change shows after that.
    harness.clock.now += 7 * 60 * 60 * 1000;

    await scanOwnList();

    expect(shown().map((options) => options.title)).toEqual(['Now airing']);
    expect((await listNotifications())[0]?.mediaIds).toEqual([BLUE_LOCK_2]);
  });

  it('kind turned off shows nothing', async () => {
    await useSettings({ notifications: { newSequels: true, startedAiring: false, newlyAnnounced: true } });
    await scanOwnList();
    fake.data.media.get(BLUE_LOCK_2)!.status = 'RELEASING';
    harness.clock.now += 7 * 60 * 60 * 1000;

    await scanOwnList();

    expect(shown()).toEqual([]);
    expect(await listNotifications()).toEqual([]);
  });

  it('ignored sequel is not notified', async () => {
    await scanOwnList();
    await ignoreMedia(KIMI_NI_TODOKE_S2, null, T0);
    dropFromList(fake, 'Boilerplate', [KIMI_NI_TODOKE_S2]);

    await scanOwnList();

    expect(shown()).toEqual([]);
  });

  it('same change never shown twice', async () => {
    await scanOwnList();
    dropFromList(fake, 'Boilerplate', [KIMI_NI_TODOKE_S2]);
    await scanOwnList();
    await fakeBrowser.notifications.clear(Object.keys(fakeBrowser.notifications.getAllCreateOptions())[0] ?? '');
    fake.reset();
    await scanOwnList();
    dropFromList(fake, 'Boilerplate', [KIMI_NI_TODOKE_S2]);

    await scanOwnList();

    expect(shown()).toEqual([]);
    expect(await listNotifications()).toHaveLength(1);
  });

  it('titles follow the viewer language', async () => {
    fake.data.users.find((user) => user.id === 5001)!.options = { titleLanguage: 'NATIVE' };
    await scanOwnList();
    dropFromList(fake, 'Boilerplate', [KIMI_NI_TODOKE_S2]);

    await scanOwnList();

    expect(shown()[0]?.message).toBe('君に届け 2ND SEASON');
  });
});

describe('automatic Planning adds', () => {
  it('new sequel added when opted in', async () => {
    await useSettings({ autoAddToPlanning: true });
    await scanOwnList();
    dropFromList(fake, 'Boilerplate', [KIMI_NI_TODOKE_S2]);

    await scanOwnList();

    const entry = fake.data.users.find((user) => user.id === 5001)?.lists.ANIME.find((candidate) => candidate.mediaId === KIMI_NI_TODOKE_S2);
    expect(entry?.status).toBe('PLANNING');
    expect(shown()[0]?.title).toBe('A new sequel added to Planning');
    const result = await harness.deps.store.getResult('user:5001:ANIME');
    expect(result?.missing.map((item) => item.media.id)).not.toContain(KIMI_NI_TODOKE_S2);
  });

  it('nothing added when off', async () => {
    await scanOwnList();
    dropFromList(fake, 'Boilerplate', [KIMI_NI_TODOKE_S2]);

    await scanOwnList();

    expect(fake.requests.map((request) => request.operationName)).not.toContain('SaveToPlanning');
    expect(shown()[0]?.title).toBe('A new missing sequel');
  });

  it('first scan adds nothing', async () => {
    await useSettings({ autoAddToPlanning: true });

    await scanOwnList();

    expect(fake.requests.map((request) => request.operationName)).not.toContain('SaveToPlanning');
  });
});

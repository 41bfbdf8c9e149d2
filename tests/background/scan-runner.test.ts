import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALARM_NAMES } from '../../lib/background/alarms';
import { RELATIONS_RECHECK_MS } from '../../lib/background/scan-execution';
import { createJob, resultKey } from '../../lib/background/scan-job';
import { loadSettings } from '../../lib/settings/store';
import { type FakeAniList, startFakeAniList } from '../support/fake-anilist/index';
import { createHarness, dropFromList, type Harness, operations, relationIdsRequested, T0 } from './support';

// Kimi ni Todoke season 2 (9656) is on Boilerplate's list. Without it, the walk needs a second
// round of relations for season 3 (168872), which season 2 leads to.
const KIMI_NI_TODOKE_S2 = 9656;
const KIMI_NI_TODOKE_S3 = 168872;
const BOILERPLATE = { userId: null, userName: 'Boilerplate' };
const BOILERPLATE_KEY = resultKey(BOILERPLATE, 'ANIME');

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

async function scanTyped(userName = 'Boilerplate'): Promise<void> {
  const { started } = await harness.background.context.runner.start({ userId: null, userName }, 'ANIME', 'manual');
  expect(started).toBe(true);
  await harness.settle();
}

describe('scan runner', () => {
  it('typed user scan stores results', async () => {
    await scanTyped('boilerplate');

    const result = await harness.deps.store.getResult(BOILERPLATE_KEY);
    expect(result?.missing).toHaveLength(10);
    expect(result?.target.userName).toBe('Boilerplate');
    expect(result?.finishedAt).toBe(T0);
    expect(result?.listStatuses).toHaveLength(52);
    expect(await harness.deps.store.getJob()).toBeNull();
    expect((await loadSettings()).settings.scanUserName).toBe('Boilerplate');
    expect(operations(fake)).toEqual(['UserList', 'MediaRelationsBatch']);
  });

  it('finished scan sets badge', async () => {
    await scanTyped();

    expect(await fakeBrowser.action.getBadgeText({})).toBe('6');
    expect(await fakeBrowser.action.getTitle({})).toBe('Sequel Finder: 6 missing sequels are out now');
    const last = harness.broadcasts.at(-1);
    expect(last?.scan).toEqual({ phase: 'idle' });
    expect(last?.lastScan?.totals.byAvailability).toEqual({ available: 6, announced: 4 });
  });

  it('progress is stored while running', async () => {
    fake.failAlways({ kind: 'slow', ms: 150 });
    await harness.background.context.runner.start(BOILERPLATE, 'ANIME', 'manual');
    await vi.waitFor(async () => {
      expect((await harness.deps.store.getJob())?.progress.phase).toBe('relations');
    });

    const job = await harness.deps.store.getJob();
    expect(job?.state).toBe('running');
    expect(job?.requestsDone).toBeGreaterThanOrEqual(1);
    expect(await harness.deps.store.getListSnapshot(job?.id ?? '')).not.toBeNull();
    await harness.settle();
    expect(await harness.deps.store.getJob()).toBeNull();
  });

  it('second start while running is refused', async () => {
    fake.failAlways({ kind: 'slow', ms: 150 });
    const runner = harness.background.context.runner;
    await runner.start(BOILERPLATE, 'ANIME', 'manual');

    expect(await runner.start(BOILERPLATE, 'ANIME', 'manual')).toEqual({ started: false });
    await expect(runner.start({ userId: null, userName: 'Warps' }, 'ANIME', 'manual')).rejects.toThrow(/already running/);
    await harness.settle();
    expect(operations(fake).filter((name) => name === 'UserList')).toHaveLength(1);
  });

  it('cancel stops and forgets the scan', async () => {
    fake.failAlways({ kind: 'slow', ms: 200 });
    const runner = harness.background.context.runner;
    await runner.start(BOILERPLATE, 'ANIME', 'manual');

    expect(await runner.cancel()).toBe(true);
    await harness.settle();

    expect(await harness.deps.store.getJob()).toBeNull();
    expect(await harness.deps.store.getResult(BOILERPLATE_KEY)).toBeNull();
    expect(await fakeBrowser.alarms.get(ALARM_NAMES.watchdog)).toBeUndefined();
    expect(await runner.cancel()).toBe(false);
  });
});

describe('scan resume', () => {
  it('paused scan resumes without refetching', async () => {
    dropFromList(fake, 'Boilerplate', [KIMI_NI_TODOKE_S2]);
    // The list and the first relation round succeed; the second round finds AniList down.
    fake.failNext({ kind: 'slow', ms: 0 }, { kind: 'slow', ms: 0 }, { kind: 'server-error' });
    await scanTyped();

    const paused = await harness.deps.store.getJob();
    expect(paused?.state).toBe('paused');
    expect(paused?.error?.kind).toBe('server');
    expect(paused?.retryAt).toBe(T0 + 10 * 60 * 1000);
    expect((await fakeBrowser.alarms.get(ALARM_NAMES.retry))?.scheduledTime).toBe(T0 + 10 * 60 * 1000);
    const firstRound = relationIdsRequested(fake).slice(0, -1);
    expect(firstRound).toContain(KIMI_NI_TODOKE_S2);
    fake.requests.length = 0;

    await harness.background.onAlarm(ALARM_NAMES.retry);
    await harness.settle();

    expect(operations(fake)).toEqual(['MediaRelationsBatch']);
    expect(relationIdsRequested(fake)).toEqual([KIMI_NI_TODOKE_S3]);
    const result = await harness.deps.store.getResult(BOILERPLATE_KEY);
    expect(result?.missing.map((item) => item.media.id)).toContain(KIMI_NI_TODOKE_S3);
    expect(await harness.deps.store.getJob()).toBeNull();
  });

  it('stopped worker scan resumes on start', async () => {
    dropFromList(fake, 'Boilerplate', [KIMI_NI_TODOKE_S2]);
    fake.failNext({ kind: 'slow', ms: 0 }, { kind: 'slow', ms: 0 }, { kind: 'network' });
    await scanTyped();
    // What a worker stopped during the second relation round leaves: a running job, its list
    // and the first round's relations in the cache.
    const stopped = await harness.deps.store.getJob();
    expect(stopped).not.toBeNull();
    await harness.deps.store.putJob({ ...stopped!, state: 'running', error: null, pausedAt: null, retryAt: null });
    fake.requests.length = 0;

    const restarted = createHarness(fake, { sameStorageAs: harness });
    await restarted.background.onWorkerStart();
    await restarted.settle();

    expect(operations(fake)).toEqual(['MediaRelationsBatch']);
    expect(relationIdsRequested(fake)).toEqual([KIMI_NI_TODOKE_S3]);
    expect((await restarted.deps.store.getResult(BOILERPLATE_KEY))?.missing.map((item) => item.media.id)).toContain(KIMI_NI_TODOKE_S3);
    expect(await restarted.deps.store.getJob()).toBeNull();
  });

  it('old snapshot is read again', async () => {
    const reader = harness.deps.createClient({ token: null });
    const list = await reader.fetchUserList({ name: 'Boilerplate' }, 'ANIME');
    const job = createJob(BOILERPLATE, 'ANIME', 'manual', T0 - 7 * 60 * 60 * 1000);
    await harness.deps.store.putJob(job);
    await harness.deps.store.putListSnapshot(job.id, list, T0 - 7 * 60 * 60 * 1000);
    fake.requests.length = 0;

    await harness.background.onWorkerStart();
    await harness.settle();

    expect(operations(fake)[0]).toBe('UserList');
  });
});

describe('periodic check', () => {
  it('unchanged list skips relations', async () => {
    await scanTyped();
    fake.requests.length = 0;
    harness.clock.now = T0 + 12 * 60 * 60 * 1000;

    await harness.background.onAlarm(ALARM_NAMES.periodic);
    await harness.settle();

    expect(operations(fake)).toEqual(['UserList']);
    const result = await harness.deps.store.getResult(BOILERPLATE_KEY);
    expect(result?.finishedAt).toBe(T0 + 12 * 60 * 60 * 1000);
    expect(result?.relationsCheckedAt).toBe(T0);
    expect(result?.missing).toHaveLength(10);
  });

  it('day-old walk runs again', async () => {
    await scanTyped();
    fake.requests.length = 0;
    harness.clock.now = T0 + RELATIONS_RECHECK_MS;

    await harness.background.onAlarm(ALARM_NAMES.periodic);
    await harness.settle();

    expect(operations(fake)).toContain('MediaRelationsBatch');
    expect((await harness.deps.store.getResult(BOILERPLATE_KEY))?.relationsCheckedAt).toBe(T0 + RELATIONS_RECHECK_MS);
  });

  it('changed list notifies new sequels', async () => {
    await scanTyped();
    dropFromList(fake, 'Boilerplate', [KIMI_NI_TODOKE_S2]);
    harness.clock.now = T0 + 60 * 60 * 1000;

    await harness.background.onAlarm(ALARM_NAMES.periodic);
    await harness.settle();

    const shown = fakeBrowser.notifications.getAllCreateOptions() as Record<string, { title: string; message: string; iconUrl: string }>;
    const ids = Object.keys(shown);
    expect(ids).toEqual([`sequel-finder|ANIME|${KIMI_NI_TODOKE_S2}|new-sequels:${KIMI_NI_TODOKE_S2}`]);
    expect(shown[ids[0] ?? '']?.title).toBe('A new missing sequel');
    expect(shown[ids[0] ?? '']?.message).toBe('Kimi ni Todoke: From Me to You Season 2');
    expect(shown[ids[0] ?? '']?.iconUrl).toBe('chrome-extension://test-extension-id/icon/128.png');
    expect(harness.broadcasts.at(-1)?.unreadNotifications).toBe(1);
  });

  it('nothing to follow does nothing', async () => {
    await harness.background.onAlarm(ALARM_NAMES.periodic);
    await harness.settle();

    expect(fake.requests).toHaveLength(0);
    expect(await harness.deps.store.getJob()).toBeNull();
  });
});


import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALARM_NAMES } from '../../lib/background/alarms';
import { notificationIdOf, RELOGIN_NOTIFICATION_ID } from '../../lib/background/notifier';
import { notificationId } from '../../lib/notifications/diff';
import { addNotifications, listNotifications } from '../../lib/notifications/history';
import { defaultSettings } from '../../lib/settings/schema';
import { saveSettings } from '../../lib/settings/store';
import { type FakeAniList, startFakeAniList } from '../support/fake-anilist/index';
import { createHarness, type Harness, T0 } from './support';

const MINUTE = 60_000;

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

describe('periodic alarm', () => {
  // The fake browser stamps alarms with Date.now(), so the tests set it to the harness clock.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('worker start creates it', async () => {
    await harness.background.onWorkerStart();

    const alarm = await fakeBrowser.alarms.get(ALARM_NAMES.periodic);
    expect(alarm?.periodInMinutes).toBe(720);
    expect(alarm?.scheduledTime).toBe(T0 + 720 * MINUTE);
  });

  it('worker start keeps its schedule', async () => {
    await fakeBrowser.alarms.create(ALARM_NAMES.periodic, { when: T0 + 3 * MINUTE, periodInMinutes: 720 });

    await harness.background.onWorkerStart();

    expect((await fakeBrowser.alarms.get(ALARM_NAMES.periodic))?.scheduledTime).toBe(T0 + 3 * MINUTE);
  });

  it('install creates it anew from the last scan', async () => {
    await harness.background.handlers.startScan({ type: 'startScan', userName: 'Boilerplate' }, { senderKind: 'extension-page' });
    await harness.settle();
    await fakeBrowser.alarms.create(ALARM_NAMES.periodic, { when: T0 + 3 * MINUTE, periodInMinutes: 720 });
    harness.clock.now = T0 + 120 * MINUTE;
    vi.setSystemTime(T0 + 120 * MINUTE);

    await harness.background.onInstalled();

    expect((await fakeBrowser.alarms.get(ALARM_NAMES.periodic))?.scheduledTime).toBe(T0 + 720 * MINUTE);
  });

  it('off setting removes it', async () => {
    await saveSettings({ ...defaultSettings(), scanIntervalMinutes: 0 });
    await fakeBrowser.alarms.create(ALARM_NAMES.periodic, { periodInMinutes: 720 });

    await harness.background.onStartup();

    expect(await fakeBrowser.alarms.get(ALARM_NAMES.periodic)).toBeUndefined();
  });

  it('settings from another device apply', async () => {
    await harness.background.onWorkerStart();

    await harness.background.onSettingsChanged({ ...defaultSettings(), scanIntervalMinutes: 7 * 24 * 60 });

    expect((await fakeBrowser.alarms.get(ALARM_NAMES.periodic))?.periodInMinutes).toBe(7 * 24 * 60);
  });

  it('worker start draws the badge', async () => {
    await harness.background.handlers.startScan({ type: 'startScan', userName: 'Boilerplate' }, { senderKind: 'extension-page' });
    await harness.settle();
    await fakeBrowser.action.setBadgeText({ text: '' });

    const restarted = createHarness(fake, { sameStorageAs: harness });
    await restarted.background.onWorkerStart();
    await restarted.settle();

    expect(await fakeBrowser.action.getBadgeText({})).toBe('6');
  });
});

describe('other alarms', () => {
  it('watchdog without a job stops itself', async () => {
    await fakeBrowser.alarms.create(ALARM_NAMES.watchdog, { periodInMinutes: 1 });

    await harness.background.onAlarm(ALARM_NAMES.watchdog);

    expect(await fakeBrowser.alarms.get(ALARM_NAMES.watchdog)).toBeUndefined();
    expect(fake.requests).toHaveLength(0);
  });

  it('unknown alarm is ignored', async () => {
    await harness.background.onAlarm('someone-else');

    expect(console.warn).toHaveBeenCalledWith('An unknown alarm "someone-else" fired and was ignored.');
  });
});

describe('notification clicks', () => {
  it('media click opens AniList and marks read', async () => {
    const event = { id: notificationId('started-airing', [163146]), kind: 'started-airing' as const, mediaIds: [163146], titles: ['Blue Lock 2nd Season'], count: 1, sourceTitle: null };
    const [record] = await addNotifications([event], T0);
    const id = notificationIdOf(record!, 'ANIME');
    await fakeBrowser.notifications.create(id, { type: 'basic', iconUrl: 'x', title: 't', message: 'm' });

    await harness.background.onNotificationClicked(id);

    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain('https://anilist.co/anime/163146');
    expect((await listNotifications())[0]?.read).toBe(true);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('relogin click starts the login', async () => {
    await harness.background.onNotificationClicked(RELOGIN_NOTIFICATION_ID);
    await harness.settle();

    expect(harness.authorizeUrls).toHaveLength(1);
    expect((await harness.session())?.viewer.name).toBe('Boilerplate');
  });

  it('other extension click is ignored', async () => {
    await harness.background.onNotificationClicked('other-extension|1');

    expect(await fakeBrowser.tabs.query({})).toHaveLength(1);
    expect(harness.authorizeUrls).toHaveLength(0);
  });
});

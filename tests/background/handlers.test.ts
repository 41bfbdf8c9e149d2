import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALARM_NAMES } from '../../lib/background/alarms';
import { ignoredIds } from '../../lib/ignored/store';
import { dispatchMessage } from '../../lib/messages/dispatch';
import type { SenderInfo } from '../../lib/messages/permissions';
import type { MessageResult } from '../../lib/messages/protocol';
import type { BackgroundState, ScanSummary } from '../../lib/messages/state';
import { notificationId } from '../../lib/notifications/diff';
import { addNotifications } from '../../lib/notifications/history';
import { createBackup, serializeBackup } from '../../lib/settings/backup';
import { defaultSettings } from '../../lib/settings/schema';
import { loadSettings } from '../../lib/settings/store';
import { type FakeAniList, startFakeAniList } from '../support/fake-anilist/index';
import { boilerplateSession, createHarness, type Harness, operations, T0 } from './support';

const ORIGIN = 'chrome-extension://test-extension-id/';
const POPUP: SenderInfo = { url: `${ORIGIN}popup.html` };
const PAGE: SenderInfo = { url: 'https://anilist.co/anime/142838/', tab: { id: 7 } };
// Two of Boilerplate's missing sequels: SPY×FAMILY Season 2 (available) and Blue Lock 2nd Season (announced).
const SPY_SEASON_2 = 158927;
const BLUE_LOCK_2 = 163146;
const SPY_COUR_2 = 142838;

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
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  harness = createHarness(fake);
});

afterEach(async () => {
  await harness.settle();
  fake.reset();
  vi.restoreAllMocks();
});

async function send<T>(message: unknown, sender: SenderInfo = POPUP): Promise<MessageResult<T>> {
  const result = (await dispatchMessage(message, sender, ORIGIN, harness.background.handlers)) as MessageResult<T>;
  await harness.settle();
  return result;
}

async function value<T>(message: unknown, sender: SenderInfo = POPUP): Promise<T> {
  const result = await send<T>(message, sender);
  if (!result.ok) throw new Error(`"${(message as { type: string }).type}" failed: ${result.error.message}`);
  return result.value;
}

async function errorMessage(message: unknown, sender: SenderInfo = POPUP): Promise<string> {
  const result = await send(message, sender);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error.message;
}

async function logInAsBoilerplate(): Promise<void> {
  await harness.deps.saveSession(boilerplateSession());
  await value({ type: 'startScan' });
  fake.requests.length = 0;
}

const missingIds = (summary: ScanSummary | null | undefined) => summary?.missing.map((item) => item.media.id) ?? [];

describe('getState and startScan', () => {
  it('fresh install state', async () => {
    const state = await value<BackgroundState>({ type: 'getState' });

    expect(state).toEqual({
      login: null,
      scan: { phase: 'idle' },
      lastScan: null,
      settings: defaultSettings(),
      unreadNotifications: 0,
      reloginRequested: null,
      loginAvailable: true,
      nextCheckAt: null,
    });
  });

  it('typed user name scans that list', async () => {
    expect(await value({ type: 'startScan', userName: ' Boilerplate ' })).toEqual({ started: true });

    const state = await value<BackgroundState>({ type: 'getState' });
    expect(state.lastScan?.userName).toBe('Boilerplate');
    expect(state.lastScan?.missing).toHaveLength(10);
    expect(state.settings.scanUserName).toBe('Boilerplate');
  });

  it('state never carries the token', async () => {
    await logInAsBoilerplate();

    const state = await value<BackgroundState>({ type: 'getState' }, PAGE);

    expect(state.login?.viewer.name).toBe('Boilerplate');
    expect(JSON.stringify(state)).not.toContain('fake-token');
    expect(JSON.stringify(harness.broadcasts)).not.toContain('fake-token');
  });

  it('nothing to scan is explained', async () => {
    expect(await errorMessage({ type: 'startScan' })).toBe('There is no list to scan, so log in to AniList or type a user name first.');
  });

  it('other user while logged in refused', async () => {
    await harness.deps.saveSession(boilerplateSession());

    expect(await errorMessage({ type: 'startScan', userName: 'Warps' })).toBe(
      'You are logged in as Boilerplate, so the scan reads your own list. Log out to scan the list of Warps.',
    );
  });

  it('own name while logged in scans', async () => {
    await harness.deps.saveSession(boilerplateSession());

    expect(await value({ type: 'startScan', userName: 'boilerplate' })).toEqual({ started: true });
    expect(operations(fake)).toEqual(['Viewer', 'UserList', 'MediaRelationsBatch']);
  });

  const busyCases = [
    {
      name: 'same list',
      second: 'Boilerplate',
      uiLanguage: 'en-US',
      message: 'A scan of Boilerplate is already running, so no new scan was started. Its results show here when it finishes.',
    },
    {
      name: 'other list',
      second: 'Warps',
      uiLanguage: 'en-US',
      message: 'A scan of Boilerplate is already running, so no new scan was started. Its results show here when it finishes.',
    },
    {
      name: 'same list in Portuguese',
      second: 'Boilerplate',
      uiLanguage: 'pt-BR',
      message:
        'Uma busca na lista de Boilerplate já está em andamento, então nenhuma nova busca foi iniciada. Os resultados aparecem aqui quando ela terminar.',
    },
  ];

  for (const testCase of busyCases) {
    it(`startScan while running: ${testCase.name}`, async () => {
      harness = createHarness(fake, { uiLanguage: testCase.uiLanguage });
      fake.failAlways({ kind: 'slow', ms: 150 });
      const handlers = harness.background.handlers;
      await dispatchMessage({ type: 'startScan', userName: 'Boilerplate' }, POPUP, ORIGIN, handlers);

      const second = await dispatchMessage({ type: 'startScan', userName: testCase.second }, POPUP, ORIGIN, handlers);

      expect(second).toEqual({
        ok: true,
        value: { started: false, reason: 'already-running', userName: 'Boilerplate', message: testCase.message },
      });
      await harness.settle();
      expect(operations(fake).filter((name) => name === 'UserList')).toHaveLength(1);
    });
  }

  // All 52 entries of Boilerplate's recorded list are in Planning.
  const countCases = [
    { name: 'default sources', sourceStatuses: defaultSettings().sourceStatuses, entryCount: 52, sourceCount: 52, missing: 10 },
    { name: 'nothing to start from', sourceStatuses: ['COMPLETED' as const], entryCount: 52, sourceCount: 0, missing: 0 },
  ];

  for (const testCase of countCases) {
    it(`lastScan counts: ${testCase.name}`, async () => {
      await value({ type: 'saveSettings', settings: { ...defaultSettings(), sourceStatuses: testCase.sourceStatuses } });
      await value({ type: 'startScan', userName: 'Boilerplate' });

      const state = await value<BackgroundState>({ type: 'getState' });

      expect(state.lastScan?.entryCount).toBe(testCase.entryCount);
      expect(state.lastScan?.sourceCount).toBe(testCase.sourceCount);
      expect(state.lastScan?.missing).toHaveLength(testCase.missing);
    });
  }

  it('finder change rescans from the cache', async () => {
    const followed = { ...defaultSettings(), scanUserName: 'Boilerplate' };
    await value({ type: 'saveSettings', settings: followed });
    await value({ type: 'startScan' });
    fake.requests.length = 0;

    await value({ type: 'saveSettings', settings: { ...followed, excludedFormats: ['MUSIC', 'MOVIE'] } });

    // Three of the ten recorded missing sequels are movies.
    await expect.poll(async () => (await value<BackgroundState>({ type: 'getState' })).lastScan?.missing.length).toBe(7);
    expect(operations(fake)).toEqual(['UserList']);
  });

  it('other setting changes do not rescan', async () => {
    const followed = { ...defaultSettings(), scanUserName: 'Boilerplate' };
    await value({ type: 'saveSettings', settings: followed });
    await value({ type: 'startScan' });
    fake.requests.length = 0;

    await value({ type: 'saveSettings', settings: { ...followed, language: 'pt-BR' } });

    expect((await value<BackgroundState>({ type: 'getState' })).scan.phase).not.toBe('running');
    expect(fake.requests).toHaveLength(0);
  });

  it('error in Portuguese for a pt-BR browser', async () => {
    harness = createHarness(fake, { uiLanguage: 'pt-BR' });

    expect(await errorMessage({ type: 'startScan' })).toBe('Não há lista para buscar, então faça login no AniList ou digite um nome de usuário primeiro.');
  });

  it('language setting beats the browser', async () => {
    harness = createHarness(fake, { uiLanguage: 'pt-BR' });
    await value({ type: 'saveSettings', settings: { ...defaultSettings(), language: 'en' } });

    expect(await errorMessage({ type: 'startScan' })).toBe('There is no list to scan, so log in to AniList or type a user name first.');
  });

  it('cancelScan without a scan', async () => {
    expect(await value({ type: 'cancelScan' })).toEqual({ cancelled: false });
  });

  it('content script cannot start a scan', async () => {
    const result = await send({ type: 'startScan', userName: 'Boilerplate' }, PAGE);

    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('addToPlanning', () => {
  it('adds and updates results at once', async () => {
    await logInAsBoilerplate();

    const result = await value({ type: 'addToPlanning', mediaIds: [SPY_SEASON_2, BLUE_LOCK_2] });

    expect(result).toEqual({ added: [SPY_SEASON_2, BLUE_LOCK_2], failed: [] });
    const state = await value<BackgroundState>({ type: 'getState' });
    expect(missingIds(state.lastScan)).not.toContain(SPY_SEASON_2);
    expect(state.lastScan?.totals.missing).toBe(8);
    const boilerplate = fake.data.users.find((user) => user.id === 5001);
    expect(boilerplate?.lists.ANIME.find((entry) => entry.mediaId === SPY_SEASON_2)?.status).toBe('PLANNING');
    expect(await value({ type: 'getMediaStatus', mediaId: SPY_SEASON_2 })).toMatchObject({ listStatus: 'PLANNING', missing: null });
  });

  it('rejected add is undone', async () => {
    await logInAsBoilerplate();
    fake.failNext({ kind: 'slow', ms: 0 }, { kind: 'server-error' });

    const result = await value<{ added: number[]; failed: { mediaId: number; message: string }[] }>({
      type: 'addToPlanning', mediaIds: [SPY_SEASON_2, BLUE_LOCK_2],
    });

    expect(result.added).toEqual([SPY_SEASON_2]);
    expect(result.failed).toEqual([
      { mediaId: BLUE_LOCK_2, message: "AniList's servers did not answer properly even after several tries, so try again in a few minutes." },
    ]);
    const state = await value<BackgroundState>({ type: 'getState' });
    expect(missingIds(state.lastScan)).toContain(BLUE_LOCK_2);
    expect(missingIds(state.lastScan)).not.toContain(SPY_SEASON_2);
    expect(await value({ type: 'getMediaStatus', mediaId: BLUE_LOCK_2 })).toMatchObject({ listStatus: null });
  });

  it('entry on the list is not moved', async () => {
    await logInAsBoilerplate();
    await value({ type: 'updateEntry', mediaId: SPY_COUR_2, status: 'COMPLETED' });
    fake.requests.length = 0;

    const result = await value({ type: 'addToPlanning', mediaIds: [SPY_COUR_2] });

    expect(result).toEqual({
      added: [],
      failed: [{ mediaId: SPY_COUR_2, message: 'This media is already on your list as Completed, so it was not moved to Planning.' }],
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('invalid token logs out', async () => {
    await logInAsBoilerplate();
    fake.failNext({ kind: 'invalid-token' });

    const result = await value<{ added: number[]; failed: { mediaId: number; message: string }[] }>({
      type: 'addToPlanning', mediaIds: [SPY_SEASON_2, BLUE_LOCK_2],
    });

    expect(result.added).toEqual([]);
    expect(result.failed.map((item) => item.mediaId)).toEqual([SPY_SEASON_2, BLUE_LOCK_2]);
    expect(result.failed[1]?.message).toBe('AniList rejected your access token as invalid or expired, so log in again.');
    expect(fake.requests).toHaveLength(1);
    expect(await harness.session()).toBeNull();
    expect((await value<BackgroundState>({ type: 'getState' })).reloginRequested?.userName).toBe('Boilerplate');
  });

  it('needs a login', async () => {
    expect(await errorMessage({ type: 'addToPlanning', mediaIds: [SPY_SEASON_2] })).toBe('This needs an AniList login, so log in first.');
  });

  it('one add allowed from a page', async () => {
    await logInAsBoilerplate();

    expect(await value({ type: 'addToPlanning', mediaIds: [SPY_SEASON_2] }, PAGE)).toEqual({ added: [SPY_SEASON_2], failed: [] });
  });

  it('page cannot add an on-list media', async () => {
    await logInAsBoilerplate();
    fake.requests.length = 0;

    const result = await value({ type: 'addToPlanning', mediaIds: [SPY_COUR_2] }, PAGE);

    expect(result).toEqual({
      added: [],
      failed: [{
        mediaId: SPY_COUR_2,
        message: "This media is not a missing sequel of your last scan, so a page on anilist.co cannot add it. Add it from the extension's popup instead.",
      }],
    });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('ignore and unignore', () => {
  it('reflected in state at once', async () => {
    await value({ type: 'startScan', userName: 'Boilerplate' });

    await value({ type: 'ignore', mediaId: SPY_SEASON_2, title: 'SPY×FAMILY Season 2' });
    const ignoring = await value<BackgroundState>({ type: 'getState' });
    await value({ type: 'unignore', mediaId: SPY_SEASON_2 });
    const unignoring = await value<BackgroundState>({ type: 'getState' });

    expect(missingIds(ignoring.lastScan)).not.toContain(SPY_SEASON_2);
    expect(ignoring.lastScan?.totals.byAvailability.available).toBe(5);
    expect(missingIds(unignoring.lastScan)).toContain(SPY_SEASON_2);
    expect(unignoring.lastScan?.totals.byAvailability.available).toBe(6);
    expect(await ignoredIds()).toEqual(new Set());
    expect(fake.requests.filter((request) => request.operationName === 'UserList')).toHaveLength(1);
  });

  it('badge follows ignoring', async () => {
    await value({ type: 'startScan', userName: 'Boilerplate' });

    await value({ type: 'ignore', mediaId: SPY_SEASON_2 });

    expect(await fakeBrowser.action.getBadgeText({})).toBe('5');
  });

  it('media status marks ignored', async () => {
    await value({ type: 'startScan', userName: 'Boilerplate' });
    await value({ type: 'ignore', mediaId: SPY_SEASON_2 });

    expect(await value({ type: 'getMediaStatus', mediaId: SPY_SEASON_2 }, PAGE)).toMatchObject({ ignored: true, missing: null });
    expect(await value({ type: 'getMediaStatus', mediaId: SPY_COUR_2 }, PAGE)).toMatchObject({ listStatus: 'PLANNING', missingFromHere: [] });
  });
});

describe('Watching tab', () => {
  it('logged-in list is editable', async () => {
    harness.oauth.accessToken = 'fake-token-warps';
    await value({ type: 'login' });
    fake.requests.length = 0;

    const watching = await value<{ editable: boolean; scoreFormat: string; entries: { mediaId: number; progress: number }[] }>({
      type: 'getWatching', mediaType: 'MANGA',
    });

    expect(watching).toMatchObject({ userName: 'Warps', mediaType: 'MANGA', scoreFormat: 'POINT_10_DECIMAL', editable: true });
    expect(watching.entries.map((entry) => [entry.mediaId, entry.progress]).sort()).toEqual([[111258, 94], [30104, 79]].sort());
    expect(operations(fake)).toEqual(['StatusList']);
  });

  it('typed list is read only', async () => {
    await value({ type: 'saveSettings', settings: { ...defaultSettings(), scanUserName: 'Warps' } });

    const watching = await value<{ editable: boolean; scoreFormat: null; entries: { mediaId: number }[] }>({ type: 'getWatching' });

    expect(watching).toMatchObject({ userName: 'Warps', mediaType: 'ANIME', scoreFormat: null, editable: false });
    expect(watching.entries.map((entry) => entry.mediaId)).toEqual([181841]);
  });

  it('updateEntry writes back', async () => {
    harness.oauth.accessToken = 'fake-token-warps';
    await value({ type: 'login' });

    const saved = await value({ type: 'updateEntry', mediaId: 181841, progress: 6, score: 8.5 });

    expect(saved).toMatchObject({ entryId: 5002007, mediaId: 181841, status: 'CURRENT', progress: 6, score: 8.5 });
    const entry = fake.data.users.find((user) => user.id === 5002)?.lists.ANIME.find((candidate) => candidate.mediaId === 181841);
    expect(entry).toMatchObject({ progress: 6, score: 8.5 });
  });

  it('completing updates media status', async () => {
    await logInAsBoilerplate();

    await value({ type: 'updateEntry', mediaId: SPY_COUR_2, status: 'COMPLETED', progress: 12 });

    expect(await value({ type: 'getMediaStatus', mediaId: SPY_COUR_2 })).toMatchObject({ listStatus: 'COMPLETED' });
  });

  it('updateEntry needs a login', async () => {
    expect(await errorMessage({ type: 'updateEntry', mediaId: 181841, progress: 6 })).toBe('This needs an AniList login, so log in first.');
  });

  it('updateEntry refused from a page', async () => {
    await logInAsBoilerplate();

    expect(await send({ type: 'updateEntry', mediaId: 181841, progress: 6 }, PAGE)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('notifications requests', () => {
  it('list and mark read', async () => {
    const event = { id: notificationId('started-airing', [BLUE_LOCK_2]), kind: 'started-airing' as const, mediaIds: [BLUE_LOCK_2], titles: ['Blue Lock 2nd Season'], count: 1, sourceTitle: null };
    await addNotifications([event], T0);

    const listed = await value<{ items: { id: string; read: boolean }[]; unread: number }>({ type: 'getNotifications' });
    const marked = await value({ type: 'markNotificationsRead', ids: [event.id] });

    expect(listed.unread).toBe(1);
    expect(listed.items.map((item) => [item.id, item.read])).toEqual([[event.id, false]]);
    expect(marked).toEqual({ unread: 0 });
    expect((await value<BackgroundState>({ type: 'getState' })).unreadNotifications).toBe(0);
  });
});

describe('settings and backup', () => {
  it('saving settings moves the alarm', async () => {
    await value({ type: 'saveSettings', settings: { ...defaultSettings(), scanIntervalMinutes: 60 } });
    expect((await fakeBrowser.alarms.get(ALARM_NAMES.periodic))?.periodInMinutes).toBe(60);

    await value({ type: 'saveSettings', settings: { ...defaultSettings(), scanIntervalMinutes: 0 } });
    expect(await fakeBrowser.alarms.get(ALARM_NAMES.periodic)).toBeUndefined();
    expect((await value<BackgroundState>({ type: 'getState' })).nextCheckAt).toBeNull();
  });

  it('good backup imported', async () => {
    const backup = createBackup({ ...defaultSettings(), mediaType: 'MANGA' }, [{ mediaId: SPY_SEASON_2, title: 'SPY', ignoredAt: T0 }], T0);

    const result = await value({ type: 'importBackup', text: serializeBackup(backup), overwrite: false });

    expect(result).toEqual({ imported: true, notes: [] });
    expect((await loadSettings()).settings.mediaType).toBe('MANGA');
    expect(await ignoredIds()).toEqual(new Set([SPY_SEASON_2]));
  });

  it('bad backup changes nothing', async () => {
    const result = await value<{ imported: boolean; reasons: string[] }>({ type: 'importBackup', text: '{"format":"other"}', overwrite: true });

    expect(result.imported).toBe(false);
    expect(result.reasons[0]).toMatch(/not a Sequel Finder backup/);
    expect((await loadSettings()).settings).toEqual(defaultSettings());
  });

  it('clearCache refetches relations', async () => {
    await value({ type: 'startScan', userName: 'Boilerplate' });
    await value({ type: 'clearCache' });
    fake.requests.length = 0;

    await value({ type: 'startScan', userName: 'Boilerplate' });

    expect(operations(fake)).toEqual(['UserList', 'MediaRelationsBatch']);
  });
});

describe('scanOtherUser', () => {
  it('scans once and answers from storage', async () => {
    const first = await value<ScanSummary>({ type: 'scanOtherUser', userName: 'Boilerplate' }, PAGE);
    const requests = fake.requests.length;
    const second = await value<ScanSummary>({ type: 'scanOtherUser', userName: 'boilerplate' }, PAGE);

    expect(first.missing).toHaveLength(10);
    expect(second).toEqual(first);
    expect(fake.requests).toHaveLength(requests);
    expect((await value<BackgroundState>({ type: 'getState' })).lastScan).toBeNull();
  });

  it('leaves the followed list alone', async () => {
    await value({ type: 'startScan', userName: 'Boilerplate' });
    const followed = (await value<BackgroundState>({ type: 'getState' })).lastScan;
    harness.clock.now += 11 * 60 * 1000;

    await value<ScanSummary>({ type: 'scanOtherUser', userName: 'Boilerplate' }, PAGE);

    const after = (await value<BackgroundState>({ type: 'getState' })).lastScan;
    expect(after?.finishedAt).toBe(followed?.finishedAt);
  });

  it('refused while the job runs', async () => {
    fake.failAlways({ kind: 'slow', ms: 150 });
    // Dispatched without waiting for the scan to finish, as the popup does.
    await dispatchMessage({ type: 'startScan', userName: 'Warps' }, POPUP, ORIGIN, harness.background.handlers);

    expect(await errorMessage({ type: 'scanOtherUser', userName: 'Boilerplate' }, PAGE)).toBe(
      'A scan is already running, so try again when it has finished.',
    );
  });
});

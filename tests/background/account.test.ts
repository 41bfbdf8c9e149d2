import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { logIn, warnOfExpiry } from '../../lib/background/account';
import { ALARM_NAMES } from '../../lib/background/alarms';
import { describeBackgroundError } from '../../lib/background/errors';
import { EXPIRY_NOTIFICATION_ID, RELOGIN_NOTIFICATION_ID } from '../../lib/background/notifier';
import { ignoredIds, ignoreMedia } from '../../lib/ignored/store';
import { HISTORY_KEY, listNotifications } from '../../lib/notifications/history';
import { notificationId } from '../../lib/notifications/diff';
import { addNotifications } from '../../lib/notifications/history';
import { defaultSettings } from '../../lib/settings/schema';
import { loadSettings, saveSettings } from '../../lib/settings/store';
import { type FakeAniList, startFakeAniList } from '../support/fake-anilist/index';
import { boilerplateSession, createHarness, type Harness, operations, T0, WARPS_TOKEN } from './support';

const DAY_MS = 24 * 60 * 60 * 1000;

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

function shownNotifications(): string[] {
  return Object.keys(fakeBrowser.notifications.getAllCreateOptions());
}

async function failureOf(promise: Promise<unknown>, locale: 'en' | 'pt-BR' = 'en'): Promise<string> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).not.toBeNull();
  return describeBackgroundError(error, locale);
}

describe('logIn', () => {
  it('stores the viewer and scans', async () => {
    const login = await logIn(harness.background.context);
    await harness.settle();

    expect(login.viewer).toEqual({
      id: 5001,
      name: 'Boilerplate',
      avatar: 'https://s4.anilist.co/file/anilistcdn/user/avatar/large/default.png',
      titleLanguage: 'ROMAJI',
      displayAdultContent: false,
      scoreFormat: 'POINT_100',
    });
    expect(login.expiresAt).toBe(T0 + 31_536_000 * 1000);
    expect(login.expiry).toBe('valid');
    expect((await harness.session())?.token).toBe('fake-token-boilerplate');
    expect(JSON.stringify(login)).not.toContain('fake-token');
    const query = new URL(harness.authorizeUrls[0] ?? '').searchParams;
    expect(query.get('client_id')).toBe('12345');
    expect(query.get('redirect_uri')).toBe('https://test-extension-id.chromiumapp.org/');
    expect(query.get('state')).toMatch(/^[0-9a-f]{32}$/);
    expect(operations(fake)).toEqual(['Viewer', 'UserList', 'MediaRelationsBatch']);
    expect((await harness.deps.store.getResult('user:5001:ANIME'))?.missing).toHaveLength(10);
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer fake-token-boilerplate');
  });

  it('viewer options reach the finder', async () => {
    const boilerplate = fake.data.users.find((user) => user.id === 5001);
    boilerplate!.options = { titleLanguage: 'ENGLISH', displayAdultContent: true };
    boilerplate!.scoreFormat = 'POINT_5';

    const login = await logIn(harness.background.context);
    await harness.settle();

    expect(login.viewer).toMatchObject({ titleLanguage: 'ENGLISH', displayAdultContent: true, scoreFormat: 'POINT_5' });
    const settingsKey = (await harness.deps.store.getResult('user:5001:ANIME'))?.settingsKey ?? '';
    expect(JSON.parse(settingsKey).includeAdult).toBe(true);
  });

  const refusals = [
    { name: 'declined', setup: (h: Harness) => { h.oauth.outcome = 'deny'; }, expected: 'The login was declined on AniList, so the extension was not authorized.' },
    { name: 'other state', setup: (h: Harness) => { h.oauth.outcome = 'wrong-state'; }, expected: 'The AniList login answered a different login attempt, so log in again.' },
    { name: 'window closed', setup: (h: Harness) => h.closeNextLoginWindow(), expected: 'The AniList login window was closed before the login finished, so you are still logged out.' },
    { name: 'page unreachable', setup: (h: Harness) => { h.oauth.redirectUrl = null; }, expected: 'The AniList login page could not be opened (Authorization page could not be loaded.), so check your connection and try again.' },
  ];

  for (const { name, setup, expected } of refusals) {
    it(`login ${name} stores nothing`, async () => {
      setup(harness);

      expect(await failureOf(logIn(harness.background.context))).toBe(expected);
      expect(await harness.session()).toBeNull();
      expect(fake.requests).toHaveLength(0);
    });
  }

  it('login without client id explains', async () => {
    const build = createHarness(fake, { clientId: null });

    const message = await failureOf(logIn(build.background.context), 'pt-BR');

    expect(message).toMatch(/^Esta versão da extensão não tem um client id do AniList/);
    expect(message).toContain('WXT_ANILIST_CLIENT_ID_CHROME');
  });

  it('rejected token stores nothing', async () => {
    harness.oauth.accessToken = 'revoked-token';

    expect(await failureOf(logIn(harness.background.context))).toBe('AniList rejected your access token as invalid or expired, so log in again.');
    expect(await harness.session()).toBeNull();
  });

  it('another account wipes the first', async () => {
    await logIn(harness.background.context);
    await harness.settle();
    harness.oauth.accessToken = WARPS_TOKEN;

    const login = await logIn(harness.background.context);
    await harness.settle();

    expect(login.viewer.name).toBe('Warps');
    expect(await harness.deps.store.getResult('user:5001:ANIME')).toBeNull();
    expect(await harness.deps.store.getResult('user:5002:ANIME')).not.toBeNull();
  });
});

describe('logOut', () => {
  beforeEach(async () => {
    await harness.deps.saveSession(boilerplateSession());
    await saveSettings({ ...defaultSettings(), scanIntervalMinutes: 1440, mediaType: 'ANIME' });
    await ignoreMedia(158927, 'SPY×FAMILY Season 2', T0);
    await harness.background.context.runner.start({ userId: 5001, userName: 'Boilerplate' }, 'ANIME', 'manual');
    await harness.settle();
    await addNotifications([{ id: notificationId('new-sequels', [163151]), kind: 'new-sequels', mediaIds: [163151], titles: ['HIGH CARD season 2'], count: 1, sourceTitle: null }], T0);
  });

  it('wipes token and user data', async () => {
    await harness.background.context.logOut('user');
    await harness.settle();

    expect(await harness.session()).toBeNull();
    expect(await harness.deps.store.getResult('user:5001:ANIME')).toBeNull();
    expect(await listNotifications()).toEqual([]);
    expect((await fakeBrowser.storage.local.get(HISTORY_KEY))[HISTORY_KEY]).toBeUndefined();
    expect(harness.broadcasts.at(-1)?.login).toBeNull();
    expect(harness.broadcasts.at(-1)?.reloginRequested).toBeNull();
  });

  it('wipes results scanned by name', async () => {
    const byName = { userId: null, userName: 'Boilerplate' };
    const other = { userId: null, userName: 'Warps' };
    await harness.background.context.runner.start(byName, 'ANIME', 'manual');
    await harness.settle();
    await harness.background.context.runner.start(other, 'ANIME', 'manual');
    await harness.settle();
    expect(await harness.deps.store.getResult('name:boilerplate:ANIME')).not.toBeNull();

    await harness.background.context.logOut('user');
    await harness.settle();

    expect(await harness.deps.store.getResult('name:boilerplate:ANIME')).toBeNull();
    expect(await harness.deps.store.getResult('name:warps:ANIME')).not.toBeNull();
  });

  it('logged-out state after logout', async () => {
    await saveSettings({ ...(await loadSettings()).settings, scanUserName: 'Boilerplate' });
    await harness.background.context.runner.start({ userId: null, userName: 'Boilerplate' }, 'ANIME', 'manual');
    await harness.settle();

    await harness.background.context.logOut('user');
    await harness.settle();

    expect(harness.broadcasts.at(-1)?.lastScan).toBeNull();
  });

  it('keeps settings and ignored', async () => {
    await harness.background.context.logOut('user');

    expect((await loadSettings()).settings.scanIntervalMinutes).toBe(1440);
    expect(await ignoredIds()).toEqual(new Set([158927]));
  });

  it('stops a scan of that user', async () => {
    fake.failAlways({ kind: 'slow', ms: 200 });
    await harness.background.context.runner.start({ userId: 5001, userName: 'Boilerplate' }, 'MANGA', 'manual');

    await harness.background.context.logOut('user');
    await harness.settle();

    expect(await harness.deps.store.getJob()).toBeNull();
    expect(await fakeBrowser.alarms.get(ALARM_NAMES.watchdog)).toBeUndefined();
  });

  it('invalid token asks once to log in', async () => {
    await harness.background.context.logOut('invalid-token');
    await harness.settle();

    expect(shownNotifications()).toEqual([RELOGIN_NOTIFICATION_ID]);
    const options = fakeBrowser.notifications.getAllCreateOptions()[RELOGIN_NOTIFICATION_ID] as { title: string; message: string };
    expect(options.title).toBe('Log in to AniList again');
    expect(options.message).toContain('Boilerplate');
    expect(harness.broadcasts.at(-1)?.reloginRequested).toEqual({ userName: 'Boilerplate', at: T0 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');

    await fakeBrowser.notifications.clear(RELOGIN_NOTIFICATION_ID);
    await harness.deps.saveSession(boilerplateSession());
    await harness.background.context.logOut('invalid-token');
    expect(shownNotifications()).toEqual([]);
  });

  it('login again clears the request', async () => {
    await harness.background.context.logOut('invalid-token');

    await logIn(harness.background.context);
    await harness.settle();

    expect(harness.broadcasts.at(-1)?.reloginRequested).toBeNull();
    expect(shownNotifications()).not.toContain(RELOGIN_NOTIFICATION_ID);
  });
});

describe('invalid token during a scan', () => {
  it('logs out cleanly', async () => {
    await harness.deps.saveSession(boilerplateSession());
    await ignoreMedia(158927, null, T0);
    fake.failNext({ kind: 'invalid-token' });

    await harness.background.context.runner.start({ userId: 5001, userName: 'Boilerplate' }, 'ANIME', 'manual');
    await harness.settle();

    expect(await harness.session()).toBeNull();
    expect(await harness.deps.store.getJob()).toBeNull();
    expect(shownNotifications()).toEqual([RELOGIN_NOTIFICATION_ID]);
    expect(await ignoredIds()).toEqual(new Set([158927]));
    expect(harness.broadcasts.at(-1)?.scan).toEqual({ phase: 'idle' });
  });
});

describe('warnOfExpiry', () => {
  const cases = [
    { name: 'a year left', daysLeft: 300, expected: false },
    { name: '15 days left', daysLeft: 15, expected: false },
    { name: '14 days left', daysLeft: 14, expected: true },
    { name: '1 day left', daysLeft: 1, expected: true },
  ];

  for (const { name, daysLeft, expected } of cases) {
    it(`warning with ${name}`, async () => {
      await harness.deps.saveSession(boilerplateSession(daysLeft));

      expect(await warnOfExpiry(harness.background.context)).toBe(expected);
      expect(shownNotifications()).toEqual(expected ? [EXPIRY_NOTIFICATION_ID] : []);
    });
  }

  it('warns once per token', async () => {
    await harness.deps.saveSession(boilerplateSession(10));
    await warnOfExpiry(harness.background.context);
    harness.clock.now = T0 + 2 * DAY_MS;

    expect(await warnOfExpiry(harness.background.context)).toBe(false);

    await harness.deps.saveSession(boilerplateSession(10, T0 + 2 * DAY_MS));
    expect(await warnOfExpiry(harness.background.context)).toBe(true);
  });

  it('names the date in Portuguese', async () => {
    const portuguese = createHarness(fake, { uiLanguage: 'pt-BR', sameStorageAs: harness });
    await portuguese.deps.saveSession(boilerplateSession(10));

    await warnOfExpiry(portuguese.background.context);

    const options = fakeBrowser.notifications.getAllCreateOptions()[EXPIRY_NOTIFICATION_ID] as { title: string; message: string };
    expect(options.title).toBe('Seu login no AniList expira em breve');
    expect(options.message).toBe('O login de Boilerplate expira em 29 de jan. de 2025. Faça login de novo antes disso para as verificações continuarem.');
  });
});

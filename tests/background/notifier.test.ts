import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clearOwnNotifications, EXPIRY_NOTIFICATION_ID, notificationIdOf, notificationText, type NotificationsApi,
  parseNotificationId, RELOGIN_NOTIFICATION_ID, showNotifications,
} from '../../lib/background/notifier';
import { notificationId, type NotificationKind } from '../../lib/notifications/diff';
import type { NotificationRecord } from '../../lib/notifications/history';

const NOW = Date.UTC(2025, 0, 19, 12);
const notifications = fakeBrowser.notifications as unknown as NotificationsApi;

function record(kind: NotificationKind, mediaIds: number[], titles: string[], sourceTitle: string | null = null): NotificationRecord {
  return { id: notificationId(kind, mediaIds), kind, mediaIds, titles, count: mediaIds.length, sourceTitle, createdAt: NOW, read: false };
}

const TWO_NEW = record('new-sequels', [158927, 163151], ['SPY×FAMILY Season 2', 'HIGH CARD season 2']);
const FIVE_NEW = record('new-sequels', [158927, 163151, 105143, 161474, 32], ['SPY×FAMILY Season 2', 'HIGH CARD season 2', 'ONE PIECE STAMPEDE']);
const AIRING = record('started-airing', [166873], ['Mushoku Tensei II Part 2']);
const ANNOUNCED = record('newly-announced', [168872], ['Kimi ni Todoke 3RD SEASON'], 'Kimi ni Todoke 2ND SEASON');

describe('notification ids', () => {
  it('round trip opens the media', () => {
    const id = notificationIdOf(TWO_NEW, 'ANIME');

    expect(id).toBe('sequel-finder|ANIME|158927|new-sequels:158927,163151');
    expect(parseNotificationId(id)).toEqual({ kind: 'media', url: 'https://anilist.co/anime/158927', recordId: 'new-sequels:158927,163151' });
  });

  it('manga opens the manga page', () => {
    expect(parseNotificationId(notificationIdOf(record('started-airing', [30104], ['x']), 'MANGA'))).toMatchObject({
      url: 'https://anilist.co/manga/30104',
    });
  });

  it.each([
    { name: 'relogin', id: RELOGIN_NOTIFICATION_ID, expected: { kind: 'relogin' } },
    { name: 'expiry', id: EXPIRY_NOTIFICATION_ID, expected: { kind: 'expiry' } },
    { name: 'another extension', id: 'other|ANIME|1|x', expected: null },
    { name: 'unknown type', id: 'sequel-finder|NOVEL|1|x', expected: null },
    { name: 'bad media id', id: 'sequel-finder|ANIME|abc|x', expected: null },
    { name: 'no record id', id: 'sequel-finder|ANIME|5', expected: null },
  ])('parse $name', ({ id, expected }) => {
    expect(parseNotificationId(id)).toEqual(expected);
  });
});

describe('notificationText', () => {
  const cases = [
    { name: 'two new sequels', record: TWO_NEW, type: 'ANIME' as const, locale: 'en' as const, autoAdded: false, expected: { title: '2 new missing sequels', message: 'SPY×FAMILY Season 2 and HIGH CARD season 2' } },
    { name: 'five new sequels', record: FIVE_NEW, type: 'ANIME' as const, locale: 'en' as const, autoAdded: false, expected: { title: '5 new missing sequels', message: 'SPY×FAMILY Season 2, HIGH CARD season 2, ONE PIECE STAMPEDE and 2 more' } },
    { name: 'new sequels added', record: TWO_NEW, type: 'ANIME' as const, locale: 'en' as const, autoAdded: true, expected: { title: '2 new sequels added to Planning', message: 'SPY×FAMILY Season 2 and HIGH CARD season 2' } },
    { name: 'anime airing', record: AIRING, type: 'ANIME' as const, locale: 'en' as const, autoAdded: false, expected: { title: 'Now airing', message: 'Mushoku Tensei II Part 2 has started, and it is not on your list yet.' } },
    { name: 'manga publishing', record: AIRING, type: 'MANGA' as const, locale: 'en' as const, autoAdded: false, expected: { title: 'Now publishing', message: 'Mushoku Tensei II Part 2 has started, and it is not on your list yet.' } },
    { name: 'sequel announced', record: ANNOUNCED, type: 'ANIME' as const, locale: 'en' as const, autoAdded: false, expected: { title: 'Sequel announced', message: 'Kimi ni Todoke 3RD SEASON was announced as the sequel to Kimi ni Todoke 2ND SEASON, which you completed.' } },
    { name: 'two new in Portuguese', record: TWO_NEW, type: 'ANIME' as const, locale: 'pt-BR' as const, autoAdded: false, expected: { title: '2 novas continuações faltando', message: 'SPY×FAMILY Season 2 e HIGH CARD season 2' } },
    { name: 'five new in Portuguese', record: FIVE_NEW, type: 'ANIME' as const, locale: 'pt-BR' as const, autoAdded: false, expected: { title: '5 novas continuações faltando', message: 'SPY×FAMILY Season 2, HIGH CARD season 2, ONE PIECE STAMPEDE e mais 2' } },
    { name: 'one new in Portuguese', record: record('new-sequels', [32], ['Evangelion: Air']), type: 'ANIME' as const, locale: 'pt-BR' as const, autoAdded: false, expected: { title: 'Uma nova continuação faltando', message: 'Evangelion: Air' } },
  ];

  for (const testCase of cases) {
    it(`text of ${testCase.name}`, () => {
      expect(notificationText(testCase.record, testCase.type, testCase.locale, testCase.autoAdded)).toEqual(testCase.expected);
    });
  }
});

describe('showNotifications', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('shows each record with the bundled icon', async () => {
    const shown = await showNotifications([TWO_NEW, AIRING], { notifications, iconUrl: 'chrome-extension://id/icon/128.png', mediaType: 'ANIME', locale: 'en' });

    expect(shown).toEqual([notificationIdOf(TWO_NEW, 'ANIME'), notificationIdOf(AIRING, 'ANIME')]);
    const options = fakeBrowser.notifications.getAllCreateOptions() as Record<string, { iconUrl: string; type: string }>;
    expect(Object.keys(options)).toEqual(shown);
    expect(options[shown[0] ?? '']).toMatchObject({ type: 'basic', iconUrl: 'chrome-extension://id/icon/128.png' });
  });

  it('partly added group says new', async () => {
    await showNotifications([TWO_NEW], {
      notifications, iconUrl: 'icon.png', mediaType: 'ANIME', locale: 'en', autoAddedIds: new Set([158927]),
    });

    const options = Object.values(fakeBrowser.notifications.getAllCreateOptions()) as { title: string }[];
    expect(options[0]?.title).toBe('2 new missing sequels');
  });

  it('one failure does not stop the rest', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing: NotificationsApi = {
      ...notifications,
      create: async (id, options) => {
        if (id.includes('new-sequels')) throw new Error('Unable to download all specified images.');
        return notifications.create(id, options);
      },
    };

    const shown = await showNotifications([TWO_NEW, AIRING], { notifications: failing, iconUrl: 'icon.png', mediaType: 'ANIME', locale: 'en' });

    expect(shown).toEqual([notificationIdOf(AIRING, 'ANIME')]);
    vi.restoreAllMocks();
  });

  it('clear leaves other notifications', async () => {
    await notifications.create('someone-else', { type: 'basic', iconUrl: 'x', title: 't', message: 'm' });
    await showNotifications([TWO_NEW], { notifications, iconUrl: 'icon.png', mediaType: 'ANIME', locale: 'en' });

    await clearOwnNotifications(notifications);

    expect(Object.keys(await notifications.getAll())).toEqual(['someone-else']);
  });
});

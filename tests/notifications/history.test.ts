import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type NotificationEvent, notificationId } from '../../lib/notifications/diff';
import {
  addNotifications, capRecords, HISTORY_KEY, listNotifications, markRead, MAX_HISTORY, type NotificationRecord,
  unreadCount,
} from '../../lib/notifications/history';

const T0 = Date.UTC(2024, 6, 8);

function airing(mediaId: number, title: string): NotificationEvent {
  return {
    id: notificationId('started-airing', [mediaId]),
    kind: 'started-airing',
    mediaIds: [mediaId],
    titles: [title],
    count: 1,
    sourceTitle: null,
  };
}

const TV = airing(129874, 'Kimetsu no Yaiba: Mugen Ressha-hen (TV)');
const HERLOCK = airing(100148, 'Zero Seiki Movie 2: Herlock');
const NEW: NotificationEvent = {
  id: notificationId('new-sequels', [1645, 2168]),
  kind: 'new-sequels',
  mediaIds: [1645, 2168],
  titles: ['Harlock Saga: Nibelung no Yubiwa', 'CLANNAD: After Story'],
  count: 2,
  sourceTitle: null,
};

describe('notification history', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('adds events as unread', async () => {
    const added = await addNotifications([TV, NEW], T0);
    expect(added).toEqual([
      { ...TV, createdAt: T0, read: false },
      { ...NEW, createdAt: T0, read: false },
    ]);
    expect(await unreadCount()).toBe(2);
  });

  it('lists newest first', async () => {
    await addNotifications([TV], T0);
    await addNotifications([HERLOCK], T0 + 1000);
    expect((await listNotifications()).map((record) => record.id)).toEqual([HERLOCK.id, TV.id]);
  });

  it('never adds an event twice', async () => {
    await addNotifications([TV], T0);
    await markRead();
    expect(await addNotifications([TV, HERLOCK], T0 + 1000)).toEqual([{ ...HERLOCK, createdAt: T0 + 1000, read: false }]);
    expect(await listNotifications()).toHaveLength(2);
    expect(await unreadCount()).toBe(1);
  });

  it('drops repeats within one call', async () => {
    expect(await addNotifications([TV, TV], T0)).toHaveLength(1);
  });

  it('marks chosen records read', async () => {
    await addNotifications([TV, HERLOCK, NEW], T0);
    expect(await markRead([TV.id, 'started-airing:999'])).toBe(2);
    const read = (await listNotifications()).filter((record) => record.read).map((record) => record.id);
    expect(read).toEqual([TV.id]);
  });

  it('marks everything read', async () => {
    await addNotifications([TV, HERLOCK, NEW], T0);
    expect(await markRead()).toBe(0);
    expect(await unreadCount()).toBe(0);
  });

  it('marks nothing with an empty list', async () => {
    await addNotifications([TV], T0);
    expect(await markRead([])).toBe(1);
  });

  it('keeps parallel additions', async () => {
    await Promise.all([addNotifications([TV], T0), addNotifications([HERLOCK], T0), markRead([TV.id])]);
    expect((await listNotifications()).map((record) => record.id).sort()).toEqual([HERLOCK.id, TV.id].sort());
  });

  it('skips invalid stored records', async () => {
    await fakeBrowser.storage.local.set({
      [HISTORY_KEY]: { records: [{ ...TV, createdAt: T0, read: false }, { id: 'broken' }], seenIds: [TV.id, 7] },
    });
    expect((await listNotifications()).map((record) => record.id)).toEqual([TV.id]);
    expect(await addNotifications([TV], T0)).toEqual([]);
  });

  it('caps the history and remembers dropped ids', async () => {
    const events = Array.from({ length: MAX_HISTORY + 5 }, (_, index) => airing(10_000 + index, `Title ${index}`));
    await addNotifications(events.slice(0, 10), T0);
    await markRead();
    await addNotifications(events.slice(10), T0 + 1);

    const records = await listNotifications();
    expect(records).toHaveLength(MAX_HISTORY);
    // The five records dropped are the oldest read ones.
    expect(records.some((record) => record.id === events[4]?.id)).toBe(false);
    expect(records.some((record) => record.id === events[5]?.id)).toBe(true);
    expect(await addNotifications([events[0] as NotificationEvent], T0 + 2)).toEqual([]);
  });
});

describe('capRecords', () => {
  function record(id: string, read: boolean): NotificationRecord {
    return { ...TV, id, read, createdAt: T0 };
  }

  const cases = [
    { name: 'under the cap', records: ['a', 'B'], max: 3, kept: ['a', 'B'] },
    { name: 'oldest read first', records: ['a', 'B', 'c', 'D'], max: 2, kept: ['B', 'D'] },
    { name: 'then oldest unread', records: ['a', 'B', 'C', 'D'], max: 2, kept: ['C', 'D'] },
    { name: 'all unread', records: ['A', 'B', 'C'], max: 1, kept: ['C'] },
  ];
  // Lowercase ids are read records, uppercase ones unread; records are listed oldest first.
  for (const testCase of cases) {
    it(`drops ${testCase.name}`, () => {
      const records = testCase.records.map((id) => record(id, id === id.toLowerCase()));
      expect(capRecords(records, testCase.max).map((item) => item.id)).toEqual(testCase.kept);
    });
  }
});

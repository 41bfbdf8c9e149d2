import { describe, expect, it } from 'vitest';
import type { ListEntry, Media, MediaStatus } from '../../lib/anilist/types';
import {
  diffScans, filterUnseen, MAX_ID_LENGTH, type NotificationEvent, notificationId, type ScanDiffInput,
} from '../../lib/notifications/diff';
import { findMissingSequels } from '../../lib/sequels/find';
import type { MissingSequel } from '../../lib/sequels/types';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { edge, entryFor, finderInput, loadModbMedia } from '../support/recorded';

/**
 * Scans built from recorded AniList media. Kimetsu no Yaiba (101922) has two SEQUEL edges:
 * the Mugen Ressha-hen movie (112151) and its TV version (129874), both FINISHED when recorded.
 * Earlier scans are made by editing statuses or leaving edges out, as AniList showed them before.
 */
const kimetsu = loadModbMedia(101922);
const harlock = loadModbMedia(1000);
const nadia = loadModbMedia(1251);
const emeraldas = loadModbMedia(100081);
const clannad = loadModbMedia(2167);
const neverland = loadModbMedia(101759);

const ALL_ON = DEFAULT_SETTINGS.notifications;

function withStatus(media: Media, status: MediaStatus): Media {
  return { ...media, status };
}

/** Kimetsu's entry with its sequel edges, the TV version set to `tvStatus` or left out. */
function kimetsuEntry(tvStatus: MediaStatus | null, listStatus: ListEntry['status'] = 'COMPLETED'): ListEntry {
  const edges = kimetsu.edges
    .filter((item) => item.relationType === 'SEQUEL')
    .filter((item) => item.node.id !== 129874 || tvStatus !== null)
    .map((item) => (item.node.id === 129874 && tvStatus !== null ? edge('SEQUEL', withStatus(item.node, tvStatus)) : item));
  return entryFor(kimetsu.media, { status: listStatus, edges });
}

/** Kimetsu plus four more completed entries whose recorded SEQUEL edges add new missing media. */
function widerList(): ListEntry[] {
  return [kimetsuEntry('FINISHED'), ...[harlock, nadia, clannad, neverland].map((record) => entryFor(record.media, { edges: record.edges }))];
}

function scan(entries: ListEntry[]): MissingSequel[] {
  return findMissingSequels(finderInput(entries)).missing;
}

function diff(previous: MissingSequel[] | null, entries: ListEntry[], changes: Partial<ScanDiffInput> = {}): NotificationEvent[] {
  return diffScans({ previous, current: scan(entries), entries, settings: ALL_ON, ...changes });
}

describe('diffScans', () => {
  it('finds two real sequels to start from', () => {
    expect(scan([kimetsuEntry('FINISHED')]).map((item) => item.media.id).sort()).toEqual([112151, 129874]);
  });

  it('gives nothing on the first scan', () => {
    expect(diff(null, [kimetsuEntry('FINISHED')])).toEqual([]);
  });

  it('gives nothing when unchanged', () => {
    const entries = [kimetsuEntry('FINISHED')];
    expect(diff(scan(entries), entries)).toEqual([]);
  });

  it('reports an announced sequel that started airing', () => {
    const previous = scan([kimetsuEntry('NOT_YET_RELEASED')]);
    const events = diff(previous, [kimetsuEntry('RELEASING')]);
    expect(events).toEqual([
      {
        id: 'started-airing:129874',
        kind: 'started-airing',
        mediaIds: [129874],
        titles: ['Kimetsu no Yaiba: Mugen Ressha-hen (TV)'],
        count: 1,
        sourceTitle: null,
      },
    ]);
  });

  it('reports an announced sequel that finished', () => {
    const events = diff(scan([kimetsuEntry('NOT_YET_RELEASED')]), [kimetsuEntry('FINISHED')]);
    expect(events.map((event) => event.id)).toEqual(['started-airing:129874']);
  });

  it('ignores airing to finished', () => {
    expect(diff(scan([kimetsuEntry('RELEASING')]), [kimetsuEntry('FINISHED')])).toEqual([]);
  });

  it('reports an announcement after a completed entry', () => {
    const events = diff(scan([kimetsuEntry(null)]), [kimetsuEntry('NOT_YET_RELEASED')]);
    expect(events).toEqual([
      {
        id: 'newly-announced:129874',
        kind: 'newly-announced',
        mediaIds: [129874],
        titles: ['Kimetsu no Yaiba: Mugen Ressha-hen (TV)'],
        count: 1,
        sourceTitle: 'Demon Slayer: Kimetsu no Yaiba',
      },
    ]);
  });

  it('uses the title language', () => {
    const events = diff(scan([kimetsuEntry(null)]), [kimetsuEntry('NOT_YET_RELEASED')], { titleLanguage: 'ROMAJI' });
    expect(events[0]?.sourceTitle).toBe('Kimetsu no Yaiba');
  });

  it('counts an announcement after a watching entry as new', () => {
    const events = diff(scan([kimetsuEntry(null, 'CURRENT')]), [kimetsuEntry('NOT_YET_RELEASED', 'CURRENT')]);
    expect(events.map((event) => event.id)).toEqual(['new-sequels:129874']);
  });

  it('groups new sequels in one event', () => {
    const before = [kimetsuEntry('FINISHED')];
    const after = widerList();
    const added = scan(after).filter((item) => !scan(before).some((old) => old.media.id === item.media.id));
    expect(added.length).toBeGreaterThan(3);

    const events = diff(scan(before), after);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.kind).toBe('new-sequels');
    expect(event?.count).toBe(added.length);
    expect(event?.mediaIds).toEqual(added.map((item) => item.media.id));
    expect(event?.titles).toHaveLength(3);
    expect(event?.id).toBe(notificationId('new-sequels', added.map((item) => item.media.id)));
  });

  it('names up to maxTitles titles', () => {
    expect(diff(scan([kimetsuEntry('FINISHED')]), widerList(), { maxTitles: 1 })[0]?.titles).toHaveLength(1);
  });

  it('reports an announced planning sequel as new', () => {
    const planning = entryFor(emeraldas.media, { status: 'PLANNING', edges: emeraldas.edges });
    const events = diff(scan([kimetsuEntry('FINISHED')]), [kimetsuEntry('FINISHED'), planning]);
    expect(events.map((event) => event.id)).toEqual(['new-sequels:100148']);
  });
});

describe('diffScans settings', () => {
  const announcedBefore = scan([kimetsuEntry(null)]);
  const announcedAfter = [kimetsuEntry('NOT_YET_RELEASED')];

  it('drops started-airing when off', () => {
    const settings = { ...ALL_ON, startedAiring: false };
    expect(diff(scan([kimetsuEntry('NOT_YET_RELEASED')]), [kimetsuEntry('RELEASING')], { settings })).toEqual([]);
  });

  it('folds announcements into new sequels when off', () => {
    const settings = { ...ALL_ON, newlyAnnounced: false };
    const events = diff(announcedBefore, announcedAfter, { settings });
    expect(events.map((event) => event.id)).toEqual(['new-sequels:129874']);
  });

  it('drops new sequels when off', () => {
    const settings = { ...ALL_ON, newlyAnnounced: false, newSequels: false };
    expect(diff(announcedBefore, announcedAfter, { settings })).toEqual([]);
  });

  it('keeps announcements with new sequels off', () => {
    const settings = { ...ALL_ON, newSequels: false };
    expect(diff(announcedBefore, announcedAfter, { settings }).map((event) => event.kind)).toEqual(['newly-announced']);
  });
});

describe('notificationId', () => {
  it('sorts the media ids', () => {
    expect(notificationId('new-sequels', [129874, 112151])).toBe('new-sequels:112151,129874');
  });

  it('hashes long id lists', () => {
    const ids = Array.from({ length: 100 }, (_, index) => 100_000 + index);
    const id = notificationId('new-sequels', ids);
    expect(id.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    expect(id).toMatch(/^new-sequels:100#[0-9a-f]{16}$/);
    expect(notificationId('new-sequels', [...ids].reverse())).toBe(id);
    expect(notificationId('new-sequels', [...ids.slice(1), 200_000])).not.toBe(id);
  });
});

describe('filterUnseen', () => {
  const events = diff(scan([kimetsuEntry('NOT_YET_RELEASED')]), [kimetsuEntry('RELEASING')]);

  it('keeps unseen events', () => {
    expect(filterUnseen(events, ['new-sequels:1'])).toEqual(events);
  });

  it('drops seen events', () => {
    expect(filterUnseen(events, new Set(['started-airing:129874']))).toEqual([]);
  });

  it('drops an event met again later', () => {
    const again = diff(scan([kimetsuEntry('NOT_YET_RELEASED')]), [kimetsuEntry('FINISHED')]);
    expect(filterUnseen(again, events.map((event) => event.id))).toEqual([]);
  });
});

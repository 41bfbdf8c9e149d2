import { describe, expect, it } from 'vitest';
import type { WatchingEntry } from '../../lib/messages/state';
import { MAX_MEDIA_IDS_PER_REQUEST } from '../../lib/messages/protocol';
import type { NotificationRecord } from '../../lib/notifications/history';
import { orderNotifications } from '../../lib/ui/notifications-model';
import { ADD_BATCH_SIZE } from '../../lib/ui/sequels-model';
import { applyChange, applyStored, maxProgress } from '../../lib/ui/watching-model';
import { loadModbMedia } from '../support/recorded';

function record(id: string, read: boolean, createdAt: number): NotificationRecord {
  return { id, kind: 'new-sequels', mediaIds: [1], titles: ['Cowboy Bebop'], count: 1, sourceTitle: null, createdAt, read };
}

describe('orderNotifications', () => {
  it('unread first, newest first', () => {
    const ordered = orderNotifications([record('a', true, 5), record('b', false, 1), record('c', false, 3), record('d', true, 9)]);
    expect(ordered.map((item) => item.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});

describe('watching changes', () => {
  const media = loadModbMedia(1).media;
  const entry: WatchingEntry = { entryId: 10, mediaId: media.id, status: 'CURRENT', progress: 3, score: 0, updatedAt: null, media };

  it('applyChange keeps untouched fields', () => {
    expect(applyChange(entry, { mediaId: media.id, progress: 4 })).toMatchObject({ progress: 4, status: 'CURRENT', score: 0 });
    expect(applyChange(entry, { mediaId: media.id, status: 'PAUSED', score: 7.5 })).toMatchObject({ progress: 3, status: 'PAUSED', score: 7.5 });
  });

  it('applyStored takes AniList values', () => {
    const stored = applyStored(entry, { entryId: 10, mediaId: media.id, status: 'COMPLETED', progress: 26, score: 8, updatedAt: 1_720_000_000 });
    expect(stored).toMatchObject({ status: 'COMPLETED', progress: 26, score: 8, updatedAt: 1_720_000_000 });
  });

  it('maxProgress uses episodes or chapters', () => {
    expect(maxProgress(entry)).toBe(media.episodes);
    expect(maxProgress({ media: { ...media, episodes: null } })).toBe(Number.POSITIVE_INFINITY);
    expect(maxProgress({ media: { ...media, type: 'MANGA', chapters: 120 } })).toBe(120);
  });
});

describe('popup constants', () => {
  it('add batch size matches the protocol', () => {
    expect(ADD_BATCH_SIZE).toBe(MAX_MEDIA_IDS_PER_REQUEST);
  });
});

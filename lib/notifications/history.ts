import { z } from 'zod';
import { browser } from 'wxt/browser';
import { SerialQueue } from '../settings/storage-areas';
import { filterUnseen, type NotificationEvent } from './diff';

/**
 * The notification history with read state, under one key in `browser.storage.local`. It contains
 * titles and media ids and nothing secret, so the area content scripts can read is acceptable;
 * it needs no IndexedDB upgrade step, and `storage.onChanged` lets the popup update its badge
 * live. Capped at MAX_HISTORY records, and long event ids are hashed, so it stays far under
 * storage.local's quota (10 MB in Chrome).
 */

export interface NotificationRecord extends NotificationEvent {
  /** When the event was added, in ms since the epoch. */
  createdAt: number;
  read: boolean;
}

export const HISTORY_KEY = 'notifications';
export const MAX_HISTORY = 200;
/**
 * Ids of every event added, kept longer than the records, so an event whose record was dropped
 * by the cap is still not shown again.
 */
export const MAX_SEEN_IDS = 2000;

const recordSchema: z.ZodType<NotificationRecord> = z.object({
  id: z.string().min(1),
  kind: z.enum(['new-sequels', 'started-airing', 'newly-announced']),
  mediaIds: z.array(z.number().int().positive()),
  titles: z.array(z.string()),
  count: z.number().int().nonnegative(),
  sourceTitle: z.string().nullable(),
  createdAt: z.number(),
  read: z.boolean(),
});

interface StoredHistory {
  /** Oldest first. */
  records: NotificationRecord[];
  /** Oldest first. */
  seenIds: string[];
}

const queue = new SerialQueue();

async function readHistory(): Promise<StoredHistory> {
  const raw = (await browser.storage.local.get(HISTORY_KEY))[HISTORY_KEY] as { records?: unknown; seenIds?: unknown } | undefined;
  const records: NotificationRecord[] = [];
  for (const item of Array.isArray(raw?.records) ? raw.records : []) {
    const parsed = recordSchema.safeParse(item);
    if (parsed.success) records.push(parsed.data);
  }
  const seenIds = Array.isArray(raw?.seenIds) ? raw.seenIds.filter((id): id is string => typeof id === 'string') : [];
  return { records, seenIds };
}

async function writeHistory(history: StoredHistory): Promise<void> {
  await browser.storage.local.set({ [HISTORY_KEY]: history });
}

/** Drops records over the cap: the oldest read ones first, then the oldest unread ones. */
export function capRecords(records: readonly NotificationRecord[], max = MAX_HISTORY): NotificationRecord[] {
  let excess = records.length - max;
  if (excess <= 0) return [...records];
  const dropped = new Set<NotificationRecord>();
  for (const pass of [true, false]) {
    for (const record of records) {
      if (excess === 0) break;
      if (record.read !== pass) continue;
      dropped.add(record);
      excess -= 1;
    }
  }
  return records.filter((record) => !dropped.has(record));
}

/**
 * Adds the events never added before as unread records and returns them, so the caller shows
 * only those.
 */
export function addNotifications(events: readonly NotificationEvent[], now = Date.now()): Promise<NotificationRecord[]> {
  return queue.run(async () => {
    const history = await readHistory();
    const fresh = filterUnseen(events, [...history.seenIds, ...history.records.map((record) => record.id)]);
    const unique = fresh.filter((event, index) => fresh.findIndex((other) => other.id === event.id) === index);
    if (unique.length === 0) return [];

    const added = unique.map((event) => ({ ...event, createdAt: now, read: false }));
    await writeHistory({
      records: capRecords([...history.records, ...added]),
      seenIds: [...history.seenIds, ...added.map((record) => record.id)].slice(-MAX_SEEN_IDS),
    });
    return added;
  });
}

/** Returns the records, newest first. */
export async function listNotifications(): Promise<NotificationRecord[]> {
  const { records } = await queue.run(readHistory);
  return [...records].reverse();
}

/** Marks the given records read, or every record when `ids` is omitted, and returns the unread count. */
export function markRead(ids?: readonly string[]): Promise<number> {
  return queue.run(async () => {
    const history = await readHistory();
    const targets = ids === undefined ? null : new Set(ids);
    const records = history.records.map((record) =>
      targets === null || targets.has(record.id) ? { ...record, read: true } : record,
    );
    await writeHistory({ ...history, records });
    return records.filter((record) => !record.read).length;
  });
}

export async function unreadCount(): Promise<number> {
  const { records } = await queue.run(readHistory);
  return records.filter((record) => !record.read).length;
}

import { batch, signal, type Signal } from '@preact/signals';
import type { MediaListStatus } from '../anilist/types';
import type { UpdatedEntry, WatchingEntry, WatchingList } from '../messages/state';
import { errorDetail, type SendRequest } from './requests';

/** A change to one list entry, written back to AniList by the background. */
export interface EntryChange {
  mediaId: number;
  progress?: number;
  status?: MediaListStatus;
  /** In the user's score format; 0 removes the score. */
  score?: number;
}

/** The Watching tab: the CURRENT entries and edits to them. */
export interface WatchingModel {
  /** null until loaded. */
  list: Signal<WatchingList | null>;
  /** Media ids with an edit in progress. */
  saving: Signal<ReadonlySet<number>>;
  /** The last failure: a load (mediaId null) or an edit. */
  failure: Signal<{ mediaId: number | null; detail: string } | null>;
  load(): Promise<void>;
  /** Adds one episode (or chapter), up to the media's count when AniList knows it. */
  increment(mediaId: number): Promise<void>;
  update(change: EntryChange): Promise<void>;
}

/** Applies a change to an entry, as AniList is expected to store it. */
export function applyChange(entry: WatchingEntry, change: EntryChange): WatchingEntry {
  return {
    ...entry,
    progress: change.progress ?? entry.progress,
    status: change.status ?? entry.status,
    score: change.score ?? entry.score,
  };
}

/** Takes the values AniList stored, which may differ from the request (AniList rounds scores to the format). */
export function applyStored(entry: WatchingEntry, stored: UpdatedEntry): WatchingEntry {
  return { ...entry, status: stored.status, progress: stored.progress, score: stored.score, updatedAt: stored.updatedAt };
}

/** The most episodes or chapters an entry can have: AniList's count, or no limit when it is unknown. */
export function maxProgress(entry: Pick<WatchingEntry, 'media'>): number {
  const count = entry.media.type === 'MANGA' ? entry.media.chapters : entry.media.episodes;
  return count ?? Number.POSITIVE_INFINITY;
}

export function createWatchingModel(send: SendRequest): WatchingModel {
  const list = signal<WatchingList | null>(null);
  const saving = signal<ReadonlySet<number>>(new Set());
  const failure = signal<{ mediaId: number | null; detail: string } | null>(null);

  const load = async () => {
    try {
      list.value = await send({ type: 'getWatching' });
      failure.value = null;
    } catch (error) {
      failure.value = { mediaId: null, detail: errorDetail(error) };
    }
  };

  const replace = (mediaId: number, change: (entry: WatchingEntry) => WatchingEntry) => {
    const current = list.value;
    if (current === null) return;
    list.value = { ...current, entries: current.entries.map((entry) => (entry.mediaId === mediaId ? change(entry) : entry)) };
  };

  // Shown at once and put back when the background reports a failure, so no edit is lost silently.
  const update = async (change: EntryChange) => {
    const before = list.value?.entries.find((entry) => entry.mediaId === change.mediaId);
    if (before === undefined || saving.value.has(change.mediaId)) return;
    batch(() => {
      saving.value = new Set(saving.value).add(change.mediaId);
      failure.value = null;
      replace(change.mediaId, (entry) => applyChange(entry, change));
    });
    try {
      const stored = await send({ type: 'updateEntry', ...change });
      replace(change.mediaId, (entry) => applyStored(entry, stored));
    } catch (error) {
      batch(() => {
        replace(change.mediaId, () => before);
        failure.value = { mediaId: change.mediaId, detail: errorDetail(error) };
      });
    } finally {
      const next = new Set(saving.value);
      next.delete(change.mediaId);
      saving.value = next;
    }
  };

  const increment = async (mediaId: number) => {
    const entry = list.value?.entries.find((item) => item.mediaId === mediaId);
    if (entry === undefined || entry.progress >= maxProgress(entry)) return;
    await update({ mediaId, progress: entry.progress + 1 });
  };

  return { list, saving, failure, load, increment, update };
}

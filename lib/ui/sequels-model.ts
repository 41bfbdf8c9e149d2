import { batch, computed, effect, type ReadonlySignal, signal, type Signal } from '@preact/signals';
import { displayTitle } from '../anilist/title';
import type { AddToPlanningResult } from '../messages/state';
import type { MissingSequel } from '../sequels/types';
import type { BackgroundStore } from './background-store';
import { applyFilter, EMPTY_FILTER, filterChoicesOf, type FilterChoices, type SequelFilter } from './filters';
import { type FranchiseGroup, groupByFranchise, rowsOf, type SequelRow, type SortKey } from './groups';
import { errorDetail, type SendRequest } from './requests';
import { translatorsFor } from './translators';

/** A failed action, with the detail the background sent. */
export interface ActionFailure {
  kind: 'add' | 'ignore' | 'unignore';
  /** Titles or ids the action was about. */
  titles: string[];
  detail: string;
}

/** The sequel that was just ignored, which the undo bar offers to restore. */
export interface UndoOffer {
  sequel: MissingSequel;
  title: string;
}

/** The Sequels tab: filters, sort, selection and the actions on cards. */
export interface SequelsModel {
  filter: Signal<SequelFilter>;
  sort: Signal<SortKey>;
  /** Media ids checked for "add selected". */
  selected: Signal<ReadonlySet<number>>;
  /** Media ids whose details are open. */
  expanded: Signal<ReadonlySet<number>>;
  /** Media ids added to Planning since the popup opened. */
  added: Signal<ReadonlySet<number>>;
  /** Media ids with an action in progress. */
  busy: Signal<ReadonlySet<number>>;
  undo: Signal<UndoOffer | null>;
  failure: Signal<ActionFailure | null>;

  /** Every result of the last scan less what was ignored here. */
  all: ReadonlySignal<MissingSequel[]>;
  visible: ReadonlySignal<MissingSequel[]>;
  groups: ReadonlySignal<FranchiseGroup[]>;
  rows: ReadonlySignal<SequelRow[]>;
  choices: ReadonlySignal<FilterChoices>;

  titleOf(sequel: Pick<MissingSequel, 'media'>): string;
  toggleSelected(mediaId: number): void;
  selectVisible(): void;
  clearSelection(): void;
  toggleExpanded(mediaId: number): void;
  addToPlanning(mediaIds: readonly number[]): Promise<void>;
  addSelected(): Promise<void>;
  ignore(sequel: MissingSequel): Promise<void>;
  undoIgnore(): Promise<void>;
}

function withItem(set: ReadonlySet<number>, id: number): Set<number> {
  return new Set(set).add(id);
}

function withoutItems(set: ReadonlySet<number>, ids: Iterable<number>): Set<number> {
  const next = new Set(set);
  for (const id of ids) next.delete(id);
  return next;
}

/**
 * Ids per addToPlanning request: protocol.ts's ADD_BATCH_SIZE, repeated here because
 * importing protocol.ts would bundle zod into the popup's first paint (a test keeps them equal).
 */
export const ADD_BATCH_SIZE = 500;

/** How long the undo bar stays after an ignore, in ms, unless another action or a scan comes first. */
export const UNDO_VISIBLE_MS = 10_000;

export function createSequelsModel(store: BackgroundStore, send: SendRequest): SequelsModel {
  const filter = signal<SequelFilter>(EMPTY_FILTER);
  const sort = signal<SortKey>('release');
  const selected = signal<ReadonlySet<number>>(new Set());
  const expanded = signal<ReadonlySet<number>>(new Set());
  const added = signal<ReadonlySet<number>>(new Set());
  const busy = signal<ReadonlySet<number>>(new Set());
  const undo = signal<UndoOffer | null>(null);
  const failure = signal<ActionFailure | null>(null);
  // Ignored here, hidden at once instead of waiting for the next scan.
  const hidden = signal<ReadonlySet<number>>(new Set());
  // Restored by undo after the background had already dropped them from the last scan.
  const restored = signal<MissingSequel[]>([]);

  const titleOf = (sequel: Pick<MissingSequel, 'media'>) => displayTitle(sequel.media, store.titleLanguage.value);

  let undoTimer: ReturnType<typeof setTimeout> | undefined;
  const offerUndo = (offer: UndoOffer | null) => {
    clearTimeout(undoTimer);
    undo.value = offer;
    if (offer === null) return;
    undoTimer = setTimeout(() => {
      if (undo.value === offer) undo.value = null;
    }, UNDO_VISIBLE_MS);
  };
  // A scan replaces the results the undo offer refers to, so the offer ends when one starts.
  effect(() => {
    if (store.state.value?.scan.phase === 'running' && undo.peek() !== null) offerUndo(null);
  });

  const all = computed(() => {
    const scanned = store.state.value?.lastScan?.missing ?? [];
    const scannedIds = new Set(scanned.map((sequel) => sequel.media.id));
    const extra = restored.value.filter((sequel) => !scannedIds.has(sequel.media.id));
    const merged = extra.length > 0 ? [...scanned, ...extra] : scanned;
    const hiddenIds = hidden.value;
    return hiddenIds.size === 0 ? merged : merged.filter((sequel) => !hiddenIds.has(sequel.media.id));
  });
  const visible = computed(() => applyFilter(all.value, filter.value));
  const groups = computed(() =>
    groupByFranchise(visible.value, sort.value, (media) => titleOf({ media }), translatorsFor(store.locale.value).collator),
  );
  const rows = computed(() => rowsOf(groups.value));
  const choices = computed(() => filterChoicesOf(all.value));

  const titlesOf = (mediaIds: readonly number[]) => {
    const byId = new Map(all.value.map((sequel) => [sequel.media.id, sequel]));
    return mediaIds.map((id) => {
      const sequel = byId.get(id);
      return sequel === undefined ? `#${id}` : titleOf(sequel);
    });
  };

  const addToPlanning = async (mediaIds: readonly number[]) => {
    const ids = mediaIds.filter((id) => !added.value.has(id) && !busy.value.has(id));
    if (ids.length === 0) return;
    busy.value = new Set([...busy.value, ...ids]);
    failure.value = null;
    offerUndo(null);
    // Read before sending, because the background may drop added or failed media from the
    // results while the request runs, and a title looked up afterwards would be a bare id.
    const titles = titlesOf(ids);
    const titleById = new Map(ids.map((id, index) => [id, titles[index] ?? `#${id}`]));
    const titlesFor = (mediaIds: readonly number[]) => mediaIds.map((id) => titleById.get(id) ?? `#${id}`);
    try {
      const result: AddToPlanningResult = { added: [], failed: [] };
      // A large selection goes in parts of ADD_BATCH_SIZE ids.
      for (let start = 0; start < ids.length; start += ADD_BATCH_SIZE) {
        const part = await send({ type: 'addToPlanning', mediaIds: ids.slice(start, start + ADD_BATCH_SIZE) });
        result.added.push(...part.added);
        result.failed.push(...part.failed);
      }
      batch(() => {
        added.value = new Set([...added.value, ...result.added]);
        selected.value = withoutItems(selected.value, result.added);
        if (result.failed.length > 0) {
          failure.value = {
            kind: 'add',
            titles: titlesFor(result.failed.map((item) => item.mediaId)),
            detail: [...new Set(result.failed.map((item) => item.message))].join(' '),
          };
        }
      });
    } catch (error) {
      failure.value = { kind: 'add', titles: titlesFor(ids), detail: errorDetail(error) };
    } finally {
      busy.value = withoutItems(busy.value, ids);
    }
  };

  const ignore = async (sequel: MissingSequel) => {
    const id = sequel.media.id;
    const title = titleOf(sequel);
    batch(() => {
      hidden.value = withItem(hidden.value, id);
      selected.value = withoutItems(selected.value, [id]);
      failure.value = null;
      offerUndo({ sequel, title });
    });
    try {
      await send({ type: 'ignore', mediaId: id, title });
    } catch (error) {
      batch(() => {
        hidden.value = withoutItems(hidden.value, [id]);
        if (undo.value?.sequel.media.id === id) offerUndo(null);
        failure.value = { kind: 'ignore', titles: [title], detail: errorDetail(error) };
      });
    }
  };

  const undoIgnore = async () => {
    const offer = undo.value;
    if (offer === null) return;
    const id = offer.sequel.media.id;
    offerUndo(null);
    try {
      await send({ type: 'unignore', mediaId: id, title: offer.title });
      batch(() => {
        hidden.value = withoutItems(hidden.value, [id]);
        restored.value = [...restored.value.filter((sequel) => sequel.media.id !== id), offer.sequel];
      });
    } catch (error) {
      failure.value = { kind: 'unignore', titles: [offer.title], detail: errorDetail(error) };
    }
  };

  return {
    filter,
    sort,
    selected,
    expanded,
    added,
    busy,
    undo,
    failure,
    all,
    visible,
    groups,
    rows,
    choices,
    titleOf,
    toggleSelected: (mediaId) => {
      selected.value = selected.value.has(mediaId) ? withoutItems(selected.value, [mediaId]) : withItem(selected.value, mediaId);
    },
    selectVisible: () => {
      selected.value = new Set(visible.value.map((sequel) => sequel.media.id).filter((id) => !added.value.has(id)));
    },
    clearSelection: () => {
      selected.value = new Set();
    },
    toggleExpanded: (mediaId) => {
      expanded.value = expanded.value.has(mediaId) ? withoutItems(expanded.value, [mediaId]) : withItem(expanded.value, mediaId);
    },
    addToPlanning,
    addSelected: () => addToPlanning([...selected.value]),
    ignore,
    undoIgnore,
  };
}

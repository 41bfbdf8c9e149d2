import type {
  Media, MediaFormat, MediaListStatus, MediaRelation, MediaType, MediaRelations, ListEntry,
} from '../anilist/types';

/** Every choice the finder makes, each one a user setting. */
export interface FinderSettings {
  type: MediaType;
  /** List statuses whose entries are the starting points of the walk. */
  sourceStatuses: MediaListStatus[];
  /** Relation types that are followed from one media to the next. */
  relations: MediaRelation[];
  /** Formats never reported. A media with a null format is always reportable on this count. */
  excludedFormats: MediaFormat[];
  includeAdult: boolean;
  /** When false, sequels that are only announced (NOT_YET_RELEASED) are not reported. */
  includeAnnounced: boolean;
}

export const DEFAULT_FINDER_SETTINGS: FinderSettings = {
  type: 'ANIME',
  sourceStatuses: ['COMPLETED', 'REPEATING', 'CURRENT', 'PLANNING'],
  relations: ['SEQUEL'],
  excludedFormats: ['MUSIC'],
  includeAdult: false,
  includeAnnounced: true,
};

export type Availability = 'available' | 'announced';

/** An on-list entry that a missing media can be reached from. */
export interface SourceRef {
  mediaId: number;
  listStatus: MediaListStatus;
  media: Media;
}

export interface MissingSequel {
  media: Media;
  /** The relation type of the edge that first reached this media on a shortest path. */
  relation: MediaRelation;
  /** Fewest relation hops from an on-list entry: 1 is a direct sequel. */
  depth: number;
  /** Every on-list source entry this media can be reached from, nearest first. */
  from: SourceRef[];
  /** Ids of the off-list media passed through on a shortest path, nearest to the source first. */
  via: number[];
  /** Groups one chain: the smallest on-list source media id of the connected chain. */
  franchise: string;
  availability: Availability;
}

export interface FinderTotals {
  missing: number;
  byAvailability: Record<Availability, number>;
  /** Counts keyed by format; media without a format are counted under "UNKNOWN". */
  byFormat: Record<string, number>;
  /** Episodes times minutes per episode over available anime, in minutes; media with unknown length add 0. */
  catchUpMinutes: number;
  /** Episodes over available anime, or chapters over available manga. */
  catchUpUnits: number;
}

export interface FinderInput {
  entries: ListEntry[];
  /** Relations known so far, by media id: the list's own edges and every fetched or cached node. */
  relations: Map<number, MediaRelations>;
  /** Media ids the user chose to ignore. */
  ignored: ReadonlySet<number>;
  settings: FinderSettings;
}

export interface FinderResult {
  missing: MissingSequel[];
  totals: FinderTotals;
  /**
   * Off-list media reached by the walk whose relations are not known yet. The caller fetches them
   * (in batches of up to 50) and runs the finder again until this is empty.
   */
  needRelations: number[];
}

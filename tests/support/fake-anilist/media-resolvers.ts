import { type FieldNode, type GraphQLResolveInfo, getArgumentValues, type GraphQLObjectType, Kind, type SelectionSetNode } from 'graphql';
import { notFoundError } from './errors';
import type { ListEntryView } from './list-collection';
import { findPageListEntries, type PageListArgs } from './list-resolvers';
import type { ResolverContext, TypeResolvers } from './resolver-types';
import type { RawMedia, RelationRecord } from './types';

type MediaArgs = Record<string, unknown>;

interface EdgeView {
  relation: RelationRecord;
  node: RawMedia;
}

/** The source object of Page: its paging arguments and the page of each paged field selected. */
interface PageView {
  page: number;
  perPage: number;
  media: RawMedia[] | null;
  mediaList: ListEntryView[] | null;
  /** The match count of the first paged field selected, which `pageInfo` describes. */
  total: number;
}

const MAX_PER_PAGE = 50;

/** Relation types that only exist from a given `relationType(version:)` on, and what older versions send instead. */
const NEWER_RELATION_TYPES: Record<string, { since: number; before: string }> = {
  // Version 1 filed the source material as an adaptation, so SOURCE becomes ADAPTATION.
  SOURCE: { since: 2, before: 'ADAPTATION' },
  // A compilation retells its parts, which version 1 filed as a summary.
  COMPILATION: { since: 2, before: 'SUMMARY' },
  CONTAINS: { since: 2, before: 'OTHER' },
  SAME_UNIVERSE: { since: 3, before: 'OTHER' },
};

/** Maps a stored version 2 relation type to what `relationType(version:)` returns; AniList's default version is 1. */
export function relationTypeForVersion(stored: string, version: number | null | undefined): string {
  const newer = NEWER_RELATION_TYPES[stored];
  if (newer && (version ?? 1) < newer.since) return newer.before;
  return stored;
}

function titleStrings(media: RawMedia): string[] {
  const title = media.title ?? {};
  return [title.romaji, title.english, title.native, title.userPreferred, ...(media.synonyms ?? [])].filter(
    (value): value is string => typeof value === 'string',
  );
}

const MEDIA_FILTERS: Record<string, (media: RawMedia, value: unknown) => boolean> = {
  id: (media, value) => media.id === value,
  id_in: (media, value) => (value as number[]).includes(media.id),
  id_not: (media, value) => media.id !== value,
  id_not_in: (media, value) => !(value as number[]).includes(media.id),
  idMal: (media, value) => media.idMal === value,
  idMal_in: (media, value) => (value as unknown[]).includes(media.idMal),
  type: (media, value) => media.type === value,
  format: (media, value) => media.format === value,
  format_in: (media, value) => (value as unknown[]).includes(media.format),
  format_not: (media, value) => media.format !== value,
  format_not_in: (media, value) => !(value as unknown[]).includes(media.format),
  status: (media, value) => media.status === value,
  status_in: (media, value) => (value as unknown[]).includes(media.status),
  status_not: (media, value) => media.status !== value,
  status_not_in: (media, value) => !(value as unknown[]).includes(media.status),
  isAdult: (media, value) => (media.isAdult ?? false) === value,
  season: (media, value) => media.season === value,
  seasonYear: (media, value) => media.seasonYear === value,
  genre: (media, value) => (media.genres ?? []).includes(value as string),
  search: (media, value) => titleStrings(media).some((title) => title.toLowerCase().includes(String(value).toLowerCase())),
};

const startDateKey = (media: RawMedia): number => {
  const date = media.startDate ?? {};
  return (date.year ?? 0) * 10_000 + (date.month ?? 0) * 100 + (date.day ?? 0);
};

const MEDIA_SORT_KEYS: Record<string, (media: RawMedia) => number | string> = {
  ID: (media) => media.id,
  POPULARITY: (media) => media.popularity ?? 0,
  SCORE: (media) => media.averageScore ?? 0,
  START_DATE: startDateKey,
  TITLE_ROMAJI: (media) => media.title?.romaji ?? '',
};

function compareBySort(sort: string) {
  const descending = sort.endsWith('_DESC');
  const key = MEDIA_SORT_KEYS[descending ? sort.slice(0, -'_DESC'.length) : sort] ?? MEDIA_SORT_KEYS.ID!;
  return (a: RawMedia, b: RawMedia): number => {
    const left = key(a);
    const right = key(b);
    let order = a.id - b.id;
    if (left < right) order = -1;
    else if (left > right) order = 1;
    return descending ? -order : order;
  };
}

/**
 * Returns the media that match the arguments, sorted by the first `sort` value (ID when absent).
 * Unknown ids in `id_in` are skipped, as AniList does. Arguments without a filter here are ignored.
 */
export function findMedia(all: Iterable<RawMedia>, args: MediaArgs): RawMedia[] {
  const active = Object.entries(args).filter(([name, value]) => value != null && MEDIA_FILTERS[name]);
  const matches = [...all].filter((media) => active.every(([name, value]) => MEDIA_FILTERS[name]!(media, value)));
  const sort = Array.isArray(args.sort) && typeof args.sort[0] === 'string' ? args.sort[0] : 'ID';
  return matches.sort(compareBySort(sort));
}

/** The Page fields that the fake pages over. */
const PAGED_FIELDS = new Set(['media', 'mediaList']);

/** Finds the first node of each paged field in a selection set, looking into fragments, in selection order. */
function findPagedFields(selectionSet: SelectionSetNode, info: GraphQLResolveInfo, found = new Map<string, FieldNode>()): Map<string, FieldNode> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (PAGED_FIELDS.has(name) && !found.has(name)) found.set(name, selection);
      continue;
    }
    const fragmentSelections =
      selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : info.fragments[selection.name.value]?.selectionSet;
    if (fragmentSelections) findPagedFields(fragmentSelections, info, found);
  }
  return found;
}

/**
 * Resolves Query.Page. Page.pageInfo may be selected before the paged fields, so each page is
 * computed here from the arguments of its field. With both `media` and `mediaList` selected,
 * `pageInfo` describes the first one.
 * A user error of `mediaList` (unknown, private, missing) is raised here, so `data.Page` is null.
 */
export function resolvePage(args: { page?: number | null; perPage?: number | null }, context: ResolverContext, info: GraphQLResolveInfo): PageView {
  const page = Math.max(args.page ?? 1, 1);
  const perPage = Math.min(Math.max(args.perPage ?? MAX_PER_PAGE, 1), MAX_PER_PAGE);
  const view: PageView = { page, perPage, media: null, mediaList: null, total: 0 };
  const selectionSet = info.fieldNodes[0]?.selectionSet;
  if (!selectionSet) return view;

  const pageFields = (info.schema.getType('Page') as GraphQLObjectType).getFields();
  const pageOf = <T>(matches: T[]): T[] => matches.slice((page - 1) * perPage, page * perPage);
  const totals: number[] = [];
  for (const [name, field] of findPagedFields(selectionSet, info)) {
    const fieldArgs = getArgumentValues(pageFields[name]!, field, info.variableValues);
    if (name === 'media') {
      const matches = findMedia(context.data.media.values(), fieldArgs);
      view.media = pageOf(matches);
      totals.push(matches.length);
    } else {
      const matches = findPageListEntries(fieldArgs as PageListArgs, context);
      view.mediaList = pageOf(matches);
      totals.push(matches.length);
    }
  }
  view.total = totals[0] ?? 0;
  return view;
}

export const pageResolvers: TypeResolvers = {
  Page: {
    pageInfo: (page: PageView) => ({
      total: page.total,
      perPage: page.perPage,
      currentPage: page.page,
      lastPage: Math.max(Math.ceil(page.total / page.perPage), 1),
      hasNextPage: page.page * page.perPage < page.total,
    }),
    media: (page: PageView) => page.media,
    mediaList: (page: PageView) => page.mediaList,
  },
};

export function resolveMedia(args: MediaArgs, context: ResolverContext): RawMedia {
  const found = findMedia(context.data.media.values(), args)[0];
  if (!found) throw notFoundError();
  return found;
}

export const mediaResolvers: TypeResolvers = {
  Media: {
    relations: (media: RawMedia, _args: unknown, context: ResolverContext) => {
      // NOTE: an edge whose node is not in FakeData.media is left out. Only test-built data can have
      // one, because every recorded edge carries its node.
      const edges: EdgeView[] = [];
      for (const relation of context.data.relations.get(media.id) ?? []) {
        const node = context.data.media.get(relation.nodeId);
        if (node) edges.push({ relation, node });
      }
      return { edges, nodes: edges.map((edge) => edge.node), pageInfo: null };
    },
    mediaListEntry: (media: RawMedia, _args: unknown, context: ResolverContext) => {
      const viewer = context.viewer;
      const type = media.type === 'MANGA' ? 'MANGA' : 'ANIME';
      const entry = viewer?.lists[type].find((candidate) => candidate.mediaId === media.id);
      return viewer && entry ? { entry, owner: viewer, type } : null;
    },
    nextAiringEpisode: (media: RawMedia, _args: unknown, context: ResolverContext) => {
      const next = media.nextAiringEpisode;
      if (!next) return null;
      return {
        id: next.id ?? media.id * 10_000 + next.episode,
        airingAt: next.airingAt,
        timeUntilAiring: next.airingAt - Math.floor(context.now / 1000),
        episode: next.episode,
        mediaId: media.id,
        media,
      };
    },
    isFavourite: (media: RawMedia) => media.isFavourite ?? false,
    isFavouriteBlocked: (media: RawMedia) => media.isFavouriteBlocked ?? false,
  },
  MediaEdge: {
    node: (edge: EdgeView) => edge.node,
    relationType: (edge: EdgeView, args: { version?: number | null }) => relationTypeForVersion(edge.relation.relationType, args.version),
    isMainStudio: () => false,
  },
};

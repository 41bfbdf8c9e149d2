import { findUserById, findUserByName } from './fake-data';
import { notFoundError, privateUserError, unauthorizedError, validationError } from './errors';
import { buildCollection, type CollectionArgs, customListNames, type ListEntryView, type ListType } from './list-collection';
import type { ResolverContext, TypeResolvers } from './resolver-types';
import { convertScore, DEFAULT_SCORE_FORMAT } from './scores';
import type { FakeListEntry, FakeUser, FuzzyDateValue } from './types';

const DEFAULT_AVATAR = {
  large: 'https://s4.anilist.co/file/anilistcdn/user/avatar/large/default.png',
  medium: 'https://s4.anilist.co/file/anilistcdn/user/avatar/medium/default.png',
};

type CollectionQueryArgs = Omit<CollectionArgs, 'type'> & { userId?: number | null; userName?: string | null; type?: ListType | null };

export function scoreFormatOf(user: FakeUser): string {
  return user.scoreFormat ?? DEFAULT_SCORE_FORMAT;
}

function fuzzyDate(date: Partial<FuzzyDateValue> | undefined): FuzzyDateValue {
  return { year: date?.year ?? null, month: date?.month ?? null, day: date?.day ?? null };
}

function canSee(user: FakeUser, context: ResolverContext): boolean {
  return !user.private || context.viewer?.id === user.id;
}

// NOTE: the validation messages here and in resolveMediaListCollection follow AniList's Laravel-style
// wording but were not recorded.
function requireUserArgument(args: { userId?: number | null; userName?: string | null }): void {
  if (args.userId == null && !args.userName) {
    throw validationError('userId', 'The user id field is required when user name is not present.');
  }
}

/**
 * Finds the user whose list a query reads, by `userId` or else `userName`. An unknown user is a
 * 404 "Not Found.", and a private user is a 404 "Private User" unless the viewer owns the list.
 */
function findListOwner(args: { userId?: number | null; userName?: string | null }, context: ResolverContext): FakeUser {
  const owner = args.userId != null ? findUserById(context.data, args.userId) : findUserByName(context.data, args.userName!);
  if (!owner) throw notFoundError();
  if (!canSee(owner, context)) throw privateUserError();
  return owner;
}

/** Resolves Query.MediaListCollection, with the owner rules of `findListOwner`. */
export function resolveMediaListCollection(args: CollectionQueryArgs, context: ResolverContext) {
  requireUserArgument(args);
  if (!args.type) throw validationError('type', 'The type field is required.');

  const owner = findListOwner(args, context);
  return buildCollection(context.data, owner, context.viewer, { ...args, type: args.type });
}

export type PageListArgs = CollectionQueryArgs & {
  id?: number | null;
  mediaId?: number | null;
  mediaId_in?: number[] | null;
  mediaId_not_in?: number[] | null;
};

/** Applies the entry filters of Page.mediaList that the fake supports. */
function matchesPageListFilters(entry: FakeListEntry, args: PageListArgs): boolean {
  if (args.id != null && entry.id !== args.id) return false;
  if (args.mediaId != null && entry.mediaId !== args.mediaId) return false;
  if (args.mediaId_in && !args.mediaId_in.includes(entry.mediaId)) return false;
  if (args.mediaId_not_in?.includes(entry.mediaId)) return false;
  if (args.status && entry.status !== args.status) return false;
  if (args.status_in && !args.status_in.includes(entry.status)) return false;
  if (args.status_not && entry.status === args.status_not) return false;
  if (args.status_not_in?.includes(entry.status)) return false;
  return true;
}

/**
 * Returns the entries that Page.mediaList pages over: one user's entries of `type` (both types
 * when absent) that match the id, media id and status filters, ordered by entry id. The owner
 * rules are those of MediaListCollection, and private entries are left out unless the viewer owns
 * the list. Entries hidden from status lists are included. `sort` and the date, notes and
 * follower filters are ignored, and a query without a user is rejected, although AniList also
 * serves Page.mediaList by media or by followed users.
 */
export function findPageListEntries(args: PageListArgs, context: ResolverContext): ListEntryView[] {
  requireUserArgument(args);
  const owner = findListOwner(args, context);
  const isOwner = context.viewer?.id === owner.id;
  const types: ListType[] = args.type ? [args.type] : ['ANIME', 'MANGA'];

  const views: ListEntryView[] = [];
  for (const type of types) {
    for (const entry of owner.lists[type]) {
      if ((isOwner || !entry.private) && matchesPageListFilters(entry, args)) views.push({ entry, owner, type });
    }
  }
  return views.sort((a, b) => a.entry.id - b.entry.id);
}

/** Resolves Query.User. AniList returns 404 "Not Found." for unknown and private users alike. */
export function resolveUser(args: { id?: number | null; name?: string | null }, context: ResolverContext): FakeUser {
  const user =
    args.id != null ? findUserById(context.data, args.id) : args.name ? findUserByName(context.data, args.name) : undefined;
  if (!user || !canSee(user, context)) throw notFoundError();
  return user;
}

export function resolveViewer(_args: unknown, context: ResolverContext): FakeUser {
  if (!context.viewer) throw unauthorizedError();
  return context.viewer;
}

export const listResolvers: TypeResolvers = {
  MediaList: {
    id: (view: ListEntryView) => view.entry.id,
    userId: (view: ListEntryView) => view.owner.id,
    mediaId: (view: ListEntryView) => view.entry.mediaId,
    status: (view: ListEntryView) => view.entry.status,
    score: (view: ListEntryView, args: { format?: string | null }) => {
      const ownerFormat = scoreFormatOf(view.owner);
      return convertScore(view.entry.score ?? 0, ownerFormat, args.format ?? ownerFormat);
    },
    progress: (view: ListEntryView) => view.entry.progress ?? 0,
    repeat: (view: ListEntryView) => view.entry.repeat ?? 0,
    priority: () => 0,
    private: (view: ListEntryView) => view.entry.private ?? false,
    hiddenFromStatusLists: (view: ListEntryView) => view.entry.hiddenFromStatusLists ?? false,
    // AniList sends every custom list of the owner with a flag, as an object or with asArray as a list.
    // NOTE: null for an owner without custom lists is an estimate, because no recording shows that case.
    customLists: (view: ListEntryView, args: { asArray?: boolean | null }) => {
      const names = customListNames(view.owner, view.type);
      if (names.length === 0) return null;
      const enabled = (name: string): boolean => view.entry.customLists?.includes(name) ?? false;
      if (args.asArray) return names.map((name) => ({ name, enabled: enabled(name) }));
      return Object.fromEntries(names.map((name) => [name, enabled(name)]));
    },
    startedAt: (view: ListEntryView) => fuzzyDate(view.entry.startedAt),
    completedAt: (view: ListEntryView) => fuzzyDate(view.entry.completedAt),
    updatedAt: (view: ListEntryView) => view.entry.updatedAt ?? null,
    media: (view: ListEntryView, _args: unknown, context: ResolverContext) => context.data.media.get(view.entry.mediaId) ?? null,
    user: (view: ListEntryView) => view.owner,
  },
  User: {
    avatar: (user: FakeUser) => (user.avatar ? { large: user.avatar, medium: user.avatar } : DEFAULT_AVATAR),
    options: (user: FakeUser) => ({
      titleLanguage: user.options?.titleLanguage ?? 'ROMAJI',
      displayAdultContent: user.options?.displayAdultContent ?? false,
    }),
    mediaListOptions: (user: FakeUser) => ({ scoreFormat: scoreFormatOf(user) }),
    siteUrl: (user: FakeUser) => `https://anilist.co/user/${user.name}`,
  },
};

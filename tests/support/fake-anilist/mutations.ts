import { nextListEntryId } from './fake-data';
import { notFoundError, unauthorizedError, validationError } from './errors';
import type { ListEntryView, ListType } from './list-collection';
import { scoreFormatOf } from './list-resolvers';
import type { ResolverContext } from './resolver-types';
import { scoreFromRaw, scoreToRaw } from './scores';
import type { FakeListEntry, FakeUser, FuzzyDateValue } from './types';

interface SaveArgs {
  id?: number | null;
  mediaId?: number | null;
  status?: string | null;
  score?: number | null;
  scoreRaw?: number | null;
  progress?: number | null;
  repeat?: number | null;
  private?: boolean | null;
  hiddenFromStatusLists?: boolean | null;
  customLists?: string[] | null;
  startedAt?: Partial<FuzzyDateValue> | null;
  completedAt?: Partial<FuzzyDateValue> | null;
}

// NOTE: AniList's default status for an entry created without one was not recorded.
const DEFAULT_NEW_STATUS = 'CURRENT';

function requireViewer(context: ResolverContext): FakeUser {
  if (!context.viewer) throw unauthorizedError();
  return context.viewer;
}

function findOwnEntry(viewer: FakeUser, id: number): ListEntryView | undefined {
  for (const type of ['ANIME', 'MANGA'] as const) {
    const entry = viewer.lists[type].find((candidate) => candidate.id === id);
    if (entry) return { entry, owner: viewer, type };
  }
  return undefined;
}

function createEntry(viewer: FakeUser, mediaId: number | null | undefined, context: ResolverContext): ListEntryView {
  const media = mediaId != null ? context.data.media.get(mediaId) : undefined;
  if (mediaId == null || !media) throw validationError('mediaId', 'The selected media id is invalid.');

  const type: ListType = media.type === 'MANGA' ? 'MANGA' : 'ANIME';
  const existing = viewer.lists[type].find((entry) => entry.mediaId === mediaId);
  if (existing) return { entry: existing, owner: viewer, type };

  const entry: FakeListEntry = { id: nextListEntryId(context.data), mediaId, status: DEFAULT_NEW_STATUS };
  viewer.lists[type].push(entry);
  return { entry, owner: viewer, type };
}

/** Returns the score to store, in the owner's format, or undefined when the request sets none. */
function requestedScore(args: SaveArgs, format: string): number | undefined {
  if (args.scoreRaw != null) {
    if (args.scoreRaw > 100) throw validationError('scoreRaw', 'The score raw may not be greater than 100.');
    return scoreFromRaw(args.scoreRaw, format);
  }
  if (args.score != null) {
    if (scoreToRaw(args.score, format) > 100) throw validationError('score', 'The score may not be greater than 100.');
    return args.score;
  }
  return undefined;
}

/**
 * Resolves Mutation.SaveMediaListEntry: updates the viewer's entry given by `id`, or the entry of
 * `mediaId`, and creates that entry when the viewer has none.
 */
export function saveMediaListEntry(args: SaveArgs, context: ResolverContext): ListEntryView {
  const viewer = requireViewer(context);
  let view: ListEntryView;
  if (args.id != null) {
    const found = findOwnEntry(viewer, args.id);
    if (!found) throw validationError('id', 'The selected id is invalid.');
    view = found;
  } else {
    view = createEntry(viewer, args.mediaId, context);
  }

  const score = requestedScore(args, scoreFormatOf(viewer));
  const entry = view.entry;
  if (args.status != null) entry.status = args.status;
  if (score !== undefined) entry.score = score;
  if (args.progress != null) entry.progress = args.progress;
  if (args.repeat != null) entry.repeat = args.repeat;
  if (args.private != null) entry.private = args.private;
  if (args.hiddenFromStatusLists != null) entry.hiddenFromStatusLists = args.hiddenFromStatusLists;
  if (args.customLists != null) entry.customLists = [...args.customLists];
  if (args.startedAt != null) entry.startedAt = { ...args.startedAt };
  if (args.completedAt != null) entry.completedAt = { ...args.completedAt };
  entry.updatedAt = Math.floor(context.now / 1000);
  return view;
}

/** Resolves Mutation.DeleteMediaListEntry for one of the viewer's entries. */
export function deleteMediaListEntry(args: { id?: number | null }, context: ResolverContext): { deleted: boolean } {
  const viewer = requireViewer(context);
  const view = args.id != null ? findOwnEntry(viewer, args.id) : undefined;
  // NOTE: AniList's response for an id that is not on the viewer's list was not recorded.
  if (!view) throw notFoundError();

  const list = viewer.lists[view.type];
  list.splice(list.indexOf(view.entry), 1);
  return { deleted: true };
}

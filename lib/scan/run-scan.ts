import { RELATIONS_BATCH_SIZE } from '../anilist/operations';
import type { Media, MediaRelations, MediaType, UserList } from '../anilist/types';
import type { RelationStore } from '../cache/store';
import { findMissingSequels } from '../sequels/find';
import type { FinderResult, FinderSettings } from '../sequels/types';

/** The parts of the AniList client a scan uses. */
export interface ScanClient {
  fetchUserList(user: { name: string } | { id: number }, type: MediaType): Promise<UserList>;
  fetchRelations(ids: readonly number[]): Promise<MediaRelations[]>;
}

export type ScanPhase = 'list' | 'relations' | 'done';

export interface ScanProgress {
  phase: ScanPhase;
  /** Off-list media whose relations were needed so far, and how many of them came from the cache. */
  relationsNeeded: number;
  relationsFromCache: number;
  relationsFetched: number;
}

export interface ScanOptions {
  user: { name: string } | { id: number };
  settings: FinderSettings;
  client: ScanClient;
  store: RelationStore;
  ignored?: ReadonlySet<number>;
  onProgress?: (progress: ScanProgress) => void;
  /** A list read by an earlier, interrupted run of this scan: the scan goes on from it without reading it again. */
  resumeList?: UserList;
  /** Called once the list is read, so a caller can persist it before the relation work starts. */
  onListRead?: (list: UserList) => Promise<void> | void;
  now?: () => number;
}

export interface ScanOutcome {
  list: UserList;
  result: FinderResult;
  progress: ScanProgress;
}

/**
 * Reads a user's list, then alternates between the finder and relation look-ups until the finder
 * needs nothing more. Each round looks in the cache first and fetches only what it lacks, in batches
 * of 50, so a scan of an unchanged list sends nothing but the list requests.
 */
export async function runScan(options: ScanOptions): Promise<ScanOutcome> {
  const now = options.now ?? Date.now;
  const ignored = options.ignored ?? new Set<number>();
  const progress: ScanProgress = { phase: 'list', relationsNeeded: 0, relationsFromCache: 0, relationsFetched: 0 };
  options.onProgress?.({ ...progress });

  let list = options.resumeList;
  if (!list) {
    list = await options.client.fetchUserList(options.user, options.settings.type);
    await options.onListRead?.(list);
  }
  const relations = new Map<number, MediaRelations>();
  // Ids already looked up, so a media AniList never returns cannot make the loop ask forever.
  const attempted = new Set<number>();
  progress.phase = 'relations';

  // Ids whose relations are neither known nor cached, oldest first, waiting to be fetched.
  const queue: number[] = [];

  const fetchBatch = async (ids: number[]): Promise<void> => {
    const fetched = await options.client.fetchRelations(ids);
    await options.store.putRelations(fetched);
    for (const record of fetched) relations.set(record.media.id, record);
    progress.relationsFetched += fetched.length;

    // AniList leaves out media it no longer serves: they count as having no relations. Looking up
    // their media walks every known edge, so it runs only when some are left out.
    const leftOut = ids.filter((id) => !relations.has(id));
    if (leftOut.length > 0) {
      const known = knownMedia(list, relations);
      for (const id of leftOut) {
        const media = known.get(id);
        if (media) relations.set(id, { media, edges: [], fetchedAt: now() });
      }
    }
    options.onProgress?.({ ...progress });
  };

  for (;;) {
    const result = findMissingSequels({ entries: list.entries, relations, ignored, settings: options.settings });
    const needed = result.needRelations.filter((id) => !relations.has(id) && !attempted.has(id));
    if (needed.length === 0 && queue.length === 0) {
      progress.phase = 'done';
      options.onProgress?.({ ...progress });
      return { list, result, progress };
    }

    let revealedMore = false;
    if (needed.length > 0) {
      progress.relationsNeeded += needed.length;
      for (const id of needed) attempted.add(id);
      const cached = await options.store.getRelations(needed, now());
      for (const [id, record] of cached) relations.set(id, record);
      progress.relationsFromCache += cached.size;
      options.onProgress?.({ ...progress });
      queue.push(...needed.filter((id) => !cached.has(id)));
      revealedMore = cached.size > 0;
    }

    // Full batches go at once. A partial batch waits while the records just added may lead the
    // finder to more ids that can fill it, so a chain several hops deep does not cost one
    // half-empty request per hop.
    let fetchedFullBatch = false;
    while (queue.length >= RELATIONS_BATCH_SIZE) {
      await fetchBatch(queue.splice(0, RELATIONS_BATCH_SIZE));
      fetchedFullBatch = true;
    }
    if (queue.length > 0 && !fetchedFullBatch && !revealedMore) await fetchBatch(queue.splice(0));
  }
}

function knownMedia(list: UserList, relations: Map<number, MediaRelations>): Map<number, Media> {
  const media = new Map<number, Media>();
  for (const entry of list.entries) for (const edge of entry.edges ?? []) media.set(edge.node.id, edge.node);
  for (const record of relations.values()) for (const edge of record.edges) media.set(edge.node.id, edge.node);
  return media;
}

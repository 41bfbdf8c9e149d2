/**
 * Named GraphQL operations sent to AniList. Each document carries the fragments it spreads, and
 * `tests/anilist/operations.test.ts` validates every one against `schema.graphql`.
 */

/** Exactly the Media fields `mediaSchema` in schemas.ts reads. */
const MEDIA_FIELDS = /* GraphQL */ `
fragment MediaFields on Media {
  id
  type
  format
  status
  title { romaji english native userPreferred }
  synonyms
  isAdult
  episodes
  duration
  chapters
  volumes
  startDate { year month day }
  season
  seasonYear
  coverImage { extraLarge large medium }
  siteUrl
  averageScore
  popularity
  genres
  description(asHtml: false)
  nextAiringEpisode { airingAt }
}`;

/**
 * The fields of a relation's target that the finder's rules read. A reported media is shown from
 * the full `MediaFields` record fetched with its own relations, so edges stay small: full fields
 * on every edge made list chunks about half relation nodes (measured by `npm run bench`).
 */
const MEDIA_NODE_FIELDS = /* GraphQL */ `
fragment MediaNodeFields on Media {
  id
  type
  format
  status
  isAdult
  title { romaji english native userPreferred }
  startDate { year month day }
  coverImage { large }
}`;

/** Relation types of version 2, which the sequel rules are written for. Version 3 adds SAME_UNIVERSE. */
const MEDIA_RELATION_EDGES = /* GraphQL */ `
fragment MediaRelationEdges on Media {
  relations {
    edges {
      relationType(version: 2)
      node { ...MediaNodeFields }
    }
  }
}`;

/** The fields of a list entry that `mediaListEntrySchema` in schemas.ts reads. */
const MEDIA_LIST_ENTRY_FIELDS = /* GraphQL */ `
fragment MediaListEntryFields on MediaList {
  id
  mediaId
  status
  progress
  score
  repeat
  private
  hiddenFromStatusLists
  updatedAt
}`;

const USER_LIST = /* GraphQL */ `
query UserList($userName: String, $userId: Int, $type: MediaType!, $chunk: Int!, $perChunk: Int!) {
  MediaListCollection(
    userName: $userName
    userId: $userId
    type: $type
    forceSingleCompletedList: true
    chunk: $chunk
    perChunk: $perChunk
  ) {
    hasNextChunk
    user { id name avatar { large medium } }
    lists {
      name
      isCustomList
      status
      entries {
        ...MediaListEntryFields
        media { ...MediaFields ...MediaRelationEdges }
      }
    }
  }
}`;

/** The entries of one status, with their media but without relations: what the popup's Watching tab shows. */
const STATUS_LIST = /* GraphQL */ `
query StatusList($userName: String, $userId: Int, $type: MediaType!, $status: MediaListStatus!, $chunk: Int!, $perChunk: Int!) {
  MediaListCollection(
    userName: $userName
    userId: $userId
    type: $type
    status: $status
    forceSingleCompletedList: true
    chunk: $chunk
    perChunk: $perChunk
  ) {
    hasNextChunk
    user { id name avatar { large medium } }
    lists {
      name
      isCustomList
      status
      entries {
        ...MediaListEntryFields
        media { ...MediaFields }
      }
    }
  }
}`;

const MEDIA_RELATIONS_BATCH = /* GraphQL */ `
query MediaRelationsBatch($ids: [Int]!) {
  Page(perPage: 50) {
    media(id_in: $ids) { ...MediaFields ...MediaRelationEdges }
  }
}`;

const VIEWER = /* GraphQL */ `
query Viewer {
  Viewer {
    id
    name
    avatar { large medium }
    options { titleLanguage displayAdultContent }
    mediaListOptions { scoreFormat }
  }
}`;

const SAVE_TO_PLANNING = /* GraphQL */ `
mutation SaveToPlanning($mediaId: Int!) {
  SaveMediaListEntry(mediaId: $mediaId, status: PLANNING) { id mediaId status }
}`;

/**
 * Changes the progress, status or score of the logged-in user's entry of a media, creating the
 * entry when there is none. Variables left out of the request leave that field unchanged.
 */
const SAVE_ENTRY = /* GraphQL */ `
mutation SaveEntry($mediaId: Int!, $status: MediaListStatus, $progress: Int, $score: Float) {
  SaveMediaListEntry(mediaId: $mediaId, status: $status, progress: $progress, score: $score) {
    id
    mediaId
    status
    progress
    score
    updatedAt
  }
}`;

export type OperationName = 'UserList' | 'StatusList' | 'MediaRelationsBatch' | 'Viewer' | 'SaveToPlanning' | 'SaveEntry';

/** Full documents (operation plus the fragments it spreads), keyed by operation name. */
export const OPERATIONS: Readonly<Record<OperationName, string>> = {
  UserList: USER_LIST + MEDIA_LIST_ENTRY_FIELDS + MEDIA_FIELDS + MEDIA_RELATION_EDGES + MEDIA_NODE_FIELDS,
  StatusList: STATUS_LIST + MEDIA_LIST_ENTRY_FIELDS + MEDIA_FIELDS,
  MediaRelationsBatch: MEDIA_RELATIONS_BATCH + MEDIA_FIELDS + MEDIA_RELATION_EDGES + MEDIA_NODE_FIELDS,
  Viewer: VIEWER,
  SaveToPlanning: SAVE_TO_PLANNING,
  SaveEntry: SAVE_ENTRY,
};

/** Maximum ids per `MediaRelationsBatch` request, AniList's maximum `perPage`. */
export const RELATIONS_BATCH_SIZE = 50;

/** Maximum entries per `UserList` chunk, AniList's maximum `perChunk`. */
export const LIST_CHUNK_SIZE = 500;

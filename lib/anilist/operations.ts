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

/** Relation types of version 2, which the sequel rules are written for. Version 3 adds SAME_UNIVERSE. */
const MEDIA_RELATION_EDGES = /* GraphQL */ `
fragment MediaRelationEdges on Media {
  relations {
    edges {
      relationType(version: 2)
      node { ...MediaFields }
    }
  }
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
        id
        mediaId
        status
        progress
        score
        repeat
        private
        hiddenFromStatusLists
        updatedAt
        media { ...MediaFields ...MediaRelationEdges }
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

export type OperationName = 'UserList' | 'MediaRelationsBatch' | 'Viewer' | 'SaveToPlanning';

/** Full documents (operation plus the fragments it spreads), keyed by operation name. */
export const OPERATIONS: Readonly<Record<OperationName, string>> = {
  UserList: USER_LIST + MEDIA_FIELDS + MEDIA_RELATION_EDGES,
  MediaRelationsBatch: MEDIA_RELATIONS_BATCH + MEDIA_FIELDS + MEDIA_RELATION_EDGES,
  Viewer: VIEWER,
  SaveToPlanning: SAVE_TO_PLANNING,
};

/** Maximum ids per `MediaRelationsBatch` request, AniList's maximum `perPage`. */
export const RELATIONS_BATCH_SIZE = 50;

/** Maximum entries per `UserList` chunk, AniList's maximum `perChunk`. */
export const LIST_CHUNK_SIZE = 500;

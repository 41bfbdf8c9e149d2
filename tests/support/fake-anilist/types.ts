/** Data and API types of the fake AniList GraphQL server used by the tests. */

export interface FuzzyDateValue {
  year: number | null;
  month: number | null;
  day: number | null;
}

/**
 * An AniList Media object keyed by schema field names, as recorded or written by a test.
 * Any schema field that is missing resolves to null. `relations` is not stored here but in
 * `FakeData.relations`.
 */
export interface RawMedia {
  id: number;
  type?: string | null;
  format?: string | null;
  status?: string | null;
  title?: { romaji?: string | null; english?: string | null; native?: string | null; userPreferred?: string | null } | null;
  synonyms?: string[] | null;
  isAdult?: boolean | null;
  episodes?: number | null;
  duration?: number | null;
  chapters?: number | null;
  volumes?: number | null;
  startDate?: Partial<FuzzyDateValue> | null;
  season?: string | null;
  seasonYear?: number | null;
  coverImage?: { extraLarge?: string | null; large?: string | null; medium?: string | null; color?: string | null } | null;
  siteUrl?: string | null;
  averageScore?: number | null;
  popularity?: number | null;
  genres?: string[] | null;
  description?: string | null;
  nextAiringEpisode?: { airingAt: number; episode: number; id?: number } | null;
  [field: string]: unknown;
}

export interface RelationRecord {
  /** The version 2 relation type, e.g. SEQUEL or SOURCE. */
  relationType: string;
  nodeId: number;
}

export interface FakeListEntry {
  /** The MediaList id. */
  id: number;
  mediaId: number;
  status: string;
  progress?: number;
  /** Score in the owner's `scoreFormat`. */
  score?: number;
  repeat?: number;
  private?: boolean;
  hiddenFromStatusLists?: boolean;
  /** Names of the custom lists that contain this entry. */
  customLists?: string[];
  /** Unix seconds. */
  updatedAt?: number;
  startedAt?: Partial<FuzzyDateValue>;
  completedAt?: Partial<FuzzyDateValue>;
}

export interface FakeUser {
  id: number;
  name: string;
  private?: boolean;
  /** Avatar URL, sent as both `avatar.large` and `avatar.medium`. */
  avatar?: string;
  options?: { titleLanguage?: string; displayAdultContent?: boolean };
  /** Defaults to POINT_100. */
  scoreFormat?: string;
  lists: { ANIME: FakeListEntry[]; MANGA: FakeListEntry[] };
}

export interface FakeData {
  media: Map<number, RawMedia>;
  /** Outgoing relation edges by media id. A media without a key has no relations. */
  relations: Map<number, RelationRecord[]>;
  users: FakeUser[];
  /** User id by bearer token. */
  tokens: Map<string, number>;
}

export interface FakeAniListOptions {
  /** 0 picks any free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Defaults to `loadRecordedData()`. */
  data?: FakeData;
  /** Reject requests without a `Referer: https://anilist.co/...` header, as AniList does. Defaults to true. */
  requireReferer?: boolean;
}

export interface FakeRequest {
  /** The body's operationName, or else the name of the query's first operation. */
  operationName: string | null;
  variables: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  /** HTTP status of the response, 0 while unanswered or when the socket was destroyed. */
  status: number;
  /** Byte length of the response body. */
  bytes: number;
  /** Milliseconds since the epoch. */
  receivedAt: number;
}

export type Failure =
  | {
      kind: 'rate-limit';
      /** Seconds for Retry-After; omitted means no Retry-After header. */
      retryAfter?: number;
      /** Unix seconds for X-RateLimit-Reset; omitted means no such header. */
      reset?: number;
    }
  | { kind: 'invalid-token' }
  | { kind: 'unauthorized' }
  | { kind: 'api-disabled' }
  | { kind: 'private-user' }
  | { kind: 'not-found' }
  /** 500 with a JSON body. */
  | { kind: 'server-error' }
  /** 502 with an nginx-style HTML body. */
  | { kind: 'bad-gateway-html' }
  /**
   * 400 "Max query complexity should be 500 but got N." for a query whose Page.media(id_in)
   * lists more than maxIds ids in total, or whose MediaListCollection sets perChunk > maxIds.
   * Other queries get a normal response.
   */
  | { kind: 'complexity'; maxIds: number }
  /** Respond normally after `ms` milliseconds. */
  | { kind: 'slow'; ms: number }
  /** Destroy the socket without responding. */
  | { kind: 'network' };

export type FailureKind = Failure['kind'];

export interface FakeAniList {
  /** "http://127.0.0.1:PORT/"; GraphQL requests are POSTed to this URL. */
  url: string;
  /** Every request received, in order. */
  requests: FakeRequest[];
  /** Queues failures: each of the next requests gets one failure, in order. */
  failNext(...failures: Failure[]): void;
  /** Sets a failure for every request until it is cleared with null. Queued failures go first. */
  failAlways(failure: Failure | null): void;
  /** Clears the failure queue, the sticky failure, the request log and the rate-limit window, and restores the users' lists. */
  reset(): void;
  close(): Promise<void>;
  data: FakeData;
}

import { z } from 'zod';
import { AniListError, unexpectedResponseError } from './errors';
import { LIST_CHUNK_SIZE, OPERATIONS, RELATIONS_BATCH_SIZE, type OperationName } from './operations';
import { RequestPacer, type Sleep } from './pacing';
import { mergeListChunks, parseListChunk, parseMediaRelations, parseViewer, type ListChunk } from './parse';
import { listStatusSchema } from './schemas';
import { Transport, type ClientEvent } from './transport';
import type { AniListUser, MediaListStatus, MediaRelations, MediaType, UserList, Viewer } from './types';

export type { ClientEvent } from './transport';

export const ANILIST_API_URL = 'https://graphql.anilist.co';

export interface AniListClientOptions {
  apiUrl?: string;
  token?: string | null;
  fetch?: typeof fetch;
  requestsPerMinute?: number;
  burst?: number;
  /** Retries for server and network errors; default 4. */
  maxRetries?: number;
  /** Retries after HTTP 429, counted apart from `maxRetries`; default 5. */
  maxRateLimitRetries?: number;
  /** Milliseconds one request may take, body included, before it fails as a network error; default 30 000. */
  timeoutMs?: number;
  onEvent?: (event: ClientEvent) => void;
  now?: () => number;
  sleep?: Sleep;
  random?: () => number;
  signal?: AbortSignal;
}

/**
 * Entries after which a list read stops even if AniList still reports more chunks, so a server
 * that never clears hasNextChunk cannot keep the loop running.
 * NOTE: a guard chosen for this client, not a documented AniList limit.
 */
const MAX_LIST_ENTRIES = 100_000;

const pageMediaSchema = z.object({
  Page: z.object({ media: z.array(z.unknown()).nullish() }).nullish(),
});

const savedEntrySchema = z.object({
  id: z.number().int(),
  mediaId: z.number().int().nullish(),
  status: listStatusSchema,
});

const savedFullEntrySchema = savedEntrySchema.extend({
  progress: z.number().int().nullish(),
  score: z.number().nullish(),
  updatedAt: z.number().int().nullish(),
});

/** A user given by name (any public list) or by id. */
export type UserRef = { name: string } | { id: number };

/** A change to one list entry; fields left undefined keep their value. */
export interface EntryChange {
  mediaId: number;
  status?: MediaListStatus;
  progress?: number;
  /** In the user's score format. */
  score?: number;
}

/** An entry as AniList stored it after a change. */
export interface SavedEntry {
  entryId: number;
  mediaId: number;
  status: MediaListStatus;
  progress: number;
  score: number;
  /** Unix seconds, when AniList sends it. */
  updatedAt: number | null;
}

function field(data: unknown, key: string): unknown {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
}

function isComplexity(error: unknown): boolean {
  return error instanceof AniListError && error.kind === 'complexity';
}

/** Reads and writes AniList through its GraphQL API, paced and retried by `Transport`. */
export class AniListClient {
  readonly stats: { requests: number; bytes: number };
  private readonly transport: Transport;
  private readonly token: string | null;
  private readonly now: () => number;

  constructor(options: AniListClientOptions = {}) {
    this.token = options.token ?? null;
    this.now = options.now ?? Date.now;
    const pacer = new RequestPacer({
      requestsPerMinute: options.requestsPerMinute,
      burst: options.burst,
      now: options.now,
      sleep: options.sleep,
    });
    this.transport = new Transport({
      apiUrl: options.apiUrl ?? ANILIST_API_URL,
      token: this.token,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      pacer,
      maxRetries: options.maxRetries,
      maxRateLimitRetries: options.maxRateLimitRetries,
      timeoutMs: options.timeoutMs,
      now: options.now,
      sleep: options.sleep,
      random: options.random,
      signal: options.signal,
      onEvent: options.onEvent,
    });
    this.stats = this.transport.stats;
  }

  /** Fetches the logged-in user. Throws `unauthorized` without sending anything when no token is set. */
  async fetchViewer(): Promise<Viewer> {
    this.requireToken('Viewer');
    const data = await this.transport.request('Viewer', OPERATIONS.Viewer);
    return this.parse('Viewer', () => parseViewer(field(data, 'Viewer')));
  }

  /**
   * Reads every list (custom lists included) in chunks of 500 with forceSingleCompletedList, until
   * hasNextChunk is false, and returns each media once. A "Max query complexity" error halves perChunk.
   */
  async fetchUserList(user: UserRef, type: MediaType): Promise<UserList> {
    return this.readList('UserList', user, type, {});
  }

  /**
   * Reads the entries of one list status, such as CURRENT for the Watching list, with their media
   * but without relations (`edges` is null). Chunked like `fetchUserList`.
   */
  async fetchStatusList(user: UserRef, type: MediaType, status: MediaListStatus): Promise<UserList> {
    return this.readList('StatusList', user, type, { status });
  }

  private async readList(
    operationName: 'UserList' | 'StatusList',
    user: UserRef,
    type: MediaType,
    filters: Record<string, unknown>,
  ): Promise<UserList> {
    const userVariables = 'name' in user ? { userName: user.name } : { userId: user.id };
    const fallbackUser: AniListUser = 'name' in user
      ? { id: 0, name: user.name, avatar: null }
      : { id: user.id, name: '', avatar: null };
    const chunks: ListChunk[] = [];
    let perChunk = LIST_CHUNK_SIZE;
    let chunk = 1;

    for (;;) {
      let data: unknown;
      try {
        data = await this.transport.request(operationName, OPERATIONS[operationName], {
          ...userVariables, ...filters, type, chunk, perChunk,
        });
      } catch (error) {
        if (!isComplexity(error) || perChunk <= 1) throw error;
        // Re-read from the chunk that starts at or before the first unread entry; merging drops the repeats.
        const entriesRead = (chunk - 1) * perChunk;
        perChunk = Math.floor(perChunk / 2);
        chunk = Math.floor(entriesRead / perChunk) + 1;
        continue;
      }

      const collection = field(data, 'MediaListCollection');
      if (collection == null) {
        throw new AniListError('not-found', 'AniList returned no list for this user', { operationName });
      }
      const parsed = this.parse(operationName, () => parseListChunk(collection));
      chunks.push(parsed);
      if (!parsed.hasNextChunk) break;
      if (parsed.entries.length === 0) {
        // A chunk past the end comes back empty; more chunks after an empty one would never end.
        throw new AniListError('validation', `AniList sent an empty chunk ${chunk} of the list but reported more to come`, {
          operationName,
          unreadableResponse: true,
        });
      }
      if (chunk * perChunk >= MAX_LIST_ENTRIES) {
        throw new AniListError('validation', `AniList still reports more chunks after ${chunk * perChunk} entries`, {
          operationName,
        });
      }
      chunk += 1;
    }

    return mergeListChunks(chunks, type, fallbackUser);
  }

  /**
   * Fetches relations for ids in Page(media(id_in)) batches of up to 50. A "Max query complexity"
   * error halves the batch and retries it. Ids AniList does not return are left out.
   */
  async fetchRelations(ids: readonly number[]): Promise<MediaRelations[]> {
    const pending = [...new Set(ids)];
    const found = new Map<number, MediaRelations>();
    let batchSize = RELATIONS_BATCH_SIZE;
    let offset = 0;

    while (offset < pending.length) {
      const batch = pending.slice(offset, offset + batchSize);
      let data: unknown;
      try {
        data = await this.transport.request('MediaRelationsBatch', OPERATIONS.MediaRelationsBatch, { ids: batch });
      } catch (error) {
        if (!isComplexity(error) || batch.length <= 1) throw error;
        // Later batches keep the smaller size: their media are likely as heavy.
        batchSize = Math.floor(batch.length / 2);
        continue;
      }

      const fetchedAt = this.now();
      const page = this.parse('MediaRelationsBatch', () => pageMediaSchema.parse(data));
      const requested = new Set(batch);
      for (const raw of page.Page?.media ?? []) {
        if (raw == null) continue;
        const relations = this.parse('MediaRelationsBatch', () => parseMediaRelations(raw, fetchedAt));
        if (requested.has(relations.media.id)) found.set(relations.media.id, relations);
      }
      offset += batch.length;
    }

    return pending.flatMap((id) => {
      const relations = found.get(id);
      return relations ? [relations] : [];
    });
  }

  /**
   * Adds a media to the logged-in user's Planning list, or moves its entry there. Throws `unauthorized`
   * without sending anything when no token is set. Retrying is safe: saving the same entry twice changes nothing.
   */
  async saveToPlanning(mediaId: number): Promise<{ entryId: number; mediaId: number; status: MediaListStatus }> {
    this.requireToken('SaveToPlanning');
    const data = await this.transport.request('SaveToPlanning', OPERATIONS.SaveToPlanning, { mediaId });
    const saved = this.parse('SaveToPlanning', () => savedEntrySchema.parse(field(data, 'SaveMediaListEntry')));
    return { entryId: saved.id, mediaId: saved.mediaId ?? mediaId, status: saved.status };
  }

  /**
   * Changes the logged-in user's entry of a media: only the fields given are sent, so the others
   * keep their values. `score` is in the user's score format. Creates the entry when the media is
   * not on the list. Throws `unauthorized` without sending anything when no token is set.
   */
  async saveEntry(change: EntryChange): Promise<SavedEntry> {
    this.requireToken('SaveEntry');
    const variables: Record<string, unknown> = { mediaId: change.mediaId };
    if (change.status !== undefined) variables.status = change.status;
    if (change.progress !== undefined) variables.progress = change.progress;
    if (change.score !== undefined) variables.score = change.score;

    const data = await this.transport.request('SaveEntry', OPERATIONS.SaveEntry, variables);
    const saved = this.parse('SaveEntry', () => savedFullEntrySchema.parse(field(data, 'SaveMediaListEntry')));
    return {
      entryId: saved.id,
      mediaId: saved.mediaId ?? change.mediaId,
      status: saved.status,
      progress: saved.progress ?? 0,
      score: saved.score ?? 0,
      updatedAt: saved.updatedAt ?? null,
    };
  }

  private requireToken(operationName: OperationName): void {
    if (this.token) return;
    throw new AniListError('unauthorized', `${operationName} needs a logged-in AniList user, but no access token is set`, {
      operationName,
    });
  }

  private parse<T>(operationName: OperationName, read: () => T): T {
    try {
      return read();
    } catch (error) {
      throw unexpectedResponseError(error, operationName);
    }
  }
}

import { GraphQLClient } from 'graphql-request';
import { AniListError, classifyResponse, networkError, RETRYABLE_KINDS } from './errors';
import { realSleep, type RateLimitWait, type RequestPacer, type Sleep } from './pacing';

export type ClientEvent =
  | { type: 'request'; operationName: string; requests: number }
  | { type: 'response'; operationName: string; status: number; bytes: number }
  /**
   * `seconds` is rounded up to whole seconds; `until` is the clock time in ms the wait ends.
   * Rate-limit waits are reported for 429s and exhausted windows, not for ordinary pacing.
   */
  | { type: 'wait'; reason: 'rate-limit' | 'retry'; seconds: number; until: number };

/** AniList rejects requests without this Referer with 403 "API temporarily disabled" (since 2026). */
export const ANILIST_REFERER = 'https://anilist.co/';

export const DEFAULT_MAX_RETRIES = 4;
export const DEFAULT_MAX_RATE_LIMIT_RETRIES = 5;
export const DEFAULT_TIMEOUT_MS = 30_000;
const FIRST_RETRY_DELAY_MS = 1_000;
const MAX_RETRY_DELAY_MS = 30_000;

export interface TransportOptions {
  apiUrl: string;
  token: string | null;
  fetch: typeof fetch;
  pacer: RequestPacer;
  /** Retries for server and network errors. */
  maxRetries?: number;
  /** Retries after HTTP 429, counted apart from `maxRetries`. */
  maxRateLimitRetries?: number;
  /** A request that has not finished reading its body after this many ms fails as a network error. */
  timeoutMs?: number;
  now?: () => number;
  sleep?: Sleep;
  random?: () => number;
  signal?: AbortSignal;
  onEvent?: (event: ClientEvent) => void;
}

interface CapturedResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Delay before retry number `retry` (0-based): 1 s, 2 s, 4 s … capped at 30 s, plus up to 1 s of jitter. */
export function retryDelayMs(retry: number, random: () => number): number {
  return Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** retry) + Math.floor(random() * 1000);
}

/** Statuses whose Response must be built without a body. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** Sends one GraphQL operation per POST, paced, retried and sorted into AniListErrors. */
export class Transport {
  readonly stats = { requests: 0, bytes: 0 };
  private readonly options: TransportOptions;
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private readonly random: () => number;

  constructor(options: TransportOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
  }

  /** Returns the operation's `data`. Throws an AniListError, or the signal's reason when aborted. */
  async request(operationName: string, query: string, variables: Record<string, unknown> = {}): Promise<unknown> {
    const { pacer, signal } = this.options;
    const maxRetries = this.options.maxRetries ?? DEFAULT_MAX_RETRIES;
    const maxRateLimitRetries = this.options.maxRateLimitRetries ?? DEFAULT_MAX_RATE_LIMIT_RETRIES;
    let retries = 0;
    let rateLimitRetries = 0;

    for (;;) {
      await pacer.acquire(signal, (wait) => this.emitBlock(wait));
      try {
        return await this.send(operationName, query, variables);
      } catch (error) {
        if (!(error instanceof AniListError)) throw error;
        if (error.kind === 'rate-limited' && rateLimitRetries < maxRateLimitRetries) {
          // send() has already blocked the pacer for as long as AniList asked.
          rateLimitRetries += 1;
          continue;
        }
        if (!RETRYABLE_KINDS.has(error.kind) || retries >= maxRetries) throw error;
        const delay = retryDelayMs(retries, this.random);
        retries += 1;
        this.options.onEvent?.({ type: 'wait', reason: 'retry', seconds: Math.ceil(delay / 1000), until: this.now() + delay });
        await this.sleep(delay, signal);
      }
    }
  }

  private emitBlock(wait: RateLimitWait & { blocked: boolean }): void {
    if (!wait.blocked) return;
    this.options.onEvent?.({ type: 'wait', reason: 'rate-limit', seconds: Math.ceil(wait.ms / 1000), until: wait.until });
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      Referer: ANILIST_REFERER,
    };
    if (this.options.token) headers.Authorization = `Bearer ${this.options.token}`;
    return headers;
  }

  /**
   * Sends one POST. graphql-request builds and parses it, and the status, headers and text are
   * captured as well, because graphql-request cannot read error bodies that are not JSON (HTML 502s).
   */
  private async send(operationName: string, query: string, variables: Record<string, unknown>): Promise<unknown> {
    const { onEvent, pacer } = this.options;
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const userSignal = this.options.signal;
    const signal = userSignal ? AbortSignal.any([userSignal, timeout]) : timeout;
    let captured: CapturedResponse | null = null;

    const baseFetch = this.options.fetch;
    const capturingFetch: typeof fetch = async (input, init) => {
      const response = await baseFetch(input, init);
      const text = await response.text();
      captured = { status: response.status, headers: response.headers, text };
      const body = NULL_BODY_STATUSES.has(response.status) ? null : text;
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    };

    this.stats.requests += 1;
    onEvent?.({ type: 'request', operationName, requests: this.stats.requests });
    const client = new GraphQLClient(this.options.apiUrl, { fetch: capturingFetch, headers: this.headers() });

    let data: unknown;
    let failure: unknown = null;
    try {
      data = (await client.rawRequest({ query, variables, signal })).data;
    } catch (error) {
      failure = error;
    }

    const response = captured as CapturedResponse | null;
    if (!response) {
      if (userSignal?.aborted) throw userSignal.reason;
      if (timeout.aborted) throw networkError(new Error(`request timed out after ${timeoutMs / 1000} s`), operationName);
      throw networkError(failure, operationName);
    }

    const bytes = new TextEncoder().encode(response.text).byteLength;
    this.stats.bytes += bytes;
    onEvent?.({ type: 'response', operationName, status: response.status, bytes });
    pacer.observe(response.headers);
    if (failure === null) return data;

    const error = classifyResponse({
      status: response.status, body: response.text, headers: response.headers, operationName, now: this.now(),
    });
    if (error.kind === 'rate-limited') pacer.blockAfterRateLimit(response.headers);
    throw error;
  }
}

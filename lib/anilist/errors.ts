import { z } from 'zod';
import { readRateLimitHeaders } from './pacing';

export type AniListErrorKind =
  | 'rate-limited'
  | 'invalid-token'
  | 'unauthorized'
  | 'not-found'
  | 'private-user'
  | 'api-disabled'
  | 'server'
  | 'network'
  | 'validation'
  | 'complexity';

export interface AniListErrorDetails {
  status?: number | null;
  retryAfterSeconds?: number | null;
  operationName?: string | null;
  serverMessage?: string | null;
  /** True when AniList responded, but with a body this version cannot read. */
  unreadableResponse?: boolean;
  cause?: unknown;
}

/** A failed AniList request, sorted into the kinds a caller handles differently. */
export class AniListError extends Error {
  override readonly name = 'AniListError';
  readonly kind: AniListErrorKind;
  /** HTTP status, or null when no response arrived. */
  readonly status: number | null;
  /** Seconds until AniList accepts requests again, when its headers tell. */
  readonly retryAfterSeconds: number | null;
  readonly operationName: string | null;
  /** The first GraphQL error's message as AniList sent it, e.g. "Invalid token". */
  readonly serverMessage: string | null;
  /** True when AniList responded, but with a body this version cannot read. */
  readonly unreadableResponse: boolean;

  constructor(kind: AniListErrorKind, message: string, details: AniListErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.status = details.status ?? null;
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
    this.operationName = details.operationName ?? null;
    this.serverMessage = details.serverMessage ?? null;
    this.unreadableResponse = details.unreadableResponse ?? false;
  }
}

/** Kinds worth sending again unchanged. A 429 is retried too, but only after the wait AniList requests. */
export const RETRYABLE_KINDS: ReadonlySet<AniListErrorKind> = new Set(['server', 'network']);

export interface FailedResponse {
  /** HTTP status. When it is 2xx, the first GraphQL error's own `status` is used instead. */
  status: number;
  /** The body as text, or already parsed from JSON. */
  body: unknown;
  headers?: Headers | null;
  operationName?: string | null;
  /** Clock time in ms, used to turn `X-RateLimit-Reset` into seconds. */
  now?: number;
}

interface GraphQLErrorBody {
  message: string;
  status: number | null;
}

function firstGraphQLError(body: unknown): GraphQLErrorBody | null {
  if (typeof body !== 'object' || body === null || !('errors' in body)) return null;
  const errors = (body as { errors: unknown }).errors;
  const first: unknown = Array.isArray(errors) ? errors[0] : errors;
  if (typeof first !== 'object' || first === null) return null;
  const { message, status } = first as { message?: unknown; status?: unknown };
  return {
    message: typeof message === 'string' ? message : '',
    status: typeof status === 'number' ? status : null,
  };
}

function parseBody(body: unknown): { json: unknown; isJson: boolean } {
  if (typeof body !== 'string') return { json: body, isJson: typeof body === 'object' && body !== null };
  try {
    const json: unknown = JSON.parse(body);
    return { json, isJson: typeof json === 'object' && json !== null };
  } catch {
    return { json: null, isJson: false };
  }
}

/** Sorts a response that failed (non-2xx status, GraphQL errors or an unreadable body) into an AniListError. */
export function classifyResponse(response: FailedResponse): AniListError {
  const { json, isJson } = parseBody(response.body);
  const error = firstGraphQLError(json);
  const status = response.status >= 200 && response.status < 300 && error?.status ? error.status : response.status;
  const message = error?.message.trim() ?? '';
  const now = response.now ?? Date.now();
  const details: AniListErrorDetails = {
    status: response.status,
    operationName: response.operationName ?? null,
    serverMessage: message || null,
  };
  const suffix = message ? `: ${message}` : '';

  if (status === 429) {
    const limits = response.headers ? readRateLimitHeaders(response.headers, now) : null;
    let retryAfterSeconds = limits?.retryAfterSeconds ?? null;
    if (retryAfterSeconds === null && limits?.resetAt != null) retryAfterSeconds = Math.max(0, Math.ceil((limits.resetAt - now) / 1000));
    return new AniListError('rate-limited', `AniList rate limit reached (HTTP 429)${suffix}`, { ...details, retryAfterSeconds });
  }
  if (status >= 500) return new AniListError('server', `AniList server error (HTTP ${response.status})${suffix}`, details);
  if (!isJson) return new AniListError('server', `AniList sent a body that is not JSON (HTTP ${response.status})`, details);
  if (/^max query complexity/i.test(message)) return new AniListError('complexity', `AniList rejected the query as too complex${suffix}`, details);
  if (/^invalid token/i.test(message)) return new AniListError('invalid-token', `AniList rejected the access token${suffix}`, details);
  if (status === 401) return new AniListError('unauthorized', `AniList requires a logged-in user${suffix}`, details);
  if (status === 403) return new AniListError('api-disabled', `AniList's API is disabled (HTTP 403)${suffix}`, details);
  // NOTE: no recorded body has the "Private User" wording, so this match is unverified against AniList.
  if (status === 404 && /private user/i.test(message)) return new AniListError('private-user', `The AniList user's list is private${suffix}`, details);
  if (status === 404) return new AniListError('not-found', `AniList found nothing${suffix}`, details);
  return new AniListError('validation', `AniList rejected the request (HTTP ${response.status})${suffix}`, details);
}

/** Wraps an error thrown by fetch itself (no response arrived) as a `network` error. */
export function networkError(cause: unknown, operationName: string | null): AniListError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AniListError('network', `Could not reach AniList: ${reason}`, { operationName, cause });
}

/** Wraps a response that does not match the expected shape (a ZodError or missing data) as a `validation` error. */
export function unexpectedResponseError(cause: unknown, operationName: string): AniListError {
  let reason = String(cause);
  if (cause instanceof z.ZodError) reason = z.prettifyError(cause);
  else if (cause instanceof Error) reason = cause.message;
  return new AniListError('validation', `AniList's ${operationName} response has an unexpected shape: ${reason}`, {
    operationName,
    cause,
    unreadableResponse: true,
  });
}

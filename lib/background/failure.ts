import { AniListError, type AniListErrorKind } from '../anilist/errors';
import { backgroundCatalog, type BackgroundMessageKey } from '../i18n/catalog/background';
import { BackgroundError } from './errors';
import type { StoredScanError } from './scan-job';

/**
 * Decisions on a scan request that failed after the client's own retries: pause and retry later
 * while AniList is unavailable, log out when it rejects the token, and fail otherwise.
 */

export type FailureDecision =
  | { action: 'pause'; retryAt: number }
  | { action: 'logout' }
  | { action: 'fail' };

const MINUTE_MS = 60 * 1000;

/** How long a paused scan waits before it retries, by error kind. The periodic check may carry it on sooner. */
export const RETRY_DELAYS_MS: Readonly<Partial<Record<AniListErrorKind, number>>> = {
  // The client has already waited out several 429s, so AniList's limit is hard pressed: at least a minute.
  'rate-limited': MINUTE_MS,
  server: 10 * MINUTE_MS,
  network: 10 * MINUTE_MS,
  // AniList turns its API off for maintenance or abuse waves, which last longer than an outage.
  'api-disabled': 30 * MINUTE_MS,
};

/**
 * A rate-limit wait longer than this pauses the scan until AniList's time instead of keeping the
 * worker busy waiting. Shorter waits are waited out in place by the client.
 */
export const LONG_RATE_LIMIT_WAIT_MS = MINUTE_MS;

export function decideOnFailure(error: unknown, now: number): FailureDecision {
  if (!(error instanceof AniListError)) return { action: 'fail' };
  if (error.kind === 'invalid-token') return { action: 'logout' };

  const delay = RETRY_DELAYS_MS[error.kind];
  if (delay === undefined) return { action: 'fail' };
  const askedMs = (error.retryAfterSeconds ?? 0) * 1000;
  // The retry time shown must be the one AniList asked for, so an asked wait replaces the default one.
  if (error.kind === 'rate-limited' && askedMs > 0) return { action: 'pause', retryAt: now + askedMs };
  return { action: 'pause', retryAt: now + Math.max(delay, askedMs) };
}

/** The error a scan stops on when AniList asks for a wait longer than LONG_RATE_LIMIT_WAIT_MS. */
export function longRateLimitError(waitMs: number): AniListError {
  const seconds = Math.ceil(waitMs / 1000);
  return new AniListError('rate-limited', `AniList asked to wait ${seconds} s, so the scan pauses until then.`, {
    status: 429,
    retryAfterSeconds: seconds,
  });
}

/** Keeps what describeError needs from an error, so the sentence can be built again in either language. */
export function storedErrorOf(error: unknown): StoredScanError {
  if (error instanceof AniListError) {
    return {
      kind: error.kind,
      message: error.message,
      status: error.status,
      retryAfterSeconds: error.retryAfterSeconds,
      operationName: error.operationName,
      serverMessage: error.serverMessage,
    };
  }
  const none = { status: null, retryAfterSeconds: null, operationName: null, serverMessage: null };
  if (error instanceof BackgroundError) {
    return { kind: error.key, message: error.message, ...none, messageKey: error.key, messageValues: { ...error.values } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unexpected', message, ...none };
}

const ANILIST_KINDS: ReadonlySet<string> = new Set<AniListErrorKind>([
  'rate-limited', 'invalid-token', 'unauthorized', 'not-found', 'private-user', 'api-disabled', 'server', 'network',
  'validation', 'complexity',
]);

function isMessageKey(key: string | null | undefined): key is BackgroundMessageKey {
  return typeof key === 'string' && Object.hasOwn(backgroundCatalog.en, key);
}

/**
 * Rebuilds the error a stored one came from: an AniListError for AniList's kinds, a
 * BackgroundError for the background's own, a plain Error otherwise.
 */
export function errorFromStored(stored: StoredScanError): Error {
  if (isMessageKey(stored.messageKey)) return new BackgroundError(stored.messageKey, stored.messageValues ?? {});
  if (!ANILIST_KINDS.has(stored.kind)) return new Error(stored.message);
  return new AniListError(stored.kind as AniListErrorKind, stored.message, {
    status: stored.status,
    retryAfterSeconds: stored.retryAfterSeconds,
    operationName: stored.operationName,
    serverMessage: stored.serverMessage,
  });
}

import type { Media, MediaListStatus, MediaType, ScoreFormat, Viewer } from '../anilist/types';
import { type Session, tokenExpiryState, type TokenExpiryState } from '../auth/session';
import type { ScanProgress } from '../scan/run-scan';
import type { FinderTotals, MissingSequel } from '../sequels/types';
import type { Settings } from '../settings/schema';

/**
 * Response types of the background, read by the popup, options page and content scripts. None of these types has a
 * field for the AniList token: content scripts may read the state, and the token never leaves
 * the background.
 */

/** A wait the scan is in: AniList's rate limit, or the pause before a retry after a server or network error. */
export interface ScanWait {
  reason: 'rate-limit' | 'retry';
  /** When the wait ends, in ms since the epoch. */
  until: number;
}

/** Why a scan stopped: the AniList error kind (or `storage`, `unexpected`) and a sentence in the user's language. */
export interface ScanError {
  kind: string;
  message: string;
}

export type ScanStatus =
  | { phase: 'idle' }
  | {
      phase: 'running';
      userName: string;
      startedAt: number;
      progress: ScanProgress;
      /** AniList requests sent so far by this scan, across worker restarts. */
      requestsDone: number;
      /** An estimate of the requests still to send, or null while the list is being read. */
      estimatedRemainingRequests: number | null;
      wait: ScanWait | null;
    }
  | {
      /** AniList was down, rate limited or refused with 403: the scan keeps what it has and retries at `retryAt`. */
      phase: 'paused';
      userName: string;
      startedAt: number;
      pausedAt: number;
      /** When AniList can be asked again (its Retry-After for a rate limit), in ms since the epoch. */
      retryAt: number;
      /**
       * When the retry alarm fires, in ms since the epoch: `retryAt`, or later when the browser's
       * minimum alarm delay (30 s in Chrome) does not allow `retryAt`. The periodic check or a
       * manual scan may carry the scan on sooner.
       */
      retryAlarmAt?: number;
      progress: ScanProgress;
      requestsDone: number;
      error: ScanError;
    }
  | { phase: 'failed'; userName: string; finishedAt: number; error: ScanError };

/** The outcome of a finished scan of one user's list. */
export interface ScanSummary {
  userName: string;
  mediaType: MediaType;
  /** ms since the epoch. */
  finishedAt: number;
  missing: MissingSequel[];
  totals: FinderTotals;
  /**
   * Entries on the scanned list, in any status. The background always sets it and
   * `sourceCount`; both are optional only so that summaries built elsewhere stay valid.
   */
  entryCount?: number;
  /**
   * Entries in a status the finder starts from (`sourceStatuses` at scan time), so a screen can
   * tell a list with nothing to start from (0) from one with no sequel missing.
   */
  sourceCount?: number;
}

/** The list counts of a summary, as the background sets them. */
export type ListCounts = Required<Pick<ScanSummary, 'entryCount' | 'sourceCount'>>;

export interface LoginState {
  viewer: Viewer;
  /** When the token stops working, in ms since the epoch. */
  expiresAt: number;
  expiry: TokenExpiryState;
}

/** Builds the login part of the state from the stored session, leaving the token out. */
export function loginStateOf(session: Session | null, now: number): LoginState | null {
  if (session === null) return null;
  return { viewer: { ...session.viewer }, expiresAt: session.expiresAt, expiry: tokenExpiryState(session, now) };
}

export interface BackgroundState {
  /** null while logged out. */
  login: LoginState | null;
  scan: ScanStatus;
  /** The last finished scan of the user's own list, or of `scanUserName` while logged out. */
  lastScan: ScanSummary | null;
  settings: Settings;
  unreadNotifications: number;
  /**
   * Set when AniList rejected the saved login as invalid and the user was logged out: the popup
   * asks to log in again until the next login or logout.
   */
  reloginRequested: { userName: string; at: number } | null;
  /** False when this build has no AniList client id, so logging in cannot work. */
  loginAvailable: boolean;
  /** When the periodic check runs next, in ms since the epoch, or null when it is off. */
  nextCheckAt: number | null;
}

/** The status of one media, as the page panel on its AniList page shows it. */
export interface MediaStatus {
  mediaId: number;
  /** The media's status on the last scanned list, or null when it is not on it. */
  listStatus: MediaListStatus | null;
  ignored: boolean;
  /** This media as a missing sequel of the last scan, or null when it is not one. */
  missing: MissingSequel | null;
  /** Missing sequels of the last scan that are reached from this media. */
  missingFromHere: MissingSequel[];
  /** When the scan these values come from finished, or null before the first scan. */
  scannedAt: number | null;
}

/** One entry of the Watching (or Reading) list, as the popup's Watching tab shows it. */
export interface WatchingEntry {
  entryId: number;
  mediaId: number;
  status: MediaListStatus;
  progress: number;
  /** In `WatchingList.scoreFormat`; 0 means no score. */
  score: number;
  /** Unix seconds of the last change, when AniList sends it. */
  updatedAt: number | null;
  media: Media;
}

export interface WatchingList {
  userName: string;
  mediaType: MediaType;
  /** The logged-in user's score format; null while logged out. */
  scoreFormat: ScoreFormat | null;
  /** True for the logged-in user's own list, which `updateEntry` can change. */
  editable: boolean;
  entries: WatchingEntry[];
  /** ms since the epoch. */
  fetchedAt: number;
}

/** An entry as AniList stored it after `updateEntry`. */
export interface UpdatedEntry {
  entryId: number;
  mediaId: number;
  status: MediaListStatus;
  progress: number;
  score: number;
  updatedAt: number | null;
}

/**
 * The response to `startScan`. A scan already running (of this list or another) goes on, and
 * `message` tells the user so in their language.
 */
export type StartScanResult =
  | { started: true }
  | { started: false; reason: 'already-running'; userName: string; message: string };

export interface AddToPlanningResult {
  added: number[];
  failed: { mediaId: number; message: string }[];
}

export type ImportBackupResult =
  | { imported: true; notes: string[] }
  | { imported: false; reasons: string[] };

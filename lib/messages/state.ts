import type { MediaListStatus, MediaType, Viewer } from '../anilist/types';
import { type Session, tokenExpiryState, type TokenExpiryState } from '../auth/session';
import type { ScanProgress } from '../scan/run-scan';
import type { FinderTotals, MissingSequel } from '../sequels/types';
import type { Settings } from '../settings/schema';

/**
 * Response types of the background, read by the popup, options page and content scripts. None of these types has a
 * field for the AniList token: content scripts may read the state, and the token never leaves
 * the background.
 */

export type ScanStatus =
  | { phase: 'idle' }
  | { phase: 'running'; userName: string; startedAt: number; progress: ScanProgress }
  | { phase: 'failed'; userName: string; finishedAt: number; error: { kind: string; message: string } };

/** The outcome of a finished scan of one user's list. */
export interface ScanSummary {
  userName: string;
  mediaType: MediaType;
  /** ms since the epoch. */
  finishedAt: number;
  missing: MissingSequel[];
  totals: FinderTotals;
}

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

export interface AddToPlanningResult {
  added: number[];
  failed: { mediaId: number; message: string }[];
}

export type ImportBackupResult =
  | { imported: true; notes: string[] }
  | { imported: false; reasons: string[] };

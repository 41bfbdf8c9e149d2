import type { AniListClient, ClientEvent } from '../anilist/client';
import type { Session } from '../auth/session';
import type { CacheLifetimes } from '../cache/expiry';
import type { RelationStore } from '../cache/store';
import type { Locale } from '../i18n/locale';
import type { BackgroundState } from '../messages/state';
import type { Settings } from '../settings/schema';
import type { AlarmsApi } from './alarms';
import type { ActionApi } from './badge';
import type { NotificationsApi } from './notifier';
import type { ScanRunner } from './scan-runner';
import type { ScanStore } from './scan-store';

/**
 * What the background's modules get from the outside world. The entrypoint passes the browser's
 * APIs and the real stores; unit tests pass WXT's fake browser, fake-indexeddb and a client
 * pointed at the fake AniList.
 */
export interface BackgroundDeps {
  alarms: AlarmsApi;
  notifications: NotificationsApi;
  /** null where the browser has no toolbar button API. */
  action: ActionApi | null;
  identity: {
    launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
    getRedirectURL(): string;
  };
  tabs: { create(properties: { url: string }): Promise<unknown> };
  /** `runtime.getURL`, for the bundled notification icon. */
  getURL(path: string): string;
  /** Starts keeping the worker awake during a scan; returns the function that stops it. */
  keepAlive(): () => void;
  store: ScanStore;
  openRelationStore(lifetimes: CacheLifetimes): Promise<RelationStore>;
  createClient(options: { token: string | null; signal?: AbortSignal; onEvent?: (event: ClientEvent) => void }): AniListClient;
  loadSession(): Promise<Session | null>;
  saveSession(session: Session): Promise<void>;
  clearSession(): Promise<void>;
  /** The build's AniList client id; throws MissingClientIdError when it has none. */
  clientId(): string;
  ensureReferer(): Promise<void>;
  /** The browser's UI language, such as `pt-BR`. */
  uiLanguage(): string;
  /** Sends the new state to the open pages. */
  broadcast(state: BackgroundState): Promise<void>;
  now(): number;
}

/** The deps plus the services built on them, shared by the request handlers and the event listeners. */
export interface BackgroundContext extends BackgroundDeps {
  runner: ScanRunner;
  loadSettings(): Promise<Settings>;
  locale(settings?: Settings): Promise<Locale>;
  /** Recomputes the state, updates the badge and tells the open pages; calls close together are merged. */
  refresh(): void;
  /** Waits for the refreshes asked for so far; for tests. */
  settled(): Promise<void>;
  logOut(reason: 'user' | 'invalid-token'): Promise<void>;
}

/** meta keys of the background. */
export const META_KEYS = {
  /** `{ userName, at }` after AniList rejected the saved token, until the next login or logout. */
  reloginRequested: 'reloginRequested',
  /** The `expiresAt` of the token whose coming expiry was already notified. */
  expiryWarnedFor: 'expiryWarnedFor',
} as const;

import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AniListClient } from '../../lib/anilist/client';
import { MissingClientIdError } from '../../lib/auth/client-ids';
import { clearSession, loadSession, saveSession, type Session } from '../../lib/auth/session';
import type { BackgroundDeps } from '../../lib/background/context';
import type { NotificationsApi } from '../../lib/background/notifier';
import { createScanStore } from '../../lib/background/scan-store';
import { type Background, createBackground } from '../../lib/background/service';
import { openIdbRelationStore } from '../../lib/cache/idb-store';
import type { BackgroundState } from '../../lib/messages/state';
import { buildAuthorizeResponse, defaultOAuthSettings, type OAuthSettings } from '../e2e/support/fake-oauth';
import type { FakeAniList } from '../support/fake-anilist/index';

/**
 * A background for unit tests: WXT's fake browser for the extension APIs, a fresh fake-indexeddb
 * per harness, and a real AniListClient pointed at the fake AniList. The login window redirects
 * as the fake authorize page of the end-to-end tests does.
 */

export const T0 = Date.UTC(2025, 0, 19, 12);
export const REDIRECT_URL = 'https://test-extension-id.chromiumapp.org/';
export const BOILERPLATE_TOKEN = 'fake-token-boilerplate';
export const WARPS_TOKEN = 'fake-token-warps';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface HarnessOptions {
  /** The build's client id; null stands for a build without one. */
  clientId?: string | null;
  uiLanguage?: string;
  /** Starts a new background on this harness's database and clock, as after Chrome restarted the worker. */
  sameStorageAs?: Harness;
}

export interface Harness {
  background: Background;
  deps: BackgroundDeps;
  /** The clock every part reads; tests move it forward. */
  clock: { now: number };
  oauth: OAuthSettings;
  /** Authorize URLs the login window opened. */
  authorizeUrls: string[];
  /** Makes the next login window fail as Chrome does when the user closes it. */
  closeNextLoginWindow(): void;
  broadcasts: BackgroundState[];
  dbOptions: { name: string; indexedDB: IDBFactory };
  /** Waits until the scan in progress and the badge updates it caused are done. */
  settle(): Promise<void>;
  session(): Promise<Session | null>;
}

export function createHarness(fake: FakeAniList, options: HarnessOptions = {}): Harness {
  const dbOptions = options.sameStorageAs?.dbOptions ?? { name: 'sequel-finder-test', indexedDB: new IDBFactory() };
  const clock = options.sameStorageAs?.clock ?? { now: T0 };
  const oauth = { ...defaultOAuthSettings(), redirectUrl: REDIRECT_URL };
  const authorizeUrls: string[] = [];
  const broadcasts: BackgroundState[] = [];
  let closeWindow = false;

  const deps: BackgroundDeps = {
    alarms: fakeBrowser.alarms,
    notifications: fakeBrowser.notifications as unknown as NotificationsApi,
    action: fakeBrowser.action,
    identity: {
      getRedirectURL: () => REDIRECT_URL,
      async launchWebAuthFlow({ url }) {
        authorizeUrls.push(url);
        if (closeWindow) {
          closeWindow = false;
          throw new Error('The user did not approve access.');
        }
        const response = buildAuthorizeResponse(new URL(url).searchParams, oauth);
        if (response.status !== 302) throw new Error('Authorization page could not be loaded.');
        return response.headers.location;
      },
    },
    tabs: fakeBrowser.tabs,
    getURL: (path) => `chrome-extension://test-extension-id${path}`,
    keepAlive: () => () => undefined,
    store: createScanStore(dbOptions),
    openRelationStore: (lifetimes) => openIdbRelationStore({ ...dbOptions, lifetimes }),
    createClient: (clientOptions) =>
      new AniListClient({
        apiUrl: fake.url,
        requestsPerMinute: 100_000,
        burst: 1_000,
        // Failures reach the background at once instead of after the client's timed retries.
        maxRetries: 0,
        maxRateLimitRetries: 0,
        now: () => clock.now,
        ...clientOptions,
      }),
    loadSession: () => loadSession(dbOptions),
    saveSession: (session) => saveSession(session, dbOptions),
    clearSession: () => clearSession(dbOptions),
    clientId: () => {
      const id = options.clientId === undefined ? '12345' : options.clientId;
      if (id === null) throw new MissingClientIdError('This build has no AniList client id: set WXT_ANILIST_CLIENT_ID_CHROME and build again.');
      return id;
    },
    ensureReferer: async () => undefined,
    uiLanguage: () => options.uiLanguage ?? 'en-US',
    broadcast: async (state) => {
      broadcasts.push(state);
    },
    now: () => clock.now,
  };
  const background = createBackground(deps);

  return {
    background,
    deps,
    clock,
    oauth,
    authorizeUrls,
    closeNextLoginWindow: () => {
      closeWindow = true;
    },
    broadcasts,
    dbOptions,
    async settle() {
      await background.context.runner.idle();
      await background.context.settled();
    },
    session: () => loadSession(dbOptions),
  };
}

/** Returns a stored login of the fake's Boilerplate user, valid for `daysLeft` more days. */
export function boilerplateSession(daysLeft = 300, now = T0): Session {
  return {
    token: BOILERPLATE_TOKEN,
    expiresAt: now + daysLeft * DAY_MS,
    viewer: { id: 5001, name: 'Boilerplate', avatar: null, titleLanguage: 'ROMAJI', displayAdultContent: false, scoreFormat: 'POINT_100' },
  };
}

/** Removes media from a fake user's anime list, as if the user deleted the entries on AniList. */
export function dropFromList(fake: FakeAniList, userName: string, mediaIds: readonly number[]): void {
  const user = fake.data.users.find((candidate) => candidate.name === userName);
  if (user === undefined) throw new Error(`The fake has no user ${userName}.`);
  user.lists.ANIME = user.lists.ANIME.filter((entry) => !mediaIds.includes(entry.mediaId));
}

/** Operation names of the requests the fake received, in order. */
export function operations(fake: FakeAniList): (string | null)[] {
  return fake.requests.map((request) => request.operationName);
}

/** Media ids of every MediaRelationsBatch request the fake received. */
export function relationIdsRequested(fake: FakeAniList): number[] {
  return fake.requests
    .filter((request) => request.operationName === 'MediaRelationsBatch')
    .flatMap((request) => (request.variables.ids as number[] | undefined) ?? []);
}

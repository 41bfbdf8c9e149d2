import { browser } from 'wxt/browser';
import { AniListClient } from '../../lib/anilist/client';
import { anilistClientId } from '../../lib/auth/client-ids';
import { clearSession, loadSession, saveSession } from '../../lib/auth/session';
import type { BackgroundDeps } from '../../lib/background/context';
import { startKeepAlive } from '../../lib/background/keep-alive';
import type { NotificationsApi } from '../../lib/background/notifier';
import { createScanStore } from '../../lib/background/scan-store';
import { openIdbRelationStore } from '../../lib/cache/idb-store';
import { broadcastState } from '../../lib/messages/dispatch';
import { ensureRefererRule } from './referer-rule';

/** Builds the background's deps from the browser's APIs and the extension's IndexedDB. */
export function browserDeps(): BackgroundDeps {
  // MV2 builds (Firefox by default) have browserAction instead of action.
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction ?? null;

  return {
    alarms: browser.alarms,
    notifications: browser.notifications as unknown as NotificationsApi,
    action,
    identity: browser.identity,
    tabs: browser.tabs,
    getURL: (path) => browser.runtime.getURL(path as '/'),
    keepAlive: () => startKeepAlive(() => browser.runtime.getPlatformInfo()),
    store: createScanStore(),
    openRelationStore: (lifetimes) => openIdbRelationStore({ lifetimes }),
    createClient: (options) => new AniListClient(options),
    loadSession: () => loadSession(),
    saveSession: (session) => saveSession(session),
    clearSession: () => clearSession(),
    clientId: () => anilistClientId(import.meta.env.BROWSER),
    ensureReferer: ensureRefererRule,
    uiLanguage: () => browser.i18n.getUILanguage(),
    broadcast: broadcastState,
    now: Date.now,
  };
}

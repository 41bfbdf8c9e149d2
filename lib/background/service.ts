import { pickLocale } from '../i18n/locale';
import type { RequestHandlers } from '../messages/dispatch';
import { type Settings } from '../settings/schema';
import { loadSettings, saveSettings } from '../settings/store';
import { logOut } from './account';
import { afterScan } from './after-scan';
import { applyBadge, badgeViewOf } from './badge';
import type { BackgroundContext, BackgroundDeps } from './context';
import { createHandlers } from './handlers';
import {
  onAlarm, onBrowserStartup, onInstalled, onNotificationClicked, onWorkerStart, syncAlarmsWithSettings,
} from './lifecycle';
import { type ScanTarget } from './scan-job';
import { ScanRunner } from './scan-runner';
import { buildState } from './state';

export interface Background {
  context: BackgroundContext;
  handlers: RequestHandlers;
  onWorkerStart(): Promise<void>;
  onInstalled(): Promise<void>;
  onStartup(): Promise<void>;
  onAlarm(name: string): Promise<void>;
  onNotificationClicked(notificationId: string): Promise<void>;
  onSettingsChanged(settings: Settings): Promise<void>;
  onIgnoredChanged(): void;
}

/** Builds the background from its deps. Nothing here registers a listener: the entrypoint does, at its top. */
export function createBackground(deps: BackgroundDeps): Background {
  let refreshing: Promise<void> | null = null;
  let refreshAgain = false;

  const context: BackgroundContext = {
    ...deps,
    // Replaced below, once the runner can be given the context's own functions.
    runner: undefined as unknown as ScanRunner,
    loadSettings: async () => (await loadSettings()).settings,
    locale: async (settings) => pickLocale((settings ?? (await context.loadSettings())).language, deps.uiLanguage()),
    refresh() {
      if (refreshing !== null) {
        refreshAgain = true;
        return;
      }
      refreshing = (async () => {
        do {
          refreshAgain = false;
          try {
            const { state, locale } = await buildState(context);
            if (deps.action !== null) await applyBadge(deps.action, badgeViewOf(state, locale));
            await deps.broadcast(state);
          } catch (error) {
            console.warn('Updating the badge and the open pages failed.', error);
          }
        } while (refreshAgain);
      })().finally(() => {
        refreshing = null;
      });
    },
    async settled() {
      while (refreshing !== null) await refreshing;
    },
    logOut: (reason) => logOut(context, reason),
  };

  context.runner = new ScanRunner({
    store: deps.store,
    openRelationStore: deps.openRelationStore,
    createClient: (options) => deps.createClient(options),
    alarms: deps.alarms,
    ensureReferer: deps.ensureReferer,
    loadSettings: context.loadSettings,
    loadSession: deps.loadSession,
    saveSession: deps.saveSession,
    onUserFound: (target, canonicalName) => followTypedUser(context, target, canonicalName),
    keepAlive: deps.keepAlive,
    onChanged: () => context.refresh(),
    onFinished: async (scan) => {
      await afterScan(context, scan);
    },
    onInvalidToken: () => context.logOut('invalid-token'),
    now: deps.now,
  });

  return {
    context,
    handlers: createHandlers(context),
    onWorkerStart: () => onWorkerStart(context),
    onInstalled: () => onInstalled(context),
    onStartup: () => onBrowserStartup(context),
    onAlarm: (name) => onAlarm(context, name),
    onNotificationClicked: (notificationId) => onNotificationClicked(context, notificationId),
    onSettingsChanged: async (settings) => {
      await syncAlarmsWithSettings(context, settings, false);
      context.refresh();
    },
    onIgnoredChanged: () => context.refresh(),
  };
}

/**
 * While logged out, a typed user name whose list was found becomes the list the extension
 * follows (`scanUserName`), spelled as AniList spells it. The results of the name it replaces go.
 */
async function followTypedUser(context: BackgroundContext, target: ScanTarget, canonicalName: string): Promise<void> {
  if (target.userId !== null || (await context.loadSession()) !== null) return;
  const settings = await context.loadSettings();
  if (settings.scanUserName === canonicalName) return;

  const replaced = settings.scanUserName;
  await saveSettings({ ...settings, scanUserName: canonicalName });
  if (replaced !== null && replaced.toLowerCase() !== canonicalName.toLowerCase()) {
    await context.store.deleteResults(`name:${replaced.toLowerCase()}:`);
  }
}

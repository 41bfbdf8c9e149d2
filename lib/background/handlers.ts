import type { MediaType } from '../anilist/types';
import { backgroundCatalog } from '../i18n/catalog/background';
import { createTranslator } from '../i18n/translate';
import { ignoreMedia, importIgnored, unignoreMedia } from '../ignored/store';
import type { RequestHandlers } from '../messages/dispatch';
import type { StartScanResult } from '../messages/state';
import { listNotifications, markRead, unreadCount } from '../notifications/history';
import { parseBackup } from '../settings/backup';
import { type Settings, toFinderSettings } from '../settings/schema';
import { saveSettings } from '../settings/store';
import { logIn, logOut } from './account';
import type { BackgroundContext } from './context';
import { BackgroundError, describeBackgroundError } from './errors';
import { scanOtherUser } from './other-user';
import { resultKey, type ScanTarget } from './scan-job';
import { finderSettingsKey } from './fingerprint';
import { addToPlanning } from './planning';
import { syncAlarmsWithSettings } from './lifecycle';
import { buildState, mediaStatus } from './state';
import { currentTarget } from './targets';
import { getWatching, updateEntry } from './watching';

/**
 * Builds the handler of every request of the protocol. Permissions are checked before a handler
 * runs (lib/messages/permissions.ts), and a handler's error reaches the sender as one sentence in
 * the user's language.
 */
export function createHandlers(context: BackgroundContext): RequestHandlers {
  const handlers: RequestHandlers = {
    getState: async () => (await buildState(context)).state,

    startScan: async (request) => {
      const settings = await context.loadSettings();
      const session = await context.loadSession();
      let target = currentTarget(settings, session);
      if (request.userName !== undefined) {
        if (session === null) {
          target = { userId: null, userName: request.userName };
        } else if (request.userName.toLowerCase() !== session.viewer.name.toLowerCase()) {
          throw new BackgroundError('otherUserWhileLoggedIn', { viewer: session.viewer.name, name: request.userName });
        }
      }
      if (target === null) throw new BackgroundError('noScanTarget');
      return startManualScan(context, target, settings.mediaType);
    },

    cancelScan: async () => ({ cancelled: await context.runner.cancel() }),

    login: () => logIn(context),

    logout: async () => {
      await logOut(context, 'user');
      return null;
    },

    addToPlanning: (request, requestContext) =>
      addToPlanning(context, request.mediaIds, { onlyMissing: requestContext.senderKind === 'content-script' }),

    ignore: async (request) => {
      await ignoreMedia(request.mediaId, request.title ?? null, context.now());
      context.refresh();
      return null;
    },

    unignore: async (request) => {
      await unignoreMedia(request.mediaId);
      context.refresh();
      return null;
    },

    getNotifications: async () => ({ items: await listNotifications(), unread: await unreadCount() }),

    markNotificationsRead: async (request) => {
      const unread = await markRead(request.ids);
      context.refresh();
      return { unread };
    },

    saveSettings: async (request) => {
      const before = await context.loadSettings();
      const saved = await saveSettings(request.settings);
      await syncAlarmsWithSettings(context, saved, false);
      context.refresh();
      await rescanIfFinderChanged(context, before, saved);
      return saved;
    },

    importBackup: async (request) => {
      const parsed = parseBackup(request.text);
      if (!parsed.ok) return { imported: false, reasons: parsed.reasons };
      // Settings first: a failure there leaves the ignored list as it was.
      const saved = await saveSettings(parsed.backup.settings);
      await importIgnored(parsed.backup.ignored, request.overwrite);
      await syncAlarmsWithSettings(context, saved, false);
      context.refresh();
      return { imported: true, notes: parsed.notes };
    },

    clearCache: async () => {
      const settings = await context.loadSettings();
      const relations = await context.openRelationStore(settings.cacheLifetimes);
      try {
        await relations.clear();
      } finally {
        await relations.close();
      }
      return null;
    },

    getMediaStatus: (request) => mediaStatus(context, request.mediaId),

    scanOtherUser: (request) => scanOtherUser(context, request.userName),

    getWatching: (request) => getWatching(context, request.mediaType),

    updateEntry: (request) => updateEntry(context, request),
  };
  return withLocalizedErrors(handlers, context);
}

/** Starts a manual scan, or answers with a sentence in the user's language when one is already running. */
/**
 * Starts a scan of the followed list, without waiting for it, when a saved change alters what the
 * finder reports, so the popup shows the new choice. Relations come from the cache, so it costs
 * the list requests. A list never scanned is left alone, and so is a scan already running.
 */
async function rescanIfFinderChanged(context: BackgroundContext, before: Settings, after: Settings): Promise<void> {
  const session = await context.loadSession();
  const viewer = session?.viewer ?? null;
  const changed = finderSettingsKey(toFinderSettings(before, viewer)) !== finderSettingsKey(toFinderSettings(after, viewer));
  const target = currentTarget(after, session);
  if (!changed || target === null) return;
  if ((await context.store.getResult(resultKey(target, after.mediaType))) === null) return;
  void startManualScan(context, target, after.mediaType).catch((error: unknown) => {
    console.warn('[sequel-finder] The scan after a settings change failed to start:', error);
  });
}

async function startManualScan(context: BackgroundContext, target: ScanTarget, mediaType: MediaType): Promise<StartScanResult> {
  try {
    const { started } = await context.runner.start(target, mediaType, 'manual');
    if (started) return { started: true };
  } catch (error) {
    if (!(error instanceof BackgroundError && error.key === 'scanBusy')) throw error;
  }

  const job = await context.store.getJob();
  const userName = job?.target.userName ?? target.userName;
  const translate = createTranslator(backgroundCatalog, await context.locale());
  return { started: false, reason: 'already-running', userName, message: translate('scanAlreadyRunning', { name: userName }) };
}

/** Wraps each handler so that any error it throws becomes one sentence in the user's language. */
function withLocalizedErrors(handlers: RequestHandlers, context: BackgroundContext): RequestHandlers {
  const wrapped: Record<string, unknown> = {};
  for (const [type, handler] of Object.entries(handlers) as [string, (...args: unknown[]) => unknown][]) {
    wrapped[type] = async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        const locale = await context.locale().catch(() => 'en' as const);
        throw new Error(describeBackgroundError(error, locale), { cause: error });
      }
    };
  }
  return wrapped as RequestHandlers;
}

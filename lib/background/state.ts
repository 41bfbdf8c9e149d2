import { ignoredIds } from '../ignored/store';
import type { Locale } from '../i18n/locale';
import { unreadCount } from '../notifications/history';
import { type BackgroundState, loginStateOf, type MediaStatus } from '../messages/state';
import { reloginRequest } from './account';
import { nextPeriodicCheck } from './alarms';
import type { BackgroundContext } from './context';
import { describeBackgroundError } from './errors';
import { errorFromStored } from './failure';
import { mediaStatusOf, summaryOf } from './results';
import { scanStatusOf } from './scan-job';
import { currentResultKey } from './targets';

/** Builds the state the popup, the options page and content scripts read. It never contains the token. */
export async function buildState(context: BackgroundContext): Promise<{ state: BackgroundState; locale: Locale }> {
  const settings = await context.loadSettings();
  const session = await context.loadSession();
  const locale = await context.locale(settings);
  const now = context.now();

  const [job, ignored, unread, relogin, nextCheckAt] = await Promise.all([
    context.store.getJob(),
    ignoredIds(),
    unreadCount(),
    reloginRequest(context),
    nextPeriodicCheck(context.alarms),
  ]);
  const key = currentResultKey(settings, session);
  const result = key === null ? null : await context.store.getResult(key);

  const state: BackgroundState = {
    login: loginStateOf(session, now),
    scan: scanStatusOf(job, (error) => describeBackgroundError(errorFromStored(error), locale)),
    lastScan: result === null ? null : summaryOf(result, ignored),
    settings,
    unreadNotifications: unread,
    reloginRequested: session === null ? relogin : null,
    loginAvailable: isLoginAvailable(context),
    nextCheckAt: settings.scanIntervalMinutes === 0 ? null : nextCheckAt,
  };
  return { state, locale };
}

function isLoginAvailable(context: BackgroundContext): boolean {
  try {
    context.clientId();
    return true;
  } catch {
    return false;
  }
}

/** Returns the status of one media in the last scan of the followed list, for the page panel. */
export async function mediaStatus(context: BackgroundContext, mediaId: number): Promise<MediaStatus> {
  const settings = await context.loadSettings();
  const session = await context.loadSession();
  const key = currentResultKey(settings, session);
  const result = key === null ? null : await context.store.getResult(key);
  return mediaStatusOf(result, mediaId, await ignoredIds());
}

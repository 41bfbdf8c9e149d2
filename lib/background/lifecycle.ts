import type { Settings } from '../settings/schema';
import { logIn, warnOfExpiry } from './account';
import { ALARM_NAMES, syncPeriodicAlarm } from './alarms';
import type { BackgroundContext } from './context';
import { BackgroundError } from './errors';
import { markRead } from '../notifications/history';
import { parseNotificationId } from './notifier';
import { currentResultKey, currentTarget } from './targets';

/** Handlers of the browser events the background listens to: worker start, install, browser start, alarms and notification clicks. */

/** Makes the periodic alarm match the settings, timed from the last finished scan of the followed list. */
export async function syncAlarmsWithSettings(context: BackgroundContext, settings: Settings, force: boolean): Promise<void> {
  const key = currentResultKey(settings, await context.loadSession());
  const last = key === null ? null : await context.store.getResult(key);
  const plan = await syncPeriodicAlarm(context.alarms, settings.scanIntervalMinutes, last?.finishedAt ?? null, context.now(), force);
  if (plan.action !== 'keep') console.info('Periodic check alarm:', plan);
}

/**
 * Runs at every start of the worker, which Chrome stops when idle: puts the periodic alarm back
 * if it is missing, carries on a scan the last worker did not finish, and redraws the badge.
 */
export async function onWorkerStart(context: BackgroundContext): Promise<void> {
  const settings = await context.loadSettings();
  await syncAlarmsWithSettings(context, settings, false);
  await context.runner.resume(false);
  await warnOfExpiry(context).catch((error: unknown) => console.warn('Checking the token expiry failed.', error));
  context.refresh();
}

/** On install and update the alarm is created anew, since an update may have changed how it is set. */
export async function onInstalled(context: BackgroundContext): Promise<void> {
  await syncAlarmsWithSettings(context, await context.loadSettings(), true);
  context.refresh();
}

export async function onBrowserStartup(context: BackgroundContext): Promise<void> {
  await syncAlarmsWithSettings(context, await context.loadSettings(), false);
  context.refresh();
}

export async function onAlarm(context: BackgroundContext, name: string): Promise<void> {
  switch (name) {
    case ALARM_NAMES.periodic:
      await periodicCheck(context);
      return;
    case ALARM_NAMES.retry:
      await context.runner.resume(true);
      return;
    case ALARM_NAMES.watchdog:
      await context.runner.resume(false);
      return;
    default:
      console.warn(`An unknown alarm "${name}" fired and was ignored.`);
  }
}

/** Runs the periodic check: carries on a paused or stopped scan, or else starts a check of the followed list. */
async function periodicCheck(context: BackgroundContext): Promise<void> {
  await warnOfExpiry(context).catch((error: unknown) => console.warn('Checking the token expiry failed.', error));
  if (await context.runner.resume(true)) return;

  const settings = await context.loadSettings();
  const target = currentTarget(settings, await context.loadSession());
  if (target === null) return;
  try {
    await context.runner.start(target, settings.mediaType, 'alarm');
  } catch (error) {
    // A scan of another list (started from the popup) is running; the next check comes soon enough.
    if (!(error instanceof BackgroundError && error.key === 'scanBusy')) throw error;
  }
}

/** Opens the media of a clicked notification on anilist.co and marks it read, or starts the login that the notification offers. */
export async function onNotificationClicked(context: BackgroundContext, notificationId: string): Promise<void> {
  const target = parseNotificationId(notificationId);
  if (target === null) return;
  await context.notifications.clear(notificationId);

  if (target.kind === 'media') {
    await context.tabs.create({ url: target.url });
    await markRead([target.recordId]);
    context.refresh();
    return;
  }
  await logIn(context).catch((error: unknown) => console.warn('The login started from a notification did not finish.', error));
}

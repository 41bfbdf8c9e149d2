import type { Browser } from 'wxt/browser';

/**
 * The background's alarms. Alarms outlive the service worker and wake it, so they are how a
 * periodic check, a paused scan's retry and a scan cut off by a stopped worker come back.
 */

export const ALARM_NAMES = {
  /** The periodic check of the list, every `scanIntervalMinutes`. */
  periodic: 'sequel-finder:periodic-check',
  /** One retry of a paused scan, at its `retryAt`. */
  retry: 'sequel-finder:scan-retry',
  /** Wakes a stopped worker while a scan is running, so the scan goes on. */
  watchdog: 'sequel-finder:scan-watchdog',
} as const;

/** One minute, the shortest period Chrome allows packed extensions before version 120. */
export const WATCHDOG_PERIOD_MINUTES = 1;

export type AlarmsApi = Pick<typeof import('wxt/browser').browser.alarms, 'create' | 'clear' | 'get'>;
export type Alarm = Browser.alarms.Alarm;

export type PeriodicAlarmPlan =
  | { action: 'keep' }
  | { action: 'clear' }
  | { action: 'create'; delayInMinutes: number; periodInMinutes: number };

/**
 * Decides what to do with the periodic alarm. An alarm with the right period is kept, because
 * creating it again at every worker start would push the check back each time. A new alarm
 * fires one interval after the last check, or at once (one minute) when that time has passed.
 * @param lastCheckAt when the list was last checked, in ms since the epoch, or null.
 * @param force create the alarm even when one with the right period exists (after an update).
 */
export function planPeriodicAlarm(
  existing: Pick<Alarm, 'periodInMinutes'> | undefined,
  intervalMinutes: number,
  lastCheckAt: number | null,
  now: number,
  force = false,
): PeriodicAlarmPlan {
  if (intervalMinutes <= 0) return existing === undefined ? { action: 'keep' } : { action: 'clear' };
  if (!force && existing !== undefined && existing.periodInMinutes === intervalMinutes) return { action: 'keep' };

  let delayInMinutes = intervalMinutes;
  if (lastCheckAt !== null) {
    const minutesSince = Math.max(0, (now - lastCheckAt) / 60_000);
    delayInMinutes = Math.min(intervalMinutes, Math.max(1, Math.ceil(intervalMinutes - minutesSince)));
  }
  return { action: 'create', delayInMinutes, periodInMinutes: intervalMinutes };
}

/** Applies `planPeriodicAlarm` and returns the plan it applied. */
export async function syncPeriodicAlarm(
  alarms: AlarmsApi,
  intervalMinutes: number,
  lastCheckAt: number | null,
  now: number,
  force = false,
): Promise<PeriodicAlarmPlan> {
  const existing = await alarms.get(ALARM_NAMES.periodic);
  const plan = planPeriodicAlarm(existing ?? undefined, intervalMinutes, lastCheckAt, now, force);
  if (plan.action === 'clear') await alarms.clear(ALARM_NAMES.periodic);
  if (plan.action === 'create') {
    await alarms.create(ALARM_NAMES.periodic, { delayInMinutes: plan.delayInMinutes, periodInMinutes: plan.periodInMinutes });
  }
  return plan;
}

/** Returns when the periodic check fires next, or null when it is off. */
export async function nextPeriodicCheck(alarms: AlarmsApi): Promise<number | null> {
  const alarm = await alarms.get(ALARM_NAMES.periodic);
  return alarm?.scheduledTime ?? null;
}

/** Chrome fires an alarm no sooner than 30 s after it is created, except for unpacked extensions (Chrome 120+). */
export const MIN_ALARM_DELAY_MS = 30_000;

/** Schedules the retry alarm at `retryAt`, or at the browser's earliest alarm time. Returns when it fires. */
export async function scheduleRetry(alarms: AlarmsApi, retryAt: number, now: number): Promise<number> {
  const when = Math.max(retryAt, now + MIN_ALARM_DELAY_MS);
  await alarms.create(ALARM_NAMES.retry, { when });
  return when;
}

export async function clearRetry(alarms: AlarmsApi): Promise<void> {
  await alarms.clear(ALARM_NAMES.retry);
}

export async function startWatchdog(alarms: AlarmsApi): Promise<void> {
  await alarms.create(ALARM_NAMES.watchdog, { delayInMinutes: WATCHDOG_PERIOD_MINUTES, periodInMinutes: WATCHDOG_PERIOD_MINUTES });
}

export async function stopWatchdog(alarms: AlarmsApi): Promise<void> {
  await alarms.clear(ALARM_NAMES.watchdog);
}

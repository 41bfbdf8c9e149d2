import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ALARM_NAMES, clearRetry, MIN_ALARM_DELAY_MS, nextPeriodicCheck, planPeriodicAlarm, scheduleRetry, startWatchdog, stopWatchdog,
  syncPeriodicAlarm,
} from '../../lib/background/alarms';

const NOW = Date.UTC(2025, 0, 19, 12);
const MINUTE = 60_000;

describe('planPeriodicAlarm', () => {
  const cases = [
    { name: 'off with no alarm', existing: undefined, interval: 0, last: null, force: false, expected: { action: 'keep' } },
    { name: 'off with an alarm', existing: { periodInMinutes: 720 }, interval: 0, last: null, force: false, expected: { action: 'clear' } },
    { name: 'same period kept', existing: { periodInMinutes: 720 }, interval: 720, last: NOW, force: false, expected: { action: 'keep' } },
    { name: 'never checked', existing: undefined, interval: 720, last: null, force: false, expected: { action: 'create', delayInMinutes: 720, periodInMinutes: 720 } },
    { name: 'checked 2 h ago', existing: undefined, interval: 720, last: NOW - 120 * MINUTE, force: false, expected: { action: 'create', delayInMinutes: 600, periodInMinutes: 720 } },
    { name: 'check overdue', existing: undefined, interval: 60, last: NOW - 3 * 60 * MINUTE, force: false, expected: { action: 'create', delayInMinutes: 1, periodInMinutes: 60 } },
    { name: 'period changed', existing: { periodInMinutes: 720 }, interval: 1440, last: NOW, force: false, expected: { action: 'create', delayInMinutes: 1440, periodInMinutes: 1440 } },
    { name: 'forced after update', existing: { periodInMinutes: 720 }, interval: 720, last: NOW - 60 * MINUTE, force: true, expected: { action: 'create', delayInMinutes: 660, periodInMinutes: 720 } },
    { name: 'clock set back', existing: undefined, interval: 60, last: NOW + 30 * MINUTE, force: false, expected: { action: 'create', delayInMinutes: 60, periodInMinutes: 60 } },
  ];

  for (const { name, existing, interval, last, force, expected } of cases) {
    it(`plan when ${name}`, () => {
      expect(planPeriodicAlarm(existing, interval, last, NOW, force)).toEqual(expected);
    });
  }
});

describe('alarm scheduling', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('sync creates the periodic alarm', async () => {
    await syncPeriodicAlarm(fakeBrowser.alarms, 720, null, NOW);

    const alarm = await fakeBrowser.alarms.get(ALARM_NAMES.periodic);
    expect(alarm?.periodInMinutes).toBe(720);
    expect(await nextPeriodicCheck(fakeBrowser.alarms)).toBe(alarm?.scheduledTime);
  });

  it('sync keeps an existing schedule', async () => {
    await fakeBrowser.alarms.create(ALARM_NAMES.periodic, { when: NOW + 5 * MINUTE, periodInMinutes: 720 });

    expect(await syncPeriodicAlarm(fakeBrowser.alarms, 720, NOW - 60 * MINUTE, NOW)).toEqual({ action: 'keep' });

    expect((await fakeBrowser.alarms.get(ALARM_NAMES.periodic))?.scheduledTime).toBe(NOW + 5 * MINUTE);
  });

  it('sync clears when turned off', async () => {
    await fakeBrowser.alarms.create(ALARM_NAMES.periodic, { periodInMinutes: 720 });

    await syncPeriodicAlarm(fakeBrowser.alarms, 0, null, NOW);

    expect(await fakeBrowser.alarms.get(ALARM_NAMES.periodic)).toBeUndefined();
    expect(await nextPeriodicCheck(fakeBrowser.alarms)).toBeNull();
  });

  it('retry alarm fires once at its time', async () => {
    await scheduleRetry(fakeBrowser.alarms, NOW + 10 * MINUTE, NOW);

    const alarm = await fakeBrowser.alarms.get(ALARM_NAMES.retry);
    expect(alarm?.scheduledTime).toBe(NOW + 10 * MINUTE);
    expect(alarm?.periodInMinutes).toBeUndefined();
    await clearRetry(fakeBrowser.alarms);
    expect(await fakeBrowser.alarms.get(ALARM_NAMES.retry)).toBeUndefined();
  });

  const retryCases = [
    { name: '10 minutes', retryAt: NOW + 10 * MINUTE, firesAt: NOW + 10 * MINUTE },
    { name: '30 seconds', retryAt: NOW + 30_000, firesAt: NOW + 30_000 },
    { name: '5 seconds, browser minimum', retryAt: NOW + 5_000, firesAt: NOW + MIN_ALARM_DELAY_MS },
  ];

  for (const testCase of retryCases) {
    it(`retry alarm time: ${testCase.name}`, async () => {
      const firesAt = await scheduleRetry(fakeBrowser.alarms, testCase.retryAt, NOW);

      expect(firesAt).toBe(testCase.firesAt);
      expect((await fakeBrowser.alarms.get(ALARM_NAMES.retry))?.scheduledTime).toBe(testCase.firesAt);
    });
  }

  it('watchdog repeats every minute', async () => {
    await startWatchdog(fakeBrowser.alarms);

    expect((await fakeBrowser.alarms.get(ALARM_NAMES.watchdog))?.periodInMinutes).toBe(1);
    await stopWatchdog(fakeBrowser.alarms);
    expect(await fakeBrowser.alarms.get(ALARM_NAMES.watchdog)).toBeUndefined();
  });
});

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALARM_NAMES } from '../../lib/background/alarms';
import { BADGE_COLORS } from '../../lib/background/badge';
import { type Failure, type FakeAniList, startFakeAniList } from '../support/fake-anilist/index';
import { boilerplateSession, createHarness, type Harness, operations, T0 } from './support';

const MINUTE = 60_000;

let fake: FakeAniList;
let harness: Harness;

beforeAll(async () => {
  fake = await startFakeAniList();
});
afterAll(() => fake.close());

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  harness = createHarness(fake);
});

afterEach(async () => {
  await harness.settle();
  fake.reset();
  vi.restoreAllMocks();
});

async function scan(userName: string, ...failures: Failure[]): Promise<void> {
  fake.failNext(...failures);
  await harness.background.context.runner.start({ userId: null, userName }, 'ANIME', 'manual');
  await harness.settle();
}

describe('scan pauses when AniList is unavailable', () => {
  const cases: { name: string; failure: Failure; kind: string; retryAt: number; message: string }[] = [
    {
      name: 'rate limited',
      failure: { kind: 'rate-limit', retryAfter: 90 },
      kind: 'rate-limited',
      retryAt: T0 + 90_000,
      message: 'AniList is receiving too many requests and asks to wait 90 seconds before trying again.',
    },
    {
      name: 'API disabled',
      failure: { kind: 'api-disabled' },
      kind: 'api-disabled',
      retryAt: T0 + 30 * MINUTE,
      message: 'AniList has turned its API off for now, so try again later.',
    },
    {
      name: 'down (502)',
      failure: { kind: 'bad-gateway-html' },
      kind: 'server',
      retryAt: T0 + 10 * MINUTE,
      message: "AniList's servers did not answer properly even after several tries, so try again in a few minutes.",
    },
    {
      name: 'unreachable',
      failure: { kind: 'network' },
      kind: 'network',
      retryAt: T0 + 10 * MINUTE,
      message: 'AniList could not be reached, so check your internet connection and try again.',
    },
  ];

  for (const { name, failure, kind, retryAt, message } of cases) {
    it(`paused when ${name}`, async () => {
      await scan('Boilerplate', failure);

      const state = harness.broadcasts.at(-1);
      expect(state?.scan).toMatchObject({ phase: 'paused', userName: 'Boilerplate', retryAt, error: { kind, message } });
      expect((await fakeBrowser.alarms.get(ALARM_NAMES.retry))?.scheduledTime).toBe(retryAt);
      expect(await fakeBrowser.alarms.get(ALARM_NAMES.watchdog)).toBeUndefined();
      expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([232, 163, 61, 255]);
    });
  }

  it('short Retry-After keeps its time', async () => {
    await scan('Boilerplate', { kind: 'rate-limit', retryAfter: 5 });

    const scanState = harness.broadcasts.at(-1)?.scan;
    expect(scanState).toMatchObject({ phase: 'paused', retryAt: T0 + 5_000, retryAlarmAt: T0 + 30_000 });
    expect(scanState).toMatchObject({ error: { message: 'AniList is receiving too many requests and asks to wait 5 seconds before trying again.' } });
    expect((await fakeBrowser.alarms.get(ALARM_NAMES.retry))?.scheduledTime).toBe(T0 + 30_000);
  });

  it('hour-long Retry-After pauses at once', async () => {
    // A client that waits out rate limits in place, as in production.
    const createClient = harness.deps.createClient;
    harness.deps.createClient = (options) => createClient({ ...options, maxRateLimitRetries: 3 } as typeof options);

    await scan('Boilerplate', { kind: 'rate-limit', retryAfter: 3600 });

    const scanState = harness.broadcasts.at(-1)?.scan;
    expect(scanState).toMatchObject({ phase: 'paused', retryAt: T0 + 3_600_000, retryAlarmAt: T0 + 3_600_000 });
    expect(scanState).toMatchObject({ error: { kind: 'rate-limited' } });
    expect((await fakeBrowser.alarms.get(ALARM_NAMES.retry))?.scheduledTime).toBe(T0 + 3_600_000);
    expect(operations(fake)).toEqual(['UserList']);
  });

  it('periodic check carries a pause on', async () => {
    await scan('Boilerplate', { kind: 'api-disabled' });
    harness.clock.now = T0 + 5 * MINUTE;

    await harness.background.onAlarm(ALARM_NAMES.periodic);
    await harness.settle();

    expect(await harness.deps.store.getJob()).toBeNull();
    expect(harness.broadcasts.at(-1)?.lastScan?.totals.missing).toBe(10);
    expect(await fakeBrowser.alarms.get(ALARM_NAMES.retry)).toBeUndefined();
  });

  it('manual start carries a pause on', async () => {
    await scan('Boilerplate', { kind: 'server-error' });

    const { started } = await harness.background.context.runner.start({ userId: null, userName: 'boilerplate' }, 'ANIME', 'manual');
    await harness.settle();

    expect(started).toBe(true);
    expect(operations(fake)).toEqual(['UserList', 'UserList', 'MediaRelationsBatch']);
    expect((await harness.deps.store.getJob())).toBeNull();
  });
});

describe('scan fails for good', () => {
  it('unknown user fails', async () => {
    await scan('NobodyByThisName');

    expect(harness.broadcasts.at(-1)?.scan).toEqual({
      phase: 'failed',
      userName: 'NobodyByThisName',
      finishedAt: T0,
      error: { kind: 'not-found', message: 'AniList has no user with that name, so check the spelling of the user name.' },
    });
    expect(await fakeBrowser.alarms.get(ALARM_NAMES.retry)).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([232, 93, 117, 255]);
    expect(BADGE_COLORS.error).toBe('#E85D75');
  });

  it('private list fails in Portuguese', async () => {
    const portuguese = createHarness(fake, { uiLanguage: 'pt-BR' });
    harness = portuguese;

    await scan('PrivateUser');

    expect(portuguese.broadcasts.at(-1)?.scan).toMatchObject({
      phase: 'failed',
      error: {
        kind: 'private-user',
        message: 'A lista desse usuário é privada, então faça login como ele ou peça para ele deixar a lista pública.',
      },
    });
  });

  it('next start replaces a failed scan', async () => {
    await scan('NobodyByThisName');

    await harness.background.context.runner.start({ userId: null, userName: 'Boilerplate' }, 'ANIME', 'manual');
    await harness.settle();

    expect(harness.broadcasts.at(-1)?.scan).toEqual({ phase: 'idle' });
  });

  it('own scan without login fails', async () => {
    await harness.background.context.runner.start({ userId: 5001, userName: 'Boilerplate' }, 'ANIME', 'manual');
    await harness.settle();

    const scanState = harness.broadcasts.at(-1)?.scan;
    expect(scanState).toMatchObject({ phase: 'failed', error: { kind: 'loginRequired', message: 'This needs an AniList login, so log in first.' } });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('own list scan', () => {
  it('refreshes the viewer first', async () => {
    await harness.deps.saveSession({ ...boilerplateSession(), viewer: { ...boilerplateSession().viewer, titleLanguage: 'NATIVE' } });

    await harness.background.context.runner.start({ userId: 5001, userName: 'Boilerplate' }, 'ANIME', 'manual');
    await harness.settle();

    expect(operations(fake)).toEqual(['Viewer', 'UserList', 'MediaRelationsBatch']);
    expect((await harness.session())?.viewer.titleLanguage).toBe('ROMAJI');
    expect(fake.requests[1]?.variables).toMatchObject({ userId: 5001, type: 'ANIME' });
  });
});

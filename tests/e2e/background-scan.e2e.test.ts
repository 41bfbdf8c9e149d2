import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { ExtensionGlobal } from './support/browser';
import {
  badgeText, dropFromList, E2E_EXTENSION_DIR, getState, graphqlPosts, notificationIds, openRequestPage, operationNames,
  requestFromPage,
} from './support/background';
import { type E2eEnvironment, startE2eEnvironment } from './support/environment';

// Kimi ni Todoke season 2 is on Boilerplate's list; once it is removed it is a new missing sequel.
const KIMI_NI_TODOKE_S2 = 9656;
const PERIODIC_ALARM = 'sequel-finder:periodic-check';

let env: E2eEnvironment;
let page: Page;

beforeAll(async () => {
  env = await startE2eEnvironment({ extensionDir: E2E_EXTENSION_DIR });
  page = await openRequestPage(env);
});

afterAll(async () => {
  await env?.close();
});

describe('background scan in Chromium', () => {
  it('typed user name is scanned', async () => {
    expect(await requestFromPage(page, { type: 'startScan', userName: 'Boilerplate' })).toEqual({ started: true });

    await expect.poll(async () => (await getState(page)).lastScan?.missing.length, { timeout: 15_000 }).toBe(10);
    const state = await getState(page);
    expect(state.scan).toEqual({ phase: 'idle' });
    expect(state.settings.scanUserName).toBe('Boilerplate');
    expect(state.lastScan?.totals.byAvailability).toEqual({ available: 6, announced: 4 });
    expect(operationNames(env.fake)).toEqual(['UserList', 'MediaRelationsBatch']);
    expect(await badgeText(env.session.worker)).toBe('6');
  });

  it('scan requests carry the Referer', () => {
    const posts = graphqlPosts(env);

    expect(posts.length).toBeGreaterThanOrEqual(2);
    for (const post of posts) {
      expect(post.headers.referer).toBe('https://anilist.co/');
      expect(post.headers.origin).toBe(`chrome-extension://${env.session.extensionId}`);
    }
    expect(env.fake.requests.every((request) => request.status === 200)).toBe(true);
  });

  it('periodic alarm notifies a new sequel', async () => {
    dropFromList(env.fake, 'Boilerplate', [KIMI_NI_TODOKE_S2]);
    env.fake.requests.length = 0;

    // Unpacked extensions may set alarms less than a minute ahead, so the real alarm fires in the test.
    await env.session.worker.evaluate(async (name) => {
      await (globalThis as ExtensionGlobal).chrome.alarms.create(name, { when: Date.now() + 200, periodInMinutes: 720 });
    }, PERIODIC_ALARM);

    await expect.poll(() => notificationIds(env.session.worker), { timeout: 15_000 }).toEqual([
      `sequel-finder|ANIME|${KIMI_NI_TODOKE_S2}|new-sequels:${KIMI_NI_TODOKE_S2}`,
    ]);
    expect(operationNames(env.fake)[0]).toBe('UserList');
    const history = await requestFromPage<{ items: { kind: string; mediaIds: number[]; read: boolean }[]; unread: number }>(page, {
      type: 'getNotifications',
    });
    expect(history.unread).toBe(1);
    expect(history.items).toMatchObject([{ kind: 'new-sequels', mediaIds: [KIMI_NI_TODOKE_S2], read: false }]);
    expect((await getState(page)).nextCheckAt).toBeGreaterThan(Date.now());
  });
});

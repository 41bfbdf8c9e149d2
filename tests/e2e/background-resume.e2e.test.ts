import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import {
  dropFromList, E2E_EXTENSION_DIR, getState, graphqlPosts, openRequestPage, operationNames, relationIds, requestFromPage,
} from './support/background';
import { type E2eEnvironment, startE2eEnvironment } from './support/environment';

// Without Kimi ni Todoke season 2 (9656) on Boilerplate's list, the scan needs a second round of
// relations for season 3 (168872), which season 2 leads to.
const KIMI_NI_TODOKE_S2 = 9656;
const KIMI_NI_TODOKE_S3 = 168872;
/** Long enough that the worker is stopped while the second round's request is unanswered. */
const SLOW_MS = 1_500;

let env: E2eEnvironment;
let page: Page;

beforeAll(async () => {
  env = await startE2eEnvironment({ extensionDir: E2E_EXTENSION_DIR });
  page = await openRequestPage(env);
});

afterAll(async () => {
  await env?.close();
});

describe('scan across a stopped worker', () => {
  it('resumes without refetching', async () => {
    dropFromList(env.fake, 'Boilerplate', [KIMI_NI_TODOKE_S2]);
    env.fake.failAlways({ kind: 'slow', ms: SLOW_MS });
    await env.session.worker.evaluate(() => {
      (globalThis as { e2eMarker?: string }).e2eMarker = 'first worker';
    });

    expect(await requestFromPage(page, { type: 'startScan', userName: 'Boilerplate' })).toEqual({ started: true });
    // The second relation round is sent only after the first round's records are cached.
    await expect.poll(() => relationIds(env.fake).length, { timeout: 20_000, interval: 50 }).toBe(2);
    const running = await getState(page);
    expect(running.scan.phase).toBe('running');

    const worker = await env.session.restartWorker();
    expect(await worker.evaluate(() => (globalThis as { e2eMarker?: string }).e2eMarker)).toBeUndefined();
    env.fake.failAlways(null);

    await expect.poll(async () => (await getState(page)).scan.phase, { timeout: 20_000 }).toBe('idle');
    const state = await getState(page);
    expect(state.lastScan?.missing.map((item) => item.media.id)).toContain(KIMI_NI_TODOKE_S3);

    expect(operationNames(env.fake).filter((name) => name === 'UserList')).toHaveLength(1);
    const rounds = relationIds(env.fake);
    expect(rounds).toHaveLength(3);
    expect(rounds[1]).toEqual([KIMI_NI_TODOKE_S3]);
    // Only the request left unanswered by the stopped worker is sent again.
    expect(rounds[2]).toEqual(rounds[1]);
    expect(rounds[0]).toContain(KIMI_NI_TODOKE_S2);
    for (const post of graphqlPosts(env)) expect(post.headers.referer).toBe('https://anilist.co/');
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { LoginState } from '../../lib/messages/state';
import { SITE_HOST } from './support/anilist-front';
import type { ExtensionGlobal } from './support/browser';
import {
  E2E_CLIENT_ID, E2E_EXTENSION_DIR, getState, graphqlPosts, notificationIds, openRequestPage, sendFromPage,
} from './support/background';
import { type E2eEnvironment, startE2eEnvironment } from './support/environment';
import { AUTHORIZE_PATH } from './support/fake-oauth';

let env: E2eEnvironment;
let page: Page;
let redirectUrl: string;

beforeAll(async () => {
  env = await startE2eEnvironment({ extensionDir: E2E_EXTENSION_DIR });
  page = await openRequestPage(env);
  redirectUrl = await env.session.worker.evaluate(() => (globalThis as ExtensionGlobal).chrome.identity.getRedirectURL());
  env.front.oauth.redirectUrl = redirectUrl;
});

afterAll(async () => {
  await env?.close();
});

beforeEach(() => {
  env.front.oauth.outcome = 'grant';
  env.fake.reset();
  env.front.requests.length = 0;
});

function authorizeQueries(): URLSearchParams[] {
  return env.front.requests
    .filter((request) => request.host === SITE_HOST && request.path.startsWith(AUTHORIZE_PATH))
    .map((request) => new URL(request.path, 'https://anilist.co').searchParams);
}

describe('login through launchWebAuthFlow', () => {
  it('declined login stays logged out', async () => {
    env.front.oauth.outcome = 'deny';

    const result = await sendFromPage(page, { type: 'login' });

    expect(result).toEqual({
      ok: false,
      error: { kind: 'failed', message: 'The login was declined on AniList, so the extension was not authorized.' },
    });
    expect((await getState(page)).login).toBeNull();
  });

  it('login reads the viewer and scans', async () => {
    const result = await sendFromPage<LoginState>(page, { type: 'login' });

    expect(result.ok).toBe(true);
    const login = result.ok ? result.value : null;
    expect(login?.viewer).toMatchObject({ id: 5001, name: 'Boilerplate', titleLanguage: 'ROMAJI', scoreFormat: 'POINT_100' });
    expect(login?.expiry).toBe('valid');
    const [query] = authorizeQueries();
    expect(query?.get('client_id')).toBe(E2E_CLIENT_ID);
    expect(query?.get('response_type')).toBe('token');
    expect(query?.get('redirect_uri')).toBe(redirectUrl);
    expect(query?.get('state')).toMatch(/^[0-9a-f]{32}$/);

    await expect.poll(async () => (await getState(page)).lastScan?.missing.length, { timeout: 15_000 }).toBe(10);
    const state = await getState(page);
    expect(state.login?.viewer.name).toBe('Boilerplate');
    expect(JSON.stringify(state)).not.toContain('fake-token');
    const posts = graphqlPosts(env);
    expect(posts.map((post) => JSON.parse(post.body).query.match(/^\s*(?:query|mutation) (\w+)/)?.[1])).toEqual([
      'Viewer', 'UserList', 'MediaRelationsBatch',
    ]);
    for (const post of posts) {
      expect(post.headers.authorization).toBe('Bearer fake-token-boilerplate');
      expect(post.headers.referer).toBe('https://anilist.co/');
    }
  });

  it('invalid token logs out and asks once', async () => {
    env.fake.failNext({ kind: 'invalid-token' });

    await sendFromPage(page, { type: 'startScan' });

    await expect.poll(async () => (await getState(page)).login, { timeout: 15_000 }).toBeNull();
    const state = await getState(page);
    expect(state.reloginRequested?.userName).toBe('Boilerplate');
    expect(state.lastScan).toBeNull();
    expect(await notificationIds(env.session.worker)).toContain('sequel-finder|relogin');
  });

  it('logout after a new login wipes the results', async () => {
    await sendFromPage(page, { type: 'login' });
    await expect.poll(async () => (await getState(page)).lastScan?.missing.length, { timeout: 15_000 }).toBe(10);

    expect(await sendFromPage(page, { type: 'logout' })).toEqual({ ok: true, value: null });

    const state = await getState(page);
    expect(state.login).toBeNull();
    expect(state.lastScan).toBeNull();
    expect(state.reloginRequested).toBeNull();
    expect(state.scan).toEqual({ phase: 'idle' });
  });
});

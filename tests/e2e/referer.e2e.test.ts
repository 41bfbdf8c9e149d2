import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page, WebWorker } from 'puppeteer';
import { GRAPHQL_HOST, type FrontRequest } from './support/anilist-front';
import type { ExtensionGlobal } from './support/browser';
import { type E2eEnvironment, startE2eEnvironment } from './support/environment';
import { type GraphQLPost, USER_QUERY, VIEWER_QUERY, postGraphQL } from './support/graphql-post';

const PAGE_PATH = '/e2e/blank';
const REFERER_RULE_ID = 1;
/** A second rule that the control test adds for a moment: the Referer rule without its initiator condition. */
const CONTROL_RULE_ID = 900;

let env: E2eEnvironment;
let page: Page;

beforeAll(async () => {
  env = await startE2eEnvironment({
    pages: [[PAGE_PATH, '<!doctype html><title>AniList page</title><p>An ordinary web page.</p>']],
  });
  page = await env.session.browser.newPage();
  await page.goto(`https://anilist.co${PAGE_PATH}`);
});

afterAll(async () => {
  await env?.close();
});

beforeEach(() => {
  env.fake.reset();
  env.front.requests.length = 0;
});

/** Returns the GraphQL POSTs that reached graphql.anilist.co, as Chromium sent them, without CORS preflights. */
function graphqlPosts(): FrontRequest[] {
  return env.front.requests.filter((request) => request.host === GRAPHQL_HOST && request.method === 'POST');
}

function sessionRuleIds(worker: WebWorker): Promise<number[]> {
  return worker.evaluate(async () => {
    const rules = await (globalThis as ExtensionGlobal).chrome.declarativeNetRequest.getSessionRules();
    return rules.map((rule) => rule.id);
  });
}

function removeSessionRule(worker: WebWorker, ruleId: number): Promise<void> {
  return worker.evaluate(
    (id) => (globalThis as ExtensionGlobal).chrome.declarativeNetRequest.updateSessionRules({ removeRuleIds: [id] }),
    ruleId,
  );
}

describe('Referer rule in the service worker', () => {
  const cases: { name: string; request: GraphQLPost; field: 'User' | 'Viewer' }[] = [
    {
      name: 'anonymous User query',
      request: { query: USER_QUERY, variables: { name: 'Boilerplate' } },
      field: 'User',
    },
    {
      name: 'Viewer query with token',
      request: { query: VIEWER_QUERY, headers: { Authorization: 'Bearer fake-token-boilerplate' } },
      field: 'Viewer',
    },
  ];

  for (const { name, request, field } of cases) {
    it(`worker ${name} gets Referer`, async () => {
      const answer = await env.session.worker.evaluate(postGraphQL, request);

      expect(answer.status).toBe(200);
      const body = JSON.parse(answer.body) as { data: Record<string, { id: number; name: string }> };
      expect(body.data[field]).toEqual({ id: 5001, name: 'Boilerplate' });

      const posts = graphqlPosts();
      expect(posts).toHaveLength(1);
      expect(posts[0]?.headers.referer).toBe('https://anilist.co/');
      expect(posts[0]?.headers.origin).toBe(`chrome-extension://${env.session.extensionId}`);
      expect(posts[0]?.headers.authorization).toBe(request.headers?.Authorization);

      const received = env.fake.requests.filter((record) => record.operationName !== null);
      expect(received).toHaveLength(1);
      expect(received[0]?.headers.referer).toBe('https://anilist.co/');
      expect(received[0]?.status).toBe(200);
    });
  }
});

describe('Referer rule and web pages', () => {
  const request: GraphQLPost = { query: USER_QUERY, variables: { name: 'Boilerplate' }, referrerPolicy: 'no-referrer' };

  it('page request gets no Referer', async () => {
    const answer = await page.evaluate(postGraphQL, request);

    expect(answer.status).toBe(403);
    expect(answer.body).toContain('API has been temporarily disabled');
    const posts = graphqlPosts();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers.origin).toBe('https://anilist.co');
    expect(posts[0]?.headers.referer).toBeUndefined();
  });

  // The extension has no host access to anilist.co, and declarativeNetRequestWithHostAccess needs
  // it for the request's initiator too, so even a rule without the initiator condition leaves the
  // pages' own requests alone.
  it('rule without initiator misses pages', async () => {
    await env.session.worker.evaluate(async (ruleId) => {
      const { chrome } = globalThis as ExtensionGlobal;
      await chrome.declarativeNetRequest.updateSessionRules({
        removeRuleIds: [ruleId],
        addRules: [
          {
            id: ruleId,
            action: {
              type: 'modifyHeaders',
              requestHeaders: [{ header: 'Referer', operation: 'set', value: 'https://anilist.co/' }],
            },
            condition: { urlFilter: '||graphql.anilist.co/', resourceTypes: ['xmlhttprequest', 'other'] },
          },
        ],
      });
    }, CONTROL_RULE_ID);

    try {
      const answer = await page.evaluate(postGraphQL, request);

      expect(answer.status).toBe(403);
      const posts = graphqlPosts();
      expect(posts).toHaveLength(1);
      expect(posts[0]?.headers.referer).toBeUndefined();
    } finally {
      await removeSessionRule(env.session.worker, CONTROL_RULE_ID);
    }
  });
});

describe('Referer rule lifecycle', () => {
  // These tests remove the rule: a worker restart puts it back for whatever runs next.
  afterEach(async () => {
    if (!(await sessionRuleIds(env.session.worker)).includes(REFERER_RULE_ID)) {
      const worker = await env.session.restartWorker();
      await expect.poll(() => sessionRuleIds(worker)).toEqual([REFERER_RULE_ID]);
    }
  });

  it('worker Referer dropped without rule', async () => {
    await removeSessionRule(env.session.worker, REFERER_RULE_ID);

    // Chromium drops both ways a page could name the Referer itself.
    const answer = await env.session.worker.evaluate(postGraphQL, {
      query: USER_QUERY,
      variables: { name: 'Boilerplate' },
      headers: { Referer: 'https://anilist.co/' },
      referrer: 'https://anilist.co/',
    });

    expect(answer.status).toBe(403);
    const posts = graphqlPosts();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers.referer).toBeUndefined();
  });

  it('worker restart reinstalls rule', async () => {
    await removeSessionRule(env.session.worker, REFERER_RULE_ID);
    await env.session.worker.evaluate(() => {
      (globalThis as { e2eMarker?: string }).e2eMarker = 'before restart';
    });

    const worker = await env.session.restartWorker();

    expect(await worker.evaluate(() => (globalThis as { e2eMarker?: string }).e2eMarker)).toBeUndefined();
    // The worker installs the rule asynchronously after it starts.
    await expect.poll(() => sessionRuleIds(worker)).toEqual([REFERER_RULE_ID]);

    const answer = await worker.evaluate(postGraphQL, { query: USER_QUERY, variables: { name: 'Boilerplate' } });

    expect(answer.status).toBe(200);
    expect(graphqlPosts()[0]?.headers.referer).toBe('https://anilist.co/');
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SITE_HOST } from './support/anilist-front';
import type { ExtensionGlobal } from './support/browser';
import { type E2eEnvironment, startE2eEnvironment } from './support/environment';
import { AUTHORIZE_PATH, type AuthorizeOutcome } from './support/fake-oauth';
import { VIEWER_QUERY, postGraphQL } from './support/graphql-post';

const AUTHORIZE_URL = 'https://anilist.co/api/v2/oauth/authorize?client_id=1&response_type=token&state=abc';

let env: E2eEnvironment;
let redirectUrl: string;

interface FlowResult {
  url?: string;
  error?: string;
}

/** Runs launchWebAuthFlow in the service worker and returns the URL it resolves with, or its error message. */
function launchWebAuthFlow(url: string, interactive: boolean): Promise<FlowResult> {
  return env.session.worker.evaluate(
    async (flowUrl, flowInteractive) => {
      const { chrome } = globalThis as ExtensionGlobal;
      try {
        return { url: await chrome.identity.launchWebAuthFlow({ url: flowUrl, interactive: flowInteractive }) };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
    url,
    interactive,
  );
}

function fragmentOf(url: string | undefined): URLSearchParams {
  expect(url).toBeDefined();
  return new URLSearchParams(new URL(url ?? '').hash.slice(1));
}

beforeAll(async () => {
  env = await startE2eEnvironment();
  redirectUrl = await env.session.worker.evaluate(() => (globalThis as ExtensionGlobal).chrome.identity.getRedirectURL());
  env.front.oauth.redirectUrl = redirectUrl;
});

afterAll(async () => {
  await env?.close();
});

beforeEach(() => {
  env.front.requests.length = 0;
  env.front.oauth.outcome = 'grant';
});

describe('launchWebAuthFlow against the fake authorize page', () => {
  it('redirect URL uses chromiumapp.org', () => {
    expect(redirectUrl).toBe(`https://${env.session.extensionId}.chromiumapp.org/`);
  });

  const redirectCases: { outcome: AuthorizeOutcome; token: string | null; error: string | null; state: string }[] = [
    { outcome: 'grant', token: 'fake-token-boilerplate', error: null, state: 'abc' },
    { outcome: 'deny', token: null, error: 'access_denied', state: 'abc' },
    { outcome: 'wrong-state', token: 'fake-token-boilerplate', error: null, state: 'abc-not-the-requested-state' },
  ];

  for (const { outcome, token, error, state } of redirectCases) {
    it(`flow resolves on ${outcome}`, async () => {
      env.front.oauth.outcome = outcome;

      const result = await launchWebAuthFlow(AUTHORIZE_URL, true);

      expect(result.error).toBeUndefined();
      expect(result.url?.startsWith(redirectUrl)).toBe(true);
      const fragment = fragmentOf(result.url);
      expect(fragment.get('access_token')).toBe(token);
      expect(fragment.get('error')).toBe(error);
      expect(fragment.get('state')).toBe(state);
      if (token !== null) {
        expect(fragment.get('token_type')).toBe('Bearer');
        expect(fragment.get('expires_in')).toBe('31536000');
      }

      const authorizeRequests = env.front.requests.filter(
        (request) => request.host === SITE_HOST && request.path.startsWith(AUTHORIZE_PATH),
      );
      expect(authorizeRequests).toHaveLength(1);
      const query = new URL(authorizeRequests[0]?.path ?? '', 'https://anilist.co').searchParams;
      expect(query.get('client_id')).toBe('1');
      expect(query.get('response_type')).toBe('token');
      expect(query.get('state')).toBe('abc');
    });
  }

  it('silent flow rejects on login page', async () => {
    env.front.oauth.outcome = 'login-page';

    const result = await launchWebAuthFlow(AUTHORIZE_URL, false);

    expect(result.url).toBeUndefined();
    expect(result.error).toMatch(/interaction required/i);
  });

  it('granted token authenticates Viewer', async () => {
    const result = await launchWebAuthFlow(AUTHORIZE_URL, true);
    const token = fragmentOf(result.url).get('access_token');
    expect(token).not.toBeNull();

    const answer = await env.session.worker.evaluate(postGraphQL, {
      query: VIEWER_QUERY,
      headers: { Authorization: `Bearer ${token ?? ''}` },
    });

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { Viewer: { id: 5001, name: 'Boilerplate' } } });
  });
});

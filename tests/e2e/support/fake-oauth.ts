/**
 * The AniList implicit-grant authorize endpoint, as the e2e tests need it: it skips the login
 * form and the consent page and redirects at once, like AniList does for a user who is logged in
 * and has approved the client before.
 */

export const AUTHORIZE_PATH = '/api/v2/oauth/authorize';
export const DEFAULT_ACCESS_TOKEN = 'fake-token-boilerplate';
/** One year in seconds, the lifetime AniList gives implicit-grant tokens. */
export const TOKEN_LIFETIME_SECONDS = 31_536_000;

/**
 * - `grant`: redirect with the access token and the request's state.
 * - `deny`: redirect with `error=access_denied`, as when the user clicks Cancel.
 * - `wrong-state`: redirect with the access token and a state that differs from the request's.
 * - `login-page`: respond 200 with an HTML login form and no redirect, as for a logged-out user.
 */
export type AuthorizeOutcome = 'grant' | 'deny' | 'wrong-state' | 'login-page';

export interface OAuthSettings {
  /** The client's registered redirect URL, e.g. `https://<extension-id>.chromiumapp.org/`. With null the endpoint responds 400. */
  redirectUrl: string | null;
  outcome: AuthorizeOutcome;
  accessToken: string;
}

export interface AuthorizeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function defaultOAuthSettings(): OAuthSettings {
  return { redirectUrl: null, outcome: 'grant', accessToken: DEFAULT_ACCESS_TOKEN };
}

/** Builds the response to `GET /api/v2/oauth/authorize?client_id=..&response_type=token&state=..`. */
export function buildAuthorizeResponse(query: URLSearchParams, settings: OAuthSettings): AuthorizeResponse {
  const clientId = query.get('client_id');
  const responseType = query.get('response_type');
  const state = query.get('state');

  if (clientId === null || clientId === '') {
    return textResponse(400, 'invalid_request: the client_id parameter is missing.');
  }
  if (responseType !== 'token') {
    return textResponse(400, `unsupported_response_type: expected "token", got "${responseType ?? ''}".`);
  }
  if (settings.redirectUrl === null) {
    return textResponse(400, 'invalid_client: the test registered no redirect URL (set oauth.redirectUrl).');
  }
  if (settings.outcome === 'login-page') {
    const form = '<!doctype html><title>Login</title><form method="post"><input name="email"></form>';
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: form };
  }

  const fragment = new URLSearchParams();
  if (settings.outcome === 'deny') {
    fragment.set('error', 'access_denied');
  } else {
    fragment.set('access_token', settings.accessToken);
    fragment.set('token_type', 'Bearer');
    fragment.set('expires_in', String(TOKEN_LIFETIME_SECONDS));
  }
  if (settings.outcome === 'wrong-state') {
    fragment.set('state', `${state ?? ''}-not-the-requested-state`);
  } else if (state !== null) {
    fragment.set('state', state);
  }

  const location = `${settings.redirectUrl.split('#')[0]}#${fragment.toString()}`;
  return { status: 302, headers: { location }, body: '' };
}

function textResponse(status: number, body: string): AuthorizeResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

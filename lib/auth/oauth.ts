/**
 * AniList's OAuth implicit grant: the authorize URL the login window opens, and the parsing of
 * the redirect URL it ends on. AniList puts the token in the URL fragment
 * (`#access_token=…&token_type=Bearer&expires_in=31536000`) and has no refresh tokens, so the
 * user logs in again once the token expires.
 */

export const ANILIST_AUTHORIZE_URL = 'https://anilist.co/api/v2/oauth/authorize';

/** The lifetime AniList gives its tokens (one year), used when a redirect has no `expires_in`. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 365 * 24 * 60 * 60;

export interface AuthorizeUrlOptions {
  clientId: string;
  /** The extension's redirect URL, from `browser.identity.getRedirectURL()`. */
  redirectUri: string;
  /** A fresh value from `createState()`, checked again by `parseRedirect`. */
  state: string;
}

/** Builds the URL that starts AniList's implicit grant. */
export function buildAuthorizeUrl(options: AuthorizeUrlOptions): string {
  const url = new URL(ANILIST_AUTHORIZE_URL);
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('response_type', 'token');
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('state', options.state);
  return url.toString();
}

/** Creates a 128-bit random state as 32 lowercase hex digits. */
export function createState(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export type LoginErrorKind = 'cancelled' | 'denied' | 'state-mismatch' | 'malformed';

/** A login that produced no token, sorted into the kinds the popup words differently. */
export class LoginError extends Error {
  override readonly name = 'LoginError';
  readonly kind: LoginErrorKind;

  constructor(kind: LoginErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

export interface LoginToken {
  token: string;
  /** When the token stops working, in ms since the epoch. */
  expiresAt: number;
}

/**
 * Reads the token from the URL the login window was redirected to. An absent URL is `cancelled`:
 * the caller passes none when `launchWebAuthFlow` returned nothing or failed because the user
 * closed the window. A refusal is OAuth's `error=access_denied`, looked for in both the query and
 * the fragment because AniList's docs do not say which one it uses.
 * @throws LoginError when the redirect carries no usable token.
 */
export function parseRedirect(url: string | null | undefined, expectedState: string, now = Date.now()): LoginToken {
  if (url === null || url === undefined || url.trim() === '') {
    throw new LoginError('cancelled', 'The AniList login window was closed before the login finished.');
  }

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new LoginError('malformed', 'The AniList login ended on an address that is not a valid URL.');
  }
  const fragment = new URLSearchParams(parsed.hash.replace(/^#/, ''));
  const query = parsed.searchParams;
  const read = (name: string): string | null => fragment.get(name) ?? query.get(name);

  const error = read('error');
  if (error === 'access_denied') {
    throw new LoginError('denied', 'The AniList login was declined, so the extension was not authorized.');
  }
  if (error !== null) {
    const description = read('error_description');
    throw new LoginError(
      'malformed',
      `AniList ended the login with the error "${error}"${description ? `: ${description}` : ''}.`,
    );
  }

  // Checked before the token is read, so a token that arrived for another login attempt is never used.
  if (read('state') !== expectedState) {
    throw new LoginError(
      'state-mismatch',
      'The AniList login answered a different login attempt than this one; log in again.',
    );
  }

  const token = fragment.get('access_token');
  if (token === null || token.trim() === '') {
    throw new LoginError('malformed', 'The AniList login redirect has no access_token in its URL fragment.');
  }
  const tokenType = fragment.get('token_type');
  if (tokenType !== null && tokenType.toLowerCase() !== 'bearer') {
    throw new LoginError('malformed', `The AniList login returned a "${tokenType}" token; only Bearer tokens are supported.`);
  }

  return { token, expiresAt: now + readLifetimeSeconds(fragment.get('expires_in')) * 1000 };
}

function readLifetimeSeconds(value: string | null): number {
  if (value === null) return DEFAULT_TOKEN_LIFETIME_SECONDS;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new LoginError('malformed', `The AniList login returned an invalid expires_in of "${value}" seconds.`);
  }
  return seconds;
}

import { describe, expect, it } from 'vitest';
import {
  buildAuthorizeUrl, createState, DEFAULT_TOKEN_LIFETIME_SECONDS, LoginError, type LoginErrorKind, parseRedirect,
} from '../../lib/auth/oauth';

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';
const STATE = '0123456789abcdef0123456789abcdef';
const NOW = Date.UTC(2024, 6, 8);
// A JWT-shaped token, as AniList issues, with dots and base64url characters.
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln-_';

function loginError(run: () => unknown): LoginError {
  try {
    run();
  } catch (error) {
    if (error instanceof LoginError) return error;
    throw error;
  }
  throw new Error('expected a LoginError, but the call returned');
}

describe('buildAuthorizeUrl', () => {
  it('builds the implicit grant URL', () => {
    const url = new URL(buildAuthorizeUrl({ clientId: '21811', redirectUri: REDIRECT, state: STATE }));
    expect(url.origin + url.pathname).toBe('https://anilist.co/api/v2/oauth/authorize');
    expect(url.searchParams.get('client_id')).toBe('21811');
    expect(url.searchParams.get('response_type')).toBe('token');
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(url.searchParams.get('state')).toBe(STATE);
  });

  it('encodes the redirect URI', () => {
    const firefoxRedirect = 'https://0f5e6c8a1b2c3d4e.extensions.allizom.org/';
    const text = buildAuthorizeUrl({ clientId: '1', redirectUri: firefoxRedirect, state: STATE });
    expect(text).toContain('redirect_uri=https%3A%2F%2F0f5e6c8a1b2c3d4e.extensions.allizom.org%2F');
  });
});

describe('createState', () => {
  it('returns 128 bits as hex', () => {
    expect(createState()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('differs between calls', () => {
    const states = new Set(Array.from({ length: 20 }, () => createState()));
    expect(states.size).toBe(20);
  });
});

describe('parseRedirect success', () => {
  it('reads the token and AniList lifetime', () => {
    const url = `${REDIRECT}#access_token=${TOKEN}&token_type=Bearer&expires_in=31536000&state=${STATE}`;
    const result = parseRedirect(url, STATE, NOW);
    expect(result.token).toBe(TOKEN);
    expect(result.expiresAt).toBe(NOW + 31_536_000_000);
  });

  it('defaults a missing expires_in to a year', () => {
    const result = parseRedirect(`${REDIRECT}#access_token=${TOKEN}&state=${STATE}`, STATE, NOW);
    expect(result.expiresAt).toBe(NOW + DEFAULT_TOKEN_LIFETIME_SECONDS * 1000);
  });

  it('accepts a lowercase bearer token type', () => {
    const url = `${REDIRECT}#access_token=${TOKEN}&token_type=bearer&expires_in=3600&state=${STATE}`;
    expect(parseRedirect(url, STATE, NOW).expiresAt).toBe(NOW + 3_600_000);
  });

  it('decodes percent-encoded values', () => {
    const url = `${REDIRECT}#access_token=a%2Bb%3D&expires_in=60&state=${STATE}`;
    expect(parseRedirect(url, STATE, NOW).token).toBe('a+b=');
  });
});

describe('parseRedirect failures', () => {
  const cases: { name: string; url: string | null | undefined; kind: LoginErrorKind }[] = [
    { name: 'no URL when the window closed', url: undefined, kind: 'cancelled' },
    { name: 'null URL', url: null, kind: 'cancelled' },
    { name: 'empty URL', url: '  ', kind: 'cancelled' },
    { name: 'denial in the query', url: `${REDIRECT}?state=${STATE}&error=access_denied&error_description=The+resource+owner+denied+the+request.`, kind: 'denied' },
    { name: 'denial in the fragment', url: `${REDIRECT}#error=access_denied&state=${STATE}`, kind: 'denied' },
    { name: 'other provider error', url: `${REDIRECT}?error=invalid_client&error_description=Client+authentication+failed`, kind: 'malformed' },
    { name: 'state of another attempt', url: `${REDIRECT}#access_token=${TOKEN}&state=ffffffffffffffffffffffffffffffff`, kind: 'state-mismatch' },
    { name: 'state missing', url: `${REDIRECT}#access_token=${TOKEN}&token_type=Bearer`, kind: 'state-mismatch' },
    { name: 'token only in the query', url: `${REDIRECT}?access_token=${TOKEN}&state=${STATE}`, kind: 'malformed' },
    { name: 'empty token', url: `${REDIRECT}#access_token=&state=${STATE}`, kind: 'malformed' },
    { name: 'no fragment at all', url: `${REDIRECT}?state=${STATE}`, kind: 'malformed' },
    { name: 'MAC token type', url: `${REDIRECT}#access_token=${TOKEN}&token_type=mac&state=${STATE}`, kind: 'malformed' },
    { name: 'negative lifetime', url: `${REDIRECT}#access_token=${TOKEN}&expires_in=-5&state=${STATE}`, kind: 'malformed' },
    { name: 'non-numeric lifetime', url: `${REDIRECT}#access_token=${TOKEN}&expires_in=soon&state=${STATE}`, kind: 'malformed' },
    { name: 'not a URL', url: 'not a url', kind: 'malformed' },
  ];

  for (const testCase of cases) {
    it(`rejects ${testCase.name}`, () => {
      const error = loginError(() => parseRedirect(testCase.url, STATE, NOW));
      expect(error.kind).toBe(testCase.kind);
      expect(error.message).not.toContain(TOKEN);
    });
  }

  it('names the provider error code', () => {
    const error = loginError(() => parseRedirect(`${REDIRECT}?error=invalid_client`, STATE, NOW));
    expect(error.message).toContain('invalid_client');
  });
});

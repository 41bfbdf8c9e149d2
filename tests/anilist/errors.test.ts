import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AniListError, classifyResponse, networkError, type AniListErrorKind } from '../../lib/anilist/errors';

const ERRORS_DIR = new URL('../fixtures/anilist/errors/', import.meta.url);
const NOW = Date.UTC(2026, 0, 1);

const recorded: { file: string; status: number; kind: AniListErrorKind; serverMessage: string }[] = [
  { file: 'docs_400_cannot-query-field.json', status: 400, kind: 'validation', serverMessage: 'Cannot query field "nonexistentField" on type "MediaList".' },
  { file: 'docs_400_validation.json', status: 400, kind: 'validation', serverMessage: 'validation' },
  { file: 'docs_403_api-temporarily-disabled.json', status: 403, kind: 'api-disabled', serverMessage: 'The AniList API has been temporarily disabled due to severe stability issues. Please check the official AniList Discord for more information.' },
  { file: 'docs_429_too-many-requests.json', status: 429, kind: 'rate-limited', serverMessage: 'Too Many Requests.' },
  { file: 'issue_anilist-docs-33_401_unauthorized_Viewer.json', status: 401, kind: 'unauthorized', serverMessage: 'Unauthorized.' },
  { file: 'issue_lowlighter-metrics-1644_404_user-not-found_TRANSCRIBED.json', status: 404, kind: 'not-found', serverMessage: 'Not Found.' },
  { file: 'issue_plexanisync-232_400_invalid-token_MediaListCollection.json', status: 400, kind: 'invalid-token', serverMessage: 'Invalid token' },
  { file: 'issue_soruly-anilist-chinese-260_403_api-disabled.json', status: 403, kind: 'api-disabled', serverMessage: 'The AniList API has been temporarily disabled due to severe stability issues. Please check the announcements channel in the official AniList Discord for more information.' },
  { file: 'issue_trackma-555_400_invalid-token_MediaListCollection.json', status: 400, kind: 'invalid-token', serverMessage: 'Invalid token' },
  { file: 'kunalwagh101_404_GET-request-not-allowed.json', status: 404, kind: 'not-found', serverMessage: 'Not Found.' },
];

const BAD_GATEWAY_HTML = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/**
 * Bodies with no recording, shaped like the recorded ones. Only the complexity message is attested
 * (quoted in tests/fixtures/anilist/SOURCES.md). "Private User" is the wording the fake server uses too.
 */
const constructed: { name: string; status: number; body: unknown; kind: AniListErrorKind }[] = [
  { name: 'private user 404', status: 404, body: { errors: [{ message: 'Private User', status: 404 }], data: { MediaListCollection: null } }, kind: 'private-user' },
  { name: 'complexity 400', status: 400, body: { errors: [{ message: 'Max query complexity should be 500 but got 646.', status: 400 }], data: null }, kind: 'complexity' },
  { name: 'html 502', status: 502, body: BAD_GATEWAY_HTML, kind: 'server' },
  { name: 'html 200', status: 200, body: '<!DOCTYPE html><html><body>maintenance</body></html>', kind: 'server' },
  { name: 'empty 503', status: 503, body: '', kind: 'server' },
  { name: 'json 500', status: 500, body: { errors: [{ message: 'Internal Server Error', status: 500 }], data: null }, kind: 'server' },
  { name: 'errors with 200', status: 200, body: { errors: [{ message: 'Invalid token', status: 400 }], data: null }, kind: 'invalid-token' },
  { name: 'error status 404 inside 200', status: 200, body: { errors: [{ message: 'Not Found.', status: 404 }], data: null }, kind: 'not-found' },
  { name: 'unknown 418 json', status: 418, body: { errors: [{ message: "I'm a teapot" }] }, kind: 'validation' },
];

describe('classifyResponse', () => {
  it('covers every recorded error body', () => {
    const files = readdirSync(ERRORS_DIR).filter((file) => file.endsWith('.json')).sort();
    expect(recorded.map((entry) => entry.file).sort()).toEqual(files);
  });

  for (const { file, status, kind, serverMessage } of recorded) {
    it(`recorded ${file}`, () => {
      const text = readFileSync(new URL(file, ERRORS_DIR), 'utf8');
      const error = classifyResponse({ status, body: text, operationName: 'UserList', now: NOW });
      expect(error).toBeInstanceOf(AniListError);
      expect(error.kind).toBe(kind);
      expect(error.status).toBe(status);
      expect(error.serverMessage).toBe(serverMessage);
      expect(error.operationName).toBe('UserList');
    });
  }

  for (const { name, status, body, kind } of constructed) {
    it(`constructed ${name}`, () => {
      expect(classifyResponse({ status, body, now: NOW }).kind).toBe(kind);
      expect(classifyResponse({ status, body: typeof body === 'string' ? body : JSON.stringify(body), now: NOW }).kind).toBe(kind);
    });
  }

  const rateLimitHeaders: { name: string; headers: Record<string, string>; retryAfterSeconds: number | null }[] = [
    { name: 'Retry-After seconds', headers: { 'Retry-After': '7', 'X-RateLimit-Reset': String(NOW / 1000 + 50) }, retryAfterSeconds: 7 },
    { name: 'Retry-After date', headers: { 'Retry-After': new Date(NOW + 30_000).toUTCString() }, retryAfterSeconds: 30 },
    { name: 'reset only', headers: { 'X-RateLimit-Reset': String(NOW / 1000 + 42) }, retryAfterSeconds: 42 },
    { name: 'no headers', headers: {}, retryAfterSeconds: null },
  ];
  for (const { name, headers, retryAfterSeconds } of rateLimitHeaders) {
    it(`429 retry time from ${name}`, () => {
      const error = classifyResponse({
        status: 429,
        body: { data: null, errors: [{ message: 'Too Many Requests.', status: 429 }] },
        headers: new Headers(headers),
        now: NOW,
      });
      expect(error.kind).toBe('rate-limited');
      expect(error.retryAfterSeconds).toBe(retryAfterSeconds);
    });
  }

  it('429 with an html body stays rate-limited', () => {
    expect(classifyResponse({ status: 429, body: '<html>Too Many Requests</html>', now: NOW }).kind).toBe('rate-limited');
  });
});

describe('networkError', () => {
  it('wraps a fetch failure', () => {
    const cause = new TypeError('fetch failed');
    const error = networkError(cause, 'Viewer');
    expect(error.kind).toBe('network');
    expect(error.status).toBeNull();
    expect(error.operationName).toBe('Viewer');
    expect(error.cause).toBe(cause);
    expect(error.message).toContain('fetch failed');
  });
});

import { describe, expect, it } from 'vitest';
import { AniListError, type AniListErrorKind } from '../../lib/anilist/errors';
import { RequestPacer } from '../../lib/anilist/pacing';
import { ANILIST_REFERER, retryDelayMs, Transport, type ClientEvent } from '../../lib/anilist/transport';
import { createFakeClock } from './fake-clock';

type Answer = Response | Error;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const VIEWER_DATA = { Viewer: { id: 5001, name: 'Boilerplate' } };
const OK = () => json(200, { data: VIEWER_DATA });
const SERVER_ERROR = () => json(500, { data: null, errors: [{ message: 'Internal Server Error', status: 500 }] });
const BAD_GATEWAY = () =>
  new Response('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>', {
    status: 502, headers: { 'Content-Type': 'text/html' },
  });
const HTML_200 = () => new Response('<!DOCTYPE html><html><body>maintenance</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
const NETWORK = () => new TypeError('fetch failed');
const TOO_MANY = (headers: Record<string, string> = {}) =>
  json(429, { data: null, errors: [{ message: 'Too Many Requests.', status: 429 }] }, headers);
const INVALID_TOKEN = () => json(400, { errors: [{ message: 'Invalid token', status: 400 }], data: { Viewer: null } });
const PRIVATE_USER = () => json(404, { errors: [{ message: 'Private User', status: 404 }], data: { MediaListCollection: null } });
const NOT_FOUND = () => json(404, { errors: [{ message: 'Not Found.', status: 404 }], data: { User: null } });
const API_DISABLED = () => json(403, { errors: [{ message: 'The AniList API has been temporarily disabled due to severe stability issues.', status: 403 }], data: null });
const VALIDATION = () => json(400, { data: null, errors: [{ message: 'validation', status: 400, validation: { id: ['The selected id is invalid.'] } }] });
const COMPLEXITY = () => json(400, { data: null, errors: [{ message: 'Max query complexity should be 500 but got 646.', status: 400 }] });

interface Setup {
  answers: Array<() => Answer>;
  /** Response used once `answers` is empty. */
  repeat?: () => Answer;
  token?: string | null;
  maxRetries?: number;
  signal?: AbortSignal;
  timeoutMs?: number;
}

function setup({ answers, repeat, token = null, maxRetries, signal, timeoutMs }: Setup) {
  const clock = createFakeClock();
  const calls: { url: string; init: RequestInit }[] = [];
  const events: ClientEvent[] = [];
  const queue = [...answers];
  const fetchStub: typeof fetch = async (input, init = {}) => {
    calls.push({ url: String(input), init });
    const next = queue.shift() ?? repeat;
    if (!next) throw new Error(`the fetch stub has no response left for request ${calls.length}`);
    const answer = next();
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const transport = new Transport({
    apiUrl: 'http://127.0.0.1:9/graphql',
    token,
    fetch: fetchStub,
    pacer: new RequestPacer({ now: clock.now, sleep: clock.sleep }),
    maxRetries,
    timeoutMs,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0,
    signal,
    onEvent: (event) => events.push(event),
  });
  return { transport, calls, events, clock };
}

async function failure(promise: Promise<unknown>): Promise<AniListError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AniListError);
  return error as AniListError;
}

const waits = (events: ClientEvent[], reason: 'retry' | 'rate-limit') =>
  events.flatMap((event) => (event.type === 'wait' && event.reason === reason ? [event.seconds] : []));

describe('Transport retries', () => {
  const recovered: { name: string; answers: Array<() => Answer>; requests: number; retryWaits: number[]; rateLimitWaits: number[] }[] = [
    { name: '500 then success', answers: [SERVER_ERROR, OK], requests: 2, retryWaits: [1], rateLimitWaits: [] },
    { name: 'html 502 twice then success', answers: [BAD_GATEWAY, BAD_GATEWAY, OK], requests: 3, retryWaits: [1, 2], rateLimitWaits: [] },
    { name: 'html 200 then success', answers: [HTML_200, OK], requests: 2, retryWaits: [1], rateLimitWaits: [] },
    { name: 'network error then success', answers: [NETWORK, NETWORK, NETWORK, OK], requests: 4, retryWaits: [1, 2, 4], rateLimitWaits: [] },
    { name: '429 Retry-After then success', answers: [() => TOO_MANY({ 'Retry-After': '3' }), OK], requests: 2, retryWaits: [], rateLimitWaits: [3] },
    { name: '429 without headers then success', answers: [() => TOO_MANY(), OK], requests: 2, retryWaits: [], rateLimitWaits: [60] },
    { name: '429 and 500 counted apart', answers: [TOO_MANY, SERVER_ERROR, TOO_MANY, SERVER_ERROR, OK], requests: 5, retryWaits: [1, 2], rateLimitWaits: [60, 60] },
  ];
  for (const { name, answers, requests, retryWaits, rateLimitWaits } of recovered) {
    it(`recovers from ${name}`, async () => {
      const { transport, calls, events } = setup({ answers });
      await expect(transport.request('Viewer', 'query Viewer { Viewer { id name } }')).resolves.toEqual(VIEWER_DATA);
      expect(calls).toHaveLength(requests);
      expect(transport.stats.requests).toBe(requests);
      expect(waits(events, 'retry')).toEqual(retryWaits);
      expect(waits(events, 'rate-limit')).toEqual(rateLimitWaits);
    });
  }

  const gaveUp: { name: string; repeat: () => Answer; kind: AniListErrorKind; requests: number; maxRetries?: number }[] = [
    { name: '500 forever', repeat: SERVER_ERROR, kind: 'server', requests: 5 },
    { name: 'html 502 forever', repeat: BAD_GATEWAY, kind: 'server', requests: 5 },
    { name: 'network forever', repeat: NETWORK, kind: 'network', requests: 5 },
    { name: '500 with maxRetries 1', repeat: SERVER_ERROR, kind: 'server', requests: 2, maxRetries: 1 },
    { name: '500 with maxRetries 0', repeat: SERVER_ERROR, kind: 'server', requests: 1, maxRetries: 0 },
    { name: '429 forever', repeat: () => TOO_MANY({ 'Retry-After': '1' }), kind: 'rate-limited', requests: 6 },
    { name: 'invalid token', repeat: INVALID_TOKEN, kind: 'invalid-token', requests: 1 },
    { name: 'private user', repeat: PRIVATE_USER, kind: 'private-user', requests: 1 },
    { name: 'not found', repeat: NOT_FOUND, kind: 'not-found', requests: 1 },
    { name: 'api disabled', repeat: API_DISABLED, kind: 'api-disabled', requests: 1 },
    { name: 'validation', repeat: VALIDATION, kind: 'validation', requests: 1 },
    { name: 'complexity', repeat: COMPLEXITY, kind: 'complexity', requests: 1 },
  ];
  for (const { name, repeat, kind, requests, maxRetries } of gaveUp) {
    it(`stops on ${name}`, async () => {
      const { transport, calls } = setup({ answers: [], repeat, maxRetries });
      const error = await failure(transport.request('Viewer', 'query Viewer { Viewer { id } }'));
      expect(error.kind).toBe(kind);
      expect(error.operationName).toBe('Viewer');
      expect(calls).toHaveLength(requests);
    });
  }

  it('backs off exponentially to a cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((retry) => retryDelayMs(retry, () => 0))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(retryDelayMs(0, () => 0.5)).toBe(1500);
  });

  it('retry waits use the injected sleep', async () => {
    const { transport, clock } = setup({ answers: [], repeat: SERVER_ERROR });
    await failure(transport.request('Viewer', 'query Viewer { Viewer { id } }'));
    expect(clock.sleeps.filter((ms) => ms >= 1000)).toEqual([1000, 2000, 4000, 8000]);
  });
});

describe('Transport requests', () => {
  it('sends Referer, JSON headers and token', async () => {
    const { transport, calls } = setup({ answers: [OK], token: 'fake-token-boilerplate' });
    await transport.request('Viewer', 'query Viewer { Viewer { id name } }');
    const headers = new Headers(calls[0]?.init.headers);
    expect(calls[0]?.init.method).toBe('POST');
    expect(headers.get('referer')).toBe(ANILIST_REFERER);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('accept')).toBe('application/json');
    expect(headers.get('authorization')).toBe('Bearer fake-token-boilerplate');
  });

  it('omits Authorization without token', async () => {
    const { transport, calls } = setup({ answers: [OK] });
    await transport.request('Viewer', 'query Viewer { Viewer { id name } }');
    expect(new Headers(calls[0]?.init.headers).has('authorization')).toBe(false);
    expect(new Headers(calls[0]?.init.headers).get('referer')).toBe(ANILIST_REFERER);
  });

  it('posts operation name and variables', async () => {
    const { transport, calls } = setup({ answers: [OK] });
    const query = 'query UserList($userName: String) { MediaListCollection(userName: $userName) { hasNextChunk } }';
    await transport.request('UserList', query, { userName: 'Boilerplate' });
    const body = JSON.parse(String(calls[0]?.init.body)) as Record<string, unknown>;
    expect(calls[0]?.url).toBe('http://127.0.0.1:9/graphql');
    expect(body.operationName).toBe('UserList');
    expect(body.variables).toEqual({ userName: 'Boilerplate' });
    expect(body.query).toBe(query);
  });

  it('counts bytes and emits events', async () => {
    const { transport, events } = setup({ answers: [SERVER_ERROR, OK] });
    await transport.request('Viewer', 'query Viewer { Viewer { id name } }');
    const serverBytes = JSON.stringify({ data: null, errors: [{ message: 'Internal Server Error', status: 500 }] }).length;
    const okBytes = JSON.stringify({ data: VIEWER_DATA }).length;
    expect(transport.stats.bytes).toBe(serverBytes + okBytes);
    expect(events.map((event) => event.type)).toEqual(['request', 'response', 'wait', 'request', 'response']);
    expect(events[0]).toEqual({ type: 'request', operationName: 'Viewer', requests: 1 });
    expect(events[1]).toEqual({ type: 'response', operationName: 'Viewer', status: 500, bytes: serverBytes });
    expect(events[4]).toEqual({ type: 'response', operationName: 'Viewer', status: 200, bytes: okBytes });
  });

  it('abort is rethrown, not retried', async () => {
    const controller = new AbortController();
    const { transport, calls } = setup({
      answers: [() => {
        controller.abort(new DOMException('scan cancelled', 'AbortError'));
        return new DOMException('scan cancelled', 'AbortError');
      }],
      signal: controller.signal,
    });
    const error = await transport.request('Viewer', 'query Viewer { Viewer { id } }').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(calls).toHaveLength(1);
  });

  it('timeout becomes a network error', async () => {
    const clock = createFakeClock();
    let requests = 0;
    // Never resolves, so only the transport's timeout signal ends the request.
    const hangingFetch: typeof fetch = (_input, init) => {
      requests += 1;
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
      });
    };
    const transport = new Transport({
      apiUrl: 'http://127.0.0.1:9/graphql', token: null, fetch: hangingFetch,
      pacer: new RequestPacer({ now: clock.now, sleep: clock.sleep }),
      maxRetries: 1, timeoutMs: 5, now: clock.now, sleep: clock.sleep, random: () => 0,
    });
    const error = await failure(transport.request('Viewer', 'query Viewer { Viewer { id } }'));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('timed out after 0.005 s');
    expect(requests).toBe(2);
  });
});

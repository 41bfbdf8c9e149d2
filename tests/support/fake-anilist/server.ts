import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RECORDED_ERROR_FILES, recordedErrorFor } from './errors';
import { executeGraphQL } from './execute';
import { cloneUsers } from './fake-data';
import { failureOutcome, type InspectedRequest, JSON_CONTENT_TYPE } from './failures';
import { rootResponseKeys, selectOperation, tryParse } from './query-inspection';
import { RATE_LIMIT, RateWindow } from './rate-window';
import { loadRecordedData } from './recorded-data';
import type { FakeAniList, FakeAniListOptions, FakeData, FakeRequest, FakeUser, Failure } from './types';

export interface ServerOptions extends FakeAniListOptions {
  /** Called once per request, after the response was sent or the socket destroyed. */
  onResponse?: (request: FakeRequest) => void;
}

interface Reply {
  status: number;
  body: string;
  contentType: string;
  headers?: Record<string, string>;
}

interface ParsedBody {
  query: unknown;
  variables: Record<string, unknown>;
  operationName: string | null;
}

const REQUIRED_REFERER_PREFIX = 'https://anilist.co/';
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Content-Type, Accept, Authorization, Referer',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseBody(text: string): ParsedBody | null {
  try {
    const body = JSON.parse(text) as Record<string, unknown> | null;
    if (typeof body !== 'object' || body === null) return null;
    const variables = typeof body.variables === 'object' && body.variables !== null ? (body.variables as Record<string, unknown>) : {};
    const operationName = typeof body.operationName === 'string' ? body.operationName : null;
    return { query: body.query, variables, operationName };
  } catch {
    return null;
  }
}

function jsonReply(status: number, body: unknown): Reply {
  return { status, body: JSON.stringify(body), contentType: JSON_CONTENT_TYPE };
}

/** Builds the normal response to a request that drew no failure, or whose failure was only a delay. */
async function answer(
  request: IncomingMessage,
  body: ParsedBody | null,
  inspected: InspectedRequest,
  data: FakeData,
  options: { requireReferer: boolean; now: number },
): Promise<Reply> {
  if (request.method !== 'POST') return jsonReply(404, recordedErrorFor(RECORDED_ERROR_FILES.getNotAllowed, null));

  const rootKeys = rootResponseKeys(inspected.document, inspected.operationName);
  const referer = request.headers.referer ?? '';
  if (options.requireReferer && !referer.startsWith(REQUIRED_REFERER_PREFIX)) {
    return jsonReply(403, recordedErrorFor(RECORDED_ERROR_FILES.apiDisabled, rootKeys));
  }

  // NOTE: the messages for an unreadable body and a missing query are this fake's own, because none was recorded.
  if (!body) return jsonReply(400, { errors: [{ message: 'The request body is not a JSON object.', status: 400 }], data: null });
  if (typeof body.query !== 'string') return jsonReply(400, { errors: [{ message: 'Missing "query" string in the request body.', status: 400 }], data: null });

  let viewer: FakeUser | null = null;
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    const userId = token === undefined ? undefined : data.tokens.get(token);
    viewer = data.users.find((user) => user.id === userId) ?? null;
    if (!viewer) return jsonReply(400, recordedErrorFor(RECORDED_ERROR_FILES.invalidToken, rootKeys));
  }

  const result = await executeGraphQL(
    { query: body.query, variables: body.variables, operationName: body.operationName },
    { data, viewer, now: options.now },
  );
  return jsonReply(result.status, result.body);
}

/** Starts the fake AniList on 127.0.0.1 (or `options.host`) and resolves once it listens. */
export async function startFakeAniList(options: ServerOptions = {}): Promise<FakeAniList> {
  const data = options.data ?? loadRecordedData();
  const requireReferer = options.requireReferer ?? true;
  const pristineUsers = cloneUsers(data.users);
  const requests: FakeRequest[] = [];
  const queue: Failure[] = [];
  const rateWindow = new RateWindow();
  const delayTimers = new Set<NodeJS.Timeout>();
  let sticky: Failure | null = null;

  // close() clears pending delays, so a slow response never keeps the process alive.
  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        delayTimers.delete(timer);
        resolve();
      }, ms);
      delayTimers.add(timer);
    });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const now = Date.now();
    const record: FakeRequest = { operationName: null, variables: {}, headers: { ...request.headers }, status: 0, bytes: 0, receivedAt: now };
    requests.push(record);
    const finish = (reply: Reply | null, remaining: number): void => {
      if (reply && !response.destroyed) {
        const bytes = Buffer.byteLength(reply.body);
        response.writeHead(reply.status, {
          ...CORS_HEADERS,
          'Content-Type': reply.contentType,
          'Content-Length': String(bytes),
          'X-RateLimit-Limit': String(RATE_LIMIT),
          'X-RateLimit-Remaining': String(reply.status === 429 ? 0 : remaining),
          ...reply.headers,
        });
        response.end(reply.body);
        record.status = reply.status;
        record.bytes = bytes;
      }
      options.onResponse?.(record);
    };

    const text = await readBody(request);
    if (request.method === 'OPTIONS') {
      // CORS preflights from browser tests draw no failure and do not count against the rate limit.
      finish({ status: 204, body: '', contentType: 'text/plain' }, RATE_LIMIT);
      return;
    }

    const body = request.method === 'POST' ? parseBody(text) : null;
    const document = tryParse(body?.query);
    const operationName = body?.operationName ?? (document && selectOperation(document, null)?.name?.value) ?? null;
    record.operationName = operationName;
    record.variables = body?.variables ?? {};
    const inspected: InspectedRequest = { document, operationName: body?.operationName ?? null, variables: record.variables };
    const remaining = rateWindow.record(now);

    const failure = queue.shift() ?? sticky;
    const outcome = failure ? failureOutcome(failure, inspected) : { action: 'pass' as const };
    if (outcome.action === 'destroy') {
      request.socket.destroy();
      finish(null, remaining);
      return;
    }
    if (outcome.action === 'respond') {
      finish(outcome, remaining);
      return;
    }
    if (outcome.action === 'delay') await delay(outcome.ms);
    finish(await answer(request, body, inspected, data, { requireReferer, now }), remaining);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('fake-anilist: request handler failed:', error);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': JSON_CONTENT_TYPE });
      response.end(JSON.stringify({ errors: [{ message: 'Internal Server Error', status: 500 }], data: null }));
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}/`,
    requests,
    data,
    failNext: (...failures) => {
      queue.push(...failures);
    },
    failAlways: (failure) => {
      sticky = failure;
    },
    reset: () => {
      queue.length = 0;
      sticky = null;
      requests.length = 0;
      rateWindow.clear();
      data.users.splice(0, data.users.length, ...cloneUsers(pristineUsers));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of delayTimers) clearTimeout(timer);
        delayTimers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

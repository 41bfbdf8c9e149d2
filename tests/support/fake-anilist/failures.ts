import type { DocumentNode } from 'graphql';
import { nullData, RECORDED_ERROR_FILES, recordedErrorFor } from './errors';
import { measureQuery, rootResponseKeys } from './query-inspection';
import type { Failure } from './types';

/** What the server does for a request that drew a failure. */
export type FailureOutcome =
  | { action: 'respond'; status: number; body: string; contentType: string; headers: Record<string, string> }
  | { action: 'destroy' }
  | { action: 'delay'; ms: number }
  /** Respond normally, because the failure does not apply to this request. */
  | { action: 'pass' };

export interface InspectedRequest {
  /** Null when the body has no query or the query does not parse. */
  document: DocumentNode | null;
  operationName: string | null;
  variables: Record<string, unknown>;
}

export const JSON_CONTENT_TYPE = 'application/json';

/** nginx's default 502 page with `server_tokens off`. */
const NGINX_502_HTML = [
  '<html>',
  '<head><title>502 Bad Gateway</title></head>',
  '<body>',
  '<center><h1>502 Bad Gateway</h1></center>',
  '<hr><center>nginx</center>',
  '</body>',
  '</html>',
  '',
].join('\r\n');

/** The maximum query complexity that AniList reports in its complexity errors. */
const MAX_COMPLEXITY = 500;

function json(status: number, body: unknown, headers: Record<string, string> = {}): FailureOutcome {
  return { action: 'respond', status, body: JSON.stringify(body), contentType: JSON_CONTENT_TYPE, headers };
}

/**
 * Returns AniList's 400 complexity error for a request over `maxIds` ids or list entries, and
 * `pass` for any other. The reported complexity is an estimate that only keeps the ratio to the limit.
 */
function complexityOutcome(maxIds: number, request: InspectedRequest): FailureOutcome {
  if (!request.document) return { action: 'pass' };
  const size = measureQuery(request.document, request.operationName, request.variables);
  const units = Math.max(size.pageIds, size.maxPerChunk);
  if (units <= maxIds) return { action: 'pass' };

  const complexity = Math.max(Math.ceil((MAX_COMPLEXITY * units) / Math.max(maxIds, 1)), MAX_COMPLEXITY + 1);
  return json(400, {
    errors: [{ message: `Max query complexity should be ${MAX_COMPLEXITY} but got ${complexity}.`, status: 400 }],
    data: null,
  });
}

function rateLimitOutcome(failure: Extract<Failure, { kind: 'rate-limit' }>): FailureOutcome {
  const headers: Record<string, string> = {};
  if (failure.retryAfter !== undefined) headers['Retry-After'] = String(failure.retryAfter);
  if (failure.reset !== undefined) headers['X-RateLimit-Reset'] = String(failure.reset);
  return json(429, recordedErrorFor(RECORDED_ERROR_FILES.tooManyRequests, null), headers);
}

/** Turns a failure into the server's action for one request. */
export function failureOutcome(failure: Failure, request: InspectedRequest): FailureOutcome {
  const rootKeys = rootResponseKeys(request.document, request.operationName);
  switch (failure.kind) {
    case 'rate-limit':
      return rateLimitOutcome(failure);
    case 'invalid-token':
      return json(400, recordedErrorFor(RECORDED_ERROR_FILES.invalidToken, rootKeys));
    case 'unauthorized':
      return json(401, recordedErrorFor(RECORDED_ERROR_FILES.unauthorized, rootKeys));
    case 'api-disabled':
      return json(403, recordedErrorFor(RECORDED_ERROR_FILES.apiDisabled, rootKeys));
    case 'private-user':
      return json(404, { errors: [{ message: 'Private User', status: 404 }], data: nullData(rootKeys ?? ['MediaListCollection']) });
    case 'not-found':
      return json(404, recordedErrorFor(RECORDED_ERROR_FILES.notFound, rootKeys));
    case 'server-error':
      return json(500, { errors: [{ message: 'Internal Server Error', status: 500 }], data: null });
    case 'bad-gateway-html':
      return { action: 'respond', status: 502, body: NGINX_502_HTML, contentType: 'text/html', headers: {} };
    case 'complexity':
      return complexityOutcome(failure.maxIds, request);
    case 'slow':
      return { action: 'delay', ms: failure.ms };
    case 'network':
      return { action: 'destroy' };
  }
}

const FAILURES_WITHOUT_NUMBER: Failure[] = [
  { kind: 'invalid-token' },
  { kind: 'unauthorized' },
  { kind: 'api-disabled' },
  { kind: 'private-user' },
  { kind: 'not-found' },
  { kind: 'server-error' },
  { kind: 'bad-gateway-html' },
  { kind: 'network' },
];

/**
 * Parses a command-line failure, "KIND" or "KIND:N". N is retryAfter seconds for rate-limit,
 * ms for slow and maxIds for complexity. Throws with the reason when the value is invalid.
 */
export function parseFailure(spec: string): Failure {
  const [kind = '', numberText] = spec.split(':', 2);
  const number = numberText === undefined ? undefined : Number(numberText);
  if (number !== undefined && !(Number.isInteger(number) && number >= 0)) {
    throw new Error(`Invalid number "${numberText}" in --fail ${spec}: expected a whole number of 0 or more.`);
  }

  if (kind === 'rate-limit') return number === undefined ? { kind } : { kind, retryAfter: number };
  if (kind === 'slow' || kind === 'complexity') {
    if (number === undefined) throw new Error(`--fail ${kind} needs a number, e.g. --fail ${kind}:${kind === 'slow' ? 2000 : 50}.`);
    return kind === 'slow' ? { kind, ms: number } : { kind, maxIds: number };
  }
  const simple = FAILURES_WITHOUT_NUMBER.find((candidate) => candidate.kind === kind);
  if (simple && number === undefined) return { ...simple };
  throw new Error(`Invalid --fail value "${spec}".`);
}

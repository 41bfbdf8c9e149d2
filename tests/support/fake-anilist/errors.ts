import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ERRORS_DIR = fileURLToPath(new URL('../../fixtures/anilist/errors/', import.meta.url));

/** The recorded AniList error bodies that the fake sends again. */
export const RECORDED_ERROR_FILES = {
  getNotAllowed: 'kunalwagh101_404_GET-request-not-allowed.json',
  apiDisabled: 'issue_soruly-anilist-chinese-260_403_api-disabled.json',
  tooManyRequests: 'docs_429_too-many-requests.json',
  invalidToken: 'issue_trackma-555_400_invalid-token_MediaListCollection.json',
  unauthorized: 'issue_anilist-docs-33_401_unauthorized_Viewer.json',
  notFound: 'issue_lowlighter-metrics-1644_404_user-not-found_TRANSCRIBED.json',
} as const;

export interface ErrorItem {
  message: string;
  status: number;
  locations?: Array<{ line: number; column: number }>;
  [field: string]: unknown;
}

export interface ErrorBody {
  errors: ErrorItem[];
  data: Record<string, null> | null;
  [field: string]: unknown;
}

const cache = new Map<string, ErrorBody>();

/** Returns a fresh copy of a recorded error body. */
export function recordedErrorBody(file: (typeof RECORDED_ERROR_FILES)[keyof typeof RECORDED_ERROR_FILES]): ErrorBody {
  let body = cache.get(file);
  if (!body) {
    body = JSON.parse(readFileSync(ERRORS_DIR + file, 'utf8')) as ErrorBody;
    cache.set(file, body);
  }
  return structuredClone(body);
}

/**
 * Returns a recorded error body whose `data` is re-keyed to the response keys of the current request,
 * e.g. `{"User": null}` becomes `{"MediaListCollection": null}`. `data` stays null when the
 * recording has null there or the query could not be parsed.
 */
export function recordedErrorFor(
  file: (typeof RECORDED_ERROR_FILES)[keyof typeof RECORDED_ERROR_FILES],
  rootKeys: string[] | null,
): ErrorBody {
  const body = recordedErrorBody(file);
  if (body.data !== null) body.data = rootKeys ? nullData(rootKeys) : null;
  return body;
}

export function nullData(rootKeys: string[]): Record<string, null> {
  return Object.fromEntries(rootKeys.map((key) => [key, null]));
}

/** An error that a resolver raises with AniList's HTTP status, e.g. 404 "Not Found.". */
export class AniListError extends Error {
  readonly status: number;
  /** Per-argument messages, sent like AniList's "validation" errors. */
  readonly validation: Record<string, string[]> | undefined;

  constructor(message: string, status: number, validation?: Record<string, string[]>) {
    super(message);
    this.name = 'AniListError';
    this.status = status;
    this.validation = validation;
  }
}

export function notFoundError(): AniListError {
  return new AniListError('Not Found.', 404);
}

export function unauthorizedError(): AniListError {
  return new AniListError('Unauthorized.', 401);
}

export function privateUserError(): AniListError {
  return new AniListError('Private User', 404);
}

/** Creates a 400 "validation" error, shaped like the example in AniList's docs. */
export function validationError(field: string, message: string): AniListError {
  return new AniListError('validation', 400, { [field]: [message] });
}

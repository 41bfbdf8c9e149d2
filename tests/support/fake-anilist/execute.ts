import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, type DocumentNode, execute, GraphQLError, parse, validate } from 'graphql';
import { AniListError, type ErrorItem } from './errors';
import type { ResolverContext } from './resolver-types';
import { fakeFieldResolver } from './resolvers';

const SCHEMA_PATH = fileURLToPath(new URL('../../../lib/anilist/schema.graphql', import.meta.url));

/** The real AniList schema, built once. */
export const ANILIST_SCHEMA = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));

export interface GraphQLRequestBody {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
}

export interface JsonResponse {
  status: number;
  body: unknown;
}

function statusOf(error: GraphQLError): number {
  if (error.originalError instanceof AniListError) return error.originalError.status;
  // graphql-js raises errors without an original error for bad variables and operation names.
  return error.originalError ? 500 : 400;
}

/** Formats a GraphQL error the way AniList does: message, HTTP status and locations. */
function formatError(error: GraphQLError): ErrorItem {
  const item: ErrorItem = { message: error.message, status: statusOf(error) };
  if (error.locations) item.locations = error.locations.map(({ line, column }) => ({ line, column }));
  if (error.originalError instanceof AniListError && error.originalError.validation) {
    item.validation = error.originalError.validation;
  }
  return item;
}

function errorResponse(errors: readonly GraphQLError[], data: unknown): JsonResponse {
  const formatted = errors.map(formatError);
  return { status: formatted[0]?.status ?? 500, body: { errors: formatted, data } };
}

/**
 * Parses, validates and executes a request against the AniList schema. As on AniList, a syntax
 * or validation error is a 400 with `data: null`, and the first resolver error sets the HTTP status.
 */
export async function executeGraphQL(request: GraphQLRequestBody, context: ResolverContext): Promise<JsonResponse> {
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    if (error instanceof GraphQLError) return errorResponse([error], null);
    throw error;
  }

  const validationErrors = validate(ANILIST_SCHEMA, document);
  if (validationErrors.length > 0) return errorResponse(validationErrors, null);

  const result = await execute({
    schema: ANILIST_SCHEMA,
    document,
    rootValue: {},
    contextValue: context,
    variableValues: request.variables,
    operationName: request.operationName,
    fieldResolver: fakeFieldResolver,
  });
  if (result.errors && result.errors.length > 0) return errorResponse(result.errors, result.data ?? null);
  return { status: 200, body: { data: result.data } };
}

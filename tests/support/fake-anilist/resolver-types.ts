import type { GraphQLResolveInfo } from 'graphql';
import type { FakeData, FakeUser } from './types';

export interface ResolverContext {
  data: FakeData;
  /** The user of the request's bearer token, or null when anonymous. */
  viewer: FakeUser | null;
  /** Milliseconds since the epoch when the request arrived. */
  now: number;
}

/**
 * A field resolver with its own source and argument types. The `never` parameters let each
 * resolver declare them. The dispatcher in resolvers.ts passes graphql-js values through unchecked.
 */
export type FieldResolver = (source: never, args: never, context: ResolverContext, info: GraphQLResolveInfo) => unknown;

/** Field resolvers by GraphQL type name and field name. */
export type TypeResolvers = Record<string, Record<string, FieldResolver>>;

import { defaultFieldResolver, type GraphQLFieldResolver } from 'graphql';
import { listResolvers, resolveMediaListCollection, resolveUser, resolveViewer } from './list-resolvers';
import { mediaResolvers, pageResolvers, resolveMedia, resolvePage } from './media-resolvers';
import { deleteMediaListEntry, saveMediaListEntry } from './mutations';
import type { FieldResolver, ResolverContext, TypeResolvers } from './resolver-types';

const rootResolvers: TypeResolvers = {
  Query: {
    MediaListCollection: (_root: unknown, args: Parameters<typeof resolveMediaListCollection>[0], context: ResolverContext) =>
      resolveMediaListCollection(args, context),
    Media: (_root: unknown, args: Record<string, unknown>, context: ResolverContext) => resolveMedia(args, context),
    Page: (_root: unknown, args: Parameters<typeof resolvePage>[0], context: ResolverContext, info) => resolvePage(args, context, info),
    User: (_root: unknown, args: Parameters<typeof resolveUser>[0], context: ResolverContext) => resolveUser(args, context),
    Viewer: (_root: unknown, args: unknown, context: ResolverContext) => resolveViewer(args, context),
  },
  Mutation: {
    SaveMediaListEntry: (_root: unknown, args: Parameters<typeof saveMediaListEntry>[0], context: ResolverContext) =>
      saveMediaListEntry(args, context),
    DeleteMediaListEntry: (_root: unknown, args: Parameters<typeof deleteMediaListEntry>[0], context: ResolverContext) =>
      deleteMediaListEntry(args, context),
  },
};

const RESOLVERS: TypeResolvers = { ...rootResolvers, ...mediaResolvers, ...pageResolvers, ...listResolvers };

/**
 * Resolves every field: with the resolver from RESOLVERS when one exists, or else by reading the
 * property of the same name. Root fields without a resolver resolve to null.
 */
export const fakeFieldResolver: GraphQLFieldResolver<unknown, ResolverContext> = (source, args, context, info) => {
  const resolve = RESOLVERS[info.parentType.name]?.[info.fieldName] as FieldResolver | undefined;
  if (resolve) return (resolve as unknown as GraphQLFieldResolver<unknown, ResolverContext>)(source, args, context, info);
  return defaultFieldResolver(source, args, context, info);
};

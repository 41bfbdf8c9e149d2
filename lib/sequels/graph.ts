import type { ListEntry, Media, MediaRelation, RelationEdge } from '../anilist/types';
import type { FinderInput, SourceRef } from './types';

/**
 * The user's list and the relations known so far, seen as a graph whose edges are the relation
 * types the settings follow.
 */
export class RelationGraph {
  /** The first entry of each media on the list, whatever its status or list. */
  readonly onList = new Map<number, ListEntry>();
  /** On-list entries whose status starts a walk, one per media, by ascending media id. */
  readonly sources: SourceRef[];

  private readonly input: FinderInput;
  private readonly relationRank: Map<MediaRelation, number>;
  private readonly followedCache = new Map<number, RelationEdge[] | null>();
  /** Edges fetched with the list, from the first copy of an entry that has them. */
  private readonly entryEdges = new Map<number, RelationEdge[]>();

  constructor(input: FinderInput) {
    this.input = input;
    this.relationRank = new Map();
    // SEQUEL ranks first whatever the settings' order, because it is the relation the product is
    // about; the other chosen relations keep the settings' order.
    input.settings.relations.forEach((relation, index) => {
      if (!this.relationRank.has(relation)) this.relationRank.set(relation, relation === 'SEQUEL' ? -1 : index);
    });

    const sourceStatuses = new Set(input.settings.sourceStatuses);
    const sourceById = new Map<number, SourceRef>();
    for (const entry of input.entries) {
      if (!this.onList.has(entry.mediaId)) this.onList.set(entry.mediaId, entry);
      if (entry.edges && !this.entryEdges.has(entry.mediaId)) this.entryEdges.set(entry.mediaId, entry.edges);
      if (sourceStatuses.has(entry.status) && !sourceById.has(entry.mediaId)) {
        sourceById.set(entry.mediaId, { mediaId: entry.mediaId, listStatus: entry.status, media: entry.media });
      }
    }
    this.sources = [...sourceById.values()].sort((a, b) => a.mediaId - b.mediaId);
  }

  isOnList(mediaId: number): boolean {
    return this.onList.has(mediaId);
  }

  /** Returns the media object fetched with the relations of `mediaId`, which has more fields than a relation node. */
  fetchedMedia(mediaId: number): Media | undefined {
    return this.input.relations.get(mediaId)?.media;
  }

  /**
   * Returns the followed edges out of `mediaId`, one per target, ordered by the settings' relation
   * order and then by target id, so that the walk never depends on AniList's edge order. The result
   * is null when the media's relations are not known yet.
   */
  followedEdges(mediaId: number): RelationEdge[] | null {
    const cached = this.followedCache.get(mediaId);
    if (cached !== undefined) return cached;

    const edges = this.allEdges(mediaId);
    const followed = edges === null ? null : this.selectFollowed(edges);
    this.followedCache.set(mediaId, followed);
    return followed;
  }

  /** Prefers the edges fetched with the list entry and falls back to the fetched relations. */
  private allEdges(mediaId: number): RelationEdge[] | null {
    const entryEdges = this.entryEdges.get(mediaId);
    if (entryEdges) return entryEdges;
    return this.input.relations.get(mediaId)?.edges ?? null;
  }

  private selectFollowed(edges: RelationEdge[]): RelationEdge[] {
    const followed: RelationEdge[] = [];
    for (const edge of edges) {
      if (this.relationRank.has(edge.relationType)) followed.push(edge);
    }
    if (followed.length < 2) return followed;

    followed.sort((a, b) => this.rankOf(a) - this.rankOf(b) || a.node.id - b.node.id);
    const seen = new Set<number>();
    return followed.filter((edge) => {
      if (seen.has(edge.node.id)) return false;
      seen.add(edge.node.id);
      return true;
    });
  }

  private rankOf(edge: RelationEdge): number {
    return this.relationPriority(edge.relationType);
  }

  /** Returns the priority of a relation type: lower is preferred when two edges reach a media at the same depth. */
  relationPriority(relation: MediaRelation): number {
    return this.relationRank.get(relation) ?? Number.MAX_SAFE_INTEGER;
  }
}

import type { Media, MediaRelation } from '../anilist/types';
import type { RelationGraph } from './graph';
import type { SourceRef } from './types';

/** An off-list media reached by the walk, with the first shortest path into it. */
export interface ReachedNode {
  media: Media;
  /** Minimum number of hops from any source entry. */
  depth: number;
  relation: MediaRelation;
  /** The media this node was reached from on that path: a source entry or another reached node. */
  parentId: number;
}

/**
 * Walks the followed edges breadth-first from every source at once, through off-list media only,
 * because an on-list media is judged by its own list status. Among the shortest paths into a node
 * the one whose last edge has the preferred relation wins (a SEQUEL over a SIDE_STORY); among
 * equals, the one from the lowest-id source, since sources are queued by ascending id.
 */
export function walkFromSources(graph: RelationGraph): Map<number, ReachedNode> {
  const reached = new Map<number, ReachedNode>();
  const queue: number[] = graph.sources.map((source) => source.mediaId);

  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    const depth = reached.get(id)?.depth ?? 0;
    for (const edge of graph.followedEdges(id) ?? []) {
      const target = edge.node.id;
      if (graph.isOnList(target)) continue;
      const known = reached.get(target);
      if (known) {
        const sameDepth = known.depth === depth + 1;
        if (sameDepth && graph.relationPriority(edge.relationType) < graph.relationPriority(known.relation)) {
          known.relation = edge.relationType;
          known.parentId = id;
        }
        continue;
      }
      reached.set(target, {
        media: graph.fetchedMedia(target) ?? edge.node,
        depth: depth + 1,
        relation: edge.relationType,
        parentId: id,
      });
      queue.push(target);
    }
  }
  return reached;
}

/** Returns the source entry's media id that the chosen path into `id` starts from. */
export function pathSource(reached: ReadonlyMap<number, ReachedNode>, id: number): number | undefined {
  let parentId = reached.get(id)?.parentId;
  while (parentId !== undefined && reached.has(parentId)) parentId = reached.get(parentId)?.parentId;
  return parentId;
}

/** Returns the ids of the off-list media passed through between the source and `id`, source side first. */
export function viaPath(reached: ReadonlyMap<number, ReachedNode>, id: number): number[] {
  const via: number[] = [];
  let parentId = reached.get(id)?.parentId;
  while (parentId !== undefined && reached.has(parentId)) {
    via.push(parentId);
    parentId = reached.get(parentId)?.parentId;
  }
  return via.reverse();
}

export interface SourceDistance {
  source: SourceRef;
  distance: number;
}

/**
 * Lists, for every reached media, each source it can be reached from and the minimum number of
 * hops from that source. It walks once per source, so the cost grows with the number of
 * (source, media) pairs, which is also the total size of the `from` lists the result must hold.
 */
export function distancesFromEachSource(graph: RelationGraph): Map<number, SourceDistance[]> {
  const sourcesByMedia = new Map<number, SourceDistance[]>();

  for (const source of graph.sources) {
    const firstHops = graph.followedEdges(source.mediaId) ?? [];
    if (firstHops.every((edge) => graph.isOnList(edge.node.id))) continue;

    const distance = new Map<number, number>([[source.mediaId, 0]]);
    const queue = [source.mediaId];
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      const next = distance.get(id)! + 1;
      for (const edge of graph.followedEdges(id) ?? []) {
        const target = edge.node.id;
        if (graph.isOnList(target) || distance.has(target)) continue;
        distance.set(target, next);
        queue.push(target);

        const list = sourcesByMedia.get(target);
        if (list) list.push({ source, distance: next });
        else sourcesByMedia.set(target, [{ source, distance: next }]);
      }
    }
  }
  return sourcesByMedia;
}

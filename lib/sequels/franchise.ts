import type { RelationGraph } from './graph';

/**
 * Assigns each chain a franchise key: the smallest source media id among the media connected to it
 * by followed edges in either direction. On-list media of any status link a chain, so two source
 * entries joined through a DROPPED season share one key, and so do results reached from overlapping
 * sources.
 */
export function franchiseKeys(graph: RelationGraph, reachedIds: Iterable<number>): (mediaId: number) => string {
  const components = new DisjointSets();
  const linkEdgesOf = (id: number) => {
    for (const edge of graph.followedEdges(id) ?? []) components.union(id, edge.node.id);
  };
  for (const id of graph.onList.keys()) linkEdgesOf(id);
  for (const id of reachedIds) linkEdgesOf(id);

  const smallestSource = new Map<number, number>();
  for (const source of graph.sources) {
    const root = components.find(source.mediaId);
    const known = smallestSource.get(root);
    if (known === undefined || source.mediaId < known) smallestSource.set(root, source.mediaId);
  }

  return (mediaId) => {
    const root = components.find(mediaId);
    return String(smallestSource.get(root) ?? mediaId);
  };
}

/** Union-find over media ids, with path halving and union by size. */
class DisjointSets {
  private readonly parent = new Map<number, number>();
  private readonly size = new Map<number, number>();

  find(id: number): number {
    let current = id;
    let parent = this.parent.get(current);
    while (parent !== undefined && parent !== current) {
      const grandparent = this.parent.get(parent) ?? parent;
      this.parent.set(current, grandparent);
      current = grandparent;
      parent = this.parent.get(current);
    }
    return current;
  }

  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return;
    const sizeA = this.size.get(rootA) ?? 1;
    const sizeB = this.size.get(rootB) ?? 1;
    const [small, large] = sizeA < sizeB ? [rootA, rootB] : [rootB, rootA];
    this.parent.set(small, large);
    this.size.set(large, sizeA + sizeB);
  }
}

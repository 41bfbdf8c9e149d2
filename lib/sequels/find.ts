import { franchiseKeys } from './franchise';
import { RelationGraph } from './graph';
import { sortMissing } from './order';
import { availabilityOf, isReportable } from './reportable';
import { computeTotals } from './totals';
import type { FinderInput, FinderResult, MissingSequel, SourceRef } from './types';
import { distancesFromEachSource, pathSource, viaPath, walkFromSources } from './walk';

/**
 * Finds the media that follow the user's list entries along the chosen relation types and are not
 * on the list. The walk passes through every off-list media (reported or not) and stops at on-list
 * ones. Off-list media whose relations are unknown are returned in `needRelations`, and the
 * caller fetches them and calls again until that list is empty.
 */
export function findMissingSequels(input: FinderInput): FinderResult {
  const { settings, ignored } = input;
  const graph = new RelationGraph(input);
  const reached = walkFromSources(graph);
  const distances = distancesFromEachSource(graph);
  const franchiseOf = franchiseKeys(graph, reached.keys());

  const missing: MissingSequel[] = [];
  const needRelations: number[] = [];
  for (const [id, node] of reached) {
    // NOTE: only off-list media are requested. A source entry whose edges are unknown (null on the
    // entry and absent from `relations`) starts no walk and is never fetched.
    if (graph.followedEdges(id) === null) needRelations.push(id);
    if (ignored.has(id) || !isReportable(node.media, settings)) continue;

    missing.push({
      media: node.media,
      relation: node.relation,
      depth: node.depth,
      from: nearestSourcesFirst(distances.get(id) ?? [], pathSource(reached, id)),
      via: viaPath(reached, id),
      franchise: franchiseOf(id),
      availability: availabilityOf(node.media),
    });
  }

  sortMissing(missing);
  needRelations.sort((a, b) => a - b);
  return { missing, totals: computeTotals(missing, settings.type), needRelations };
}

/** Orders sources nearest first; among the nearest, the one the reported relation and `via` come from leads. */
function nearestSourcesFirst(distances: { source: SourceRef; distance: number }[], pathSourceId: number | undefined): SourceRef[] {
  const onPath = (item: { source: SourceRef }) => (item.source.mediaId === pathSourceId ? 0 : 1);
  return [...distances]
    .sort((a, b) => a.distance - b.distance || onPath(a) - onPath(b) || a.source.mediaId - b.source.mediaId)
    .map((item) => item.source);
}

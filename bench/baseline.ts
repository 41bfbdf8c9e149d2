/**
 * The fetch pattern of the Python script this project replaces, kept to measure against: the list
 * read in 50-entry pages per list status, then one `Media` query per hop, starting with one for each
 * source entry. The walk rules match the finder's defaults (SEQUEL edges, stop at on-list media).
 */

const LIST_PAGE = `query BaselineListPage($userName: String, $type: MediaType, $status: MediaListStatus, $page: Int) {
  Page(page: $page, perPage: 50) {
    pageInfo { hasNextPage }
    mediaList(userName: $userName, type: $type, status: $status) { status media { id } }
  }
}`;

const MEDIA_RELATIONS = `query BaselineMedia($id: Int) {
  Media(id: $id) {
    id type format status
    relations { edges { relationType(version: 2) node { id type format status title { romaji english native } } } }
  }
}`;

const ALL_STATUSES = ['CURRENT', 'PLANNING', 'COMPLETED', 'DROPPED', 'PAUSED', 'REPEATING'];
const SOURCE_STATUSES = new Set(['COMPLETED', 'REPEATING', 'CURRENT', 'PLANNING']);

export interface BaselineOutcome {
  requests: number;
  bytes: number;
  missing: number;
}

interface MediaAnswer {
  Media: { relations: { edges: Array<{ relationType: string; node: { id: number; format: string | null } }> } } | null;
}

export async function runBaselineScan(apiUrl: string, userName: string): Promise<BaselineOutcome> {
  let requests = 0;
  let bytes = 0;

  async function post<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await fetch(apiUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Referer: 'https://anilist.co/' },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    requests += 1;
    bytes += Buffer.byteLength(text);
    if (!response.ok) throw new Error(`Baseline request failed with HTTP ${response.status}: ${text.slice(0, 200)}`);
    return (JSON.parse(text) as { data: T }).data;
  }

  const statusById = new Map<number, string>();
  for (const status of ALL_STATUSES) {
    for (let page = 1; ; page += 1) {
      const data = await post<{ Page: { pageInfo: { hasNextPage: boolean }; mediaList: Array<{ media: { id: number } }> } }>(
        LIST_PAGE,
        { userName, type: 'ANIME', status, page },
      );
      for (const item of data.Page.mediaList) statusById.set(item.media.id, status);
      if (!data.Page.pageInfo.hasNextPage) break;
    }
  }

  const missing = new Set<number>();
  const visited = new Set<number>();
  const queue = [...statusById].filter(([, status]) => SOURCE_STATUSES.has(status)).map(([id]) => id);
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (visited.has(id)) continue;
    visited.add(id);
    const data = await post<MediaAnswer>(MEDIA_RELATIONS, { id });
    for (const edge of data.Media?.relations.edges ?? []) {
      if (edge.relationType !== 'SEQUEL' || statusById.has(edge.node.id)) continue;
      if (edge.node.format !== 'MUSIC') missing.add(edge.node.id);
      queue.push(edge.node.id);
    }
  }
  return { requests, bytes, missing: missing.size };
}

import { readFileSync } from 'node:fs';
import { buildFakeData } from '../tests/support/fake-anilist/fake-data';
import type { FakeData, FakeListEntry, RawMedia, RelationRecord } from '../tests/support/fake-anilist/types';

const RECORDED_LIST = new URL(
  '../tests/fixtures/anilist/list/seanime_BoilerplateAnimeCollectionWithRelations_52-entries.json',
  import.meta.url,
);

/** Statuses given to on-list entries in turn, so every source rule and the on-list-only rule are exercised. */
const STATUS_CYCLE = ['COMPLETED', 'COMPLETED', 'CURRENT', 'PLANNING', 'REPEATING', 'DROPPED', 'PAUSED'];

export interface SyntheticList {
  data: FakeData;
  userName: string;
  entries: number;
  /** Off-list media a scan must fetch relations for: every off-list node reached from a source entry. */
  reachableOffList: number;
}

/**
 * Builds a user with `size` list entries whose media copy the shapes of the 52 recorded media
 * (fields, titles, formats, cover URLs) under new ids. Franchises are SEQUEL chains of one to five
 * media, and the user has the first one to three of each. Every fifth off-list node is a MUSIC video,
 * which the walk must pass through without reporting it.
 */
export function buildSyntheticList(size: number): SyntheticList {
  const templates = loadTemplates();
  const media: RawMedia[] = [];
  const relations: Array<[number, RelationRecord[]]> = [];
  const entries: FakeListEntry[] = [];
  let reachableOffList = 0;
  let franchise = 0;

  while (entries.length < size) {
    const chainLength = 1 + (franchise % 5);
    const onList = Math.min(chainLength, 1 + (franchise % 3), size - entries.length);
    const ids = Array.from({ length: chainLength }, (_, position) => 1_000_000 + franchise * 10 + position);

    ids.forEach((id, position) => {
      const template = templates[(franchise + position) % templates.length]!;
      const offList = position >= onList;
      const isMusic = offList && (franchise + position) % 5 === 0;
      media.push({
        ...template,
        id,
        format: isMusic ? 'MUSIC' : template.format,
        title: { ...template.title, english: `${template.title?.english ?? template.title?.romaji ?? 'Untitled'} #${id}` },
        siteUrl: `https://anilist.co/anime/${id}`,
      });
      const edges: RelationRecord[] = [];
      if (position > 0) edges.push({ relationType: 'PREQUEL', nodeId: ids[position - 1]! });
      if (position < chainLength - 1) edges.push({ relationType: 'SEQUEL', nodeId: ids[position + 1]! });
      relations.push([id, edges]);
    });

    for (let position = 0; position < onList; position += 1) {
      const status = STATUS_CYCLE[(franchise + position) % STATUS_CYCLE.length]!;
      entries.push({ id: 50_000_000 + entries.length, mediaId: ids[position]!, status, progress: 0 });
    }
    // Only the last on-list media has an off-list sequel, and the walk starts there only when its
    // status is a default source status (DROPPED and PAUSED are not).
    const last = STATUS_CYCLE[(franchise + onList - 1) % STATUS_CYCLE.length]!;
    if (last !== 'DROPPED' && last !== 'PAUSED') reachableOffList += chainLength - onList;
    franchise += 1;
  }

  const userName = `Bench${size}`;
  const data = buildFakeData({
    media,
    relations,
    users: [{ id: 9000 + size, name: userName, lists: { ANIME: entries, MANGA: [] } }],
  });
  return { data, userName, entries: entries.length, reachableOffList };
}

function loadTemplates(): RawMedia[] {
  const raw = JSON.parse(readFileSync(RECORDED_LIST, 'utf8')) as {
    MediaListCollection: { lists: Array<{ entries?: Array<{ media: RawMedia & { relations?: unknown } }> }> };
  };
  const templates: RawMedia[] = [];
  for (const list of raw.MediaListCollection.lists) {
    for (const entry of list.entries ?? []) {
      const { relations: _relations, ...media } = entry.media;
      templates.push(media);
    }
  }
  return templates;
}

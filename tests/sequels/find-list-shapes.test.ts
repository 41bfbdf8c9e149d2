import { describe, expect, it } from 'vitest';
import { parseListChunk } from '../../lib/anilist/parse';
import type { ListEntry, RelationEdge } from '../../lib/anilist/types';
import { findMissingSequels } from '../../lib/sequels/find';
import type { MissingSequel } from '../../lib/sequels/types';
import type { RawCollection, RawListEntry } from '../support/recorded';
import { finderInput, loadSeanimeList, parseCollection, seanimeRawCollection } from '../support/recorded';

const DEFAULT_MISSING_IDS = [32, 168872, 105143, 161474, 166521, 163151, 163146, 158927, 166873, 162314];

function ids(missing: MissingSequel[]): number[] {
  return missing.map((item) => item.media.id);
}

function planningEntries(raw: RawCollection): RawListEntry[] {
  return raw.lists.flatMap((group) => group.entries ?? []);
}

/** Builds a raw list entry for an anime that is only a relation node in the recorded file. */
function rawEntryForNode(raw: RawCollection, nodeId: number, status: RawListEntry['status']): RawListEntry {
  for (const entry of planningEntries(raw)) {
    const edges = (entry.media.relations as { edges: { node: { id: number } }[] }).edges;
    const found = edges.find((e) => e.node.id === nodeId);
    if (found) return { id: nodeId * 10, status, media: { ...found.node } };
  }
  throw new Error(`No relation node ${nodeId} in the seanime collection`);
}

describe('findMissingSequels list shapes', () => {
  it('custom-list copy of an entry is one entry', () => {
    const raw = seanimeRawCollection();
    const copy = planningEntries(raw).find((entry) => entry.media.id === 135778)!;
    raw.lists.push({ name: 'Favourites', isCustomList: true, entries: [copy] });

    const unmerged = parseListChunk(raw).entries;
    const merged = parseCollection(raw).entries;
    expect(unmerged.filter((entry) => entry.mediaId === 135778)).toHaveLength(2);
    expect(merged.find((entry) => entry.mediaId === 135778)?.lists).toEqual(['PLANNING', 'Favourites']);

    for (const entries of [unmerged, merged]) {
      const result = findMissingSequels(finderInput(entries));
      const highCard = result.missing.find((item) => item.media.id === 163151);
      expect(ids(result.missing)).toEqual(DEFAULT_MISSING_IDS);
      expect(highCard?.from.map((source) => source.mediaId)).toEqual([135778]);
    }
  });

  it('hidden custom-list entry counts as on-list', () => {
    const raw = seanimeRawCollection();
    const hidden = { ...rawEntryForNode(raw, 168872, 'COMPLETED'), hiddenFromStatusLists: true };
    raw.lists.push({ name: 'Rewatch later', isCustomList: true, entries: [hidden] });

    const entries = parseCollection(raw).entries;
    const result = findMissingSequels(finderInput(entries));

    expect(entries.find((entry) => entry.mediaId === 168872)?.lists).toEqual(['Rewatch later']);
    expect(ids(result.missing)).toEqual(DEFAULT_MISSING_IDS.filter((id) => id !== 168872));
    expect(result.needRelations).not.toContain(168872);
  });

  it('split completed lists are all sources', () => {
    const raw = seanimeRawCollection();
    const planning = planningEntries(raw);
    const completedTv = planning.filter((e) => e.media.format === 'TV').map((e) => ({ ...e, status: 'COMPLETED' as const }));
    const completedMovie = planning.filter((e) => e.media.format === 'MOVIE').map((e) => ({ ...e, status: 'COMPLETED' as const }));
    const rest = planning.filter((e) => e.media.format !== 'TV' && e.media.format !== 'MOVIE');
    raw.lists = [
      { name: 'Completed TV', status: 'COMPLETED', isCustomList: false, entries: completedTv },
      { name: 'Completed Movie', status: 'COMPLETED', isCustomList: false, entries: completedMovie },
      { name: 'Planning', status: 'PLANNING', isCustomList: false, entries: rest },
    ];

    const result = findMissingSequels(finderInput(parseCollection(raw).entries));
    const byId = new Map(result.missing.map((item) => [item.media.id, item]));

    expect(ids(result.missing)).toEqual(DEFAULT_MISSING_IDS);
    // HIGH CARD is a TV entry, One Piece Film Gold a movie and the Shingeki special stays planned.
    expect(byId.get(163151)?.from[0]?.listStatus).toBe('COMPLETED');
    expect(byId.get(105143)?.from[0]?.listStatus).toBe('COMPLETED');
    expect(byId.get(162314)?.from[0]?.listStatus).toBe('PLANNING');
  });

  it('sequel watched in a split list is on-list', () => {
    const raw = seanimeRawCollection();
    raw.lists.push({ name: 'Completed Movie', status: 'COMPLETED', entries: [rawEntryForNode(raw, 32, 'COMPLETED')] });

    const result = findMissingSequels(finderInput(parseCollection(raw).entries));

    expect(ids(result.missing)).toEqual(DEFAULT_MISSING_IDS.filter((id) => id !== 32));
  });
});

describe('findMissingSequels relation opt-in', () => {
  const list = loadSeanimeList();

  it('PREQUEL adds twelve off-list prequels', () => {
    const result = findMissingSequels(finderInput(list.entries, [], { relations: ['SEQUEL', 'PREQUEL'] }));

    // Franchises by number, each ordered by depth and start date: 21880 (2016-07-02) comes before
    // 21831 (2016-07-16), and Golden Kamuy's final season, with no date, comes after 102977.
    expect(ids(result.missing)).toEqual([
      167404, 32, 168872, 9999, 16239, 16468, 21880, 21831, 105143, 101291, 161474, 102977, 166521,
      116589, 163151, 163146, 140960, 158927, 127720, 166873, 131681, 162314,
    ]);
  });

  const prequelCases = [
    { id: 167404, from: [21], franchise: '21', relation: 'PREQUEL' },
    // End of Evangelion follows the TV series and precedes the Rebuild films, which joins both chains.
    { id: 32, from: [30, 2759], franchise: '30', relation: 'SEQUEL' },
    { id: 21880, from: [21335], franchise: '21335', relation: 'PREQUEL' },
    { id: 116589, from: [131586], franchise: '131586', relation: 'PREQUEL' },
    { id: 140960, from: [142838], franchise: '142838', relation: 'PREQUEL' },
  ] as const;

  it.each(prequelCases)('PREQUEL opt-in: media $id', (row) => {
    const result = findMissingSequels(finderInput(list.entries, [], { relations: ['SEQUEL', 'PREQUEL'] }));
    const item = result.missing.find((missing) => missing.media.id === row.id);

    expect(item?.from.map((source) => source.mediaId)).toEqual(row.from);
    expect(item?.franchise).toBe(row.franchise);
    expect(item?.relation).toBe(row.relation);
    expect(item?.depth).toBe(1);
  });

  it('SIDE_STORY joins One Piece chains', () => {
    const result = findMissingSequels(finderInput(list.entries, [], { relations: ['SEQUEL', 'SIDE_STORY'] }));
    const stampede = result.missing.find((item) => item.media.id === 105143);

    // ONE PIECE (21) lists Stampede as a side story, ONE PIECE FILM: GOLD (21335) as a sequel.
    // At equal depth the SEQUEL wins, and its source leads `from`.
    expect(stampede?.from.map((source) => source.mediaId)).toEqual([21335, 21]);
    expect(stampede?.relation).toBe('SEQUEL');
    expect(stampede?.franchise).toBe('21');
    expect(result.missing.filter((item) => item.franchise === '21335')).toEqual([]);
  });

  const doubleEdgeCases = [
    { relations: ['SEQUEL', 'SIDE_STORY'], expected: 'SEQUEL' },
    { relations: ['SIDE_STORY', 'SEQUEL'], expected: 'SEQUEL' },
    { relations: ['SIDE_STORY', 'PREQUEL'], expected: 'SIDE_STORY' },
  ] as const;

  it.each(doubleEdgeCases)('double edge prefers SEQUEL, then order of $relations', ({ relations, expected }) => {
    // Film Gold gets a second edge to Stampede. One Piece (21), which also reaches it, is removed.
    const entries: ListEntry[] = list.entries
      .filter((entry) => entry.mediaId !== 21)
      .map((entry) => {
        if (entry.mediaId !== 21335) return entry;
        const edges = entry.edges ?? [];
        const stampede = edges.find((e) => e.node.id === 105143)!;
        const sideStory: RelationEdge = { relationType: 'SIDE_STORY', node: stampede.node };
        return { ...entry, edges: [...edges, sideStory] };
      });

    const result = findMissingSequels(finderInput(entries, [], { relations: [...relations] }));
    const stampede = result.missing.filter((item) => item.media.id === 105143);

    expect(stampede).toHaveLength(1);
    expect(stampede[0]?.relation).toBe(expected);
    expect(stampede[0]?.from.map((source) => source.mediaId)).toEqual([21335]);
  });
});

describe('findMissingSequels at list scale', () => {
  it('100 copies of the list give 1,000 results', () => {
    const list = loadSeanimeList();
    const offset = (copy: number, id: number) => copy * 1_000_000 + id;
    const entries: ListEntry[] = [];
    for (let copy = 0; copy < 100; copy++) {
      for (const entry of list.entries) {
        entries.push({
          ...entry,
          id: offset(copy, entry.id),
          mediaId: offset(copy, entry.mediaId),
          media: { ...entry.media, id: offset(copy, entry.mediaId) },
          edges: (entry.edges ?? []).map((e) => ({ ...e, node: { ...e.node, id: offset(copy, e.node.id) } })),
        });
      }
    }

    const result = findMissingSequels(finderInput(entries));

    expect(entries).toHaveLength(5_200);
    expect(result.missing).toHaveLength(1_000);
    expect(result.needRelations).toHaveLength(1_000);
    expect(new Set(result.missing.map((item) => item.franchise)).size).toBe(1_000);
    expect(ids(result.missing).slice(0, 10)).toEqual(DEFAULT_MISSING_IDS);
    expect(result.missing[10]?.media.id).toBe(offset(1, 32));
    expect(result.missing[10]?.franchise).toBe(String(offset(1, 30)));
  });
});

import { describe, expect, it } from 'vitest';
import type { ListEntry, MediaListStatus } from '../../lib/anilist/types';
import { findMissingSequels } from '../../lib/sequels/find';
import type { Availability, MissingSequel } from '../../lib/sequels/types';
import { finderInput, loadSeanimeList, relationsOf } from '../support/recorded';

/**
 * The seanime collection: 52 anime, all PLANNING, each with its relation edges. Its 25 SEQUEL
 * edges were read one by one from the file: 15 point at other entries of the list and these 10
 * point at anime that are not on it. None of those 10 has relations in the file.
 */
const DEFAULT_MISSING: {
  id: number;
  from: number;
  franchise: string;
  availability: Availability;
  title: string;
}[] = [
  // Ordered as the finder must order them: by franchise number, then depth, date and id.
  { id: 32, from: 30, franchise: '30', availability: 'available', title: 'Shin Seiki Evangelion Movie: Air / Magokoro wo, Kimi ni' },
  // Kimi ni Todoke 6045 -> 9656 (on the list) -> 168872, so the chain is keyed by 6045.
  { id: 168872, from: 9656, franchise: '6045', availability: 'announced', title: 'Kimi ni Todoke 3RD SEASON' },
  { id: 105143, from: 21335, franchise: '21335', availability: 'available', title: 'ONE PIECE STAMPEDE' },
  // Seishun Buta Yarou 104157 -> 154967 (on the list) -> 161474.
  { id: 161474, from: 154967, franchise: '104157', availability: 'available', title: 'Seishun Buta Yarou wa Randoseru Girl no Yume wo Minai' },
  // Golden Kamuy 110355 -> 142343 (on the list) -> 166521.
  { id: 166521, from: 142343, franchise: '110355', availability: 'announced', title: 'Golden Kamuy: Saishuu Shou' },
  { id: 163151, from: 135778, franchise: '135778', availability: 'available', title: 'HIGH CARD season 2' },
  { id: 163146, from: 137822, franchise: '137822', availability: 'announced', title: 'Blue Lock 2nd Season' },
  { id: 158927, from: 142838, franchise: '142838', availability: 'available', title: 'SPY×FAMILY Season 2' },
  { id: 166873, from: 146065, franchise: '146065', availability: 'announced', title: 'Mushoku Tensei II: Isekai Ittara Honki Dasu Part 2' },
  { id: 162314, from: 146984, franchise: '146984', availability: 'available', title: 'Shingeki no Kyojin: The Final Season - Kanketsu-hen Kouhen' },
];

function withStatus(entries: ListEntry[], mediaId: number, status: MediaListStatus): ListEntry[] {
  return entries.map((entry) => (entry.mediaId === mediaId ? { ...entry, status, lists: [status] } : entry));
}

function ids(missing: MissingSequel[]): number[] {
  return missing.map((item) => item.media.id);
}

describe('findMissingSequels on the seanime list', () => {
  const list = loadSeanimeList();

  it('recorded list has 25 SEQUEL edges', () => {
    const onList = new Set(list.entries.map((entry) => entry.mediaId));
    const sequelEdges = list.entries.flatMap((entry) => (entry.edges ?? []).filter((e) => e.relationType === 'SEQUEL'));
    const offList = sequelEdges.filter((e) => !onList.has(e.node.id)).map((e) => e.node.id);

    expect(list.entries).toHaveLength(52);
    expect(sequelEdges).toHaveLength(25);
    expect(offList.sort((a, b) => a - b)).toEqual(DEFAULT_MISSING.map((row) => row.id).sort((a, b) => a - b));
  });

  it('defaults report the ten off-list sequels in order', () => {
    const result = findMissingSequels(finderInput(list.entries));

    expect(ids(result.missing)).toEqual(DEFAULT_MISSING.map((row) => row.id));
  });

  it.each(DEFAULT_MISSING)('defaults report $id with its source', (row) => {
    const result = findMissingSequels(finderInput(list.entries));
    const item = result.missing.find((missing) => missing.media.id === row.id);

    expect(item).toBeDefined();
    expect(item!.depth).toBe(1);
    expect(item!.relation).toBe('SEQUEL');
    expect(item!.via).toEqual([]);
    expect(item!.from.map((source) => source.mediaId)).toEqual([row.from]);
    expect(item!.from[0]!.listStatus).toBe('PLANNING');
    expect(item!.from[0]!.media.id).toBe(row.from);
    expect(item!.franchise).toBe(row.franchise);
    expect(item!.availability).toBe(row.availability);
    expect(item!.media.title.romaji).toBe(row.title);
  });

  it('first pass asks for every reached node', () => {
    const result = findMissingSequels(finderInput(list.entries));

    expect(result.needRelations).toEqual(DEFAULT_MISSING.map((row) => row.id).sort((a, b) => a - b));
  });

  it('defaults totals count formats and episodes', () => {
    const { totals } = findMissingSequels(finderInput(list.entries));

    expect(totals.missing).toBe(10);
    expect(totals.byAvailability).toEqual({ available: 6, announced: 4 });
    expect(totals.byFormat).toEqual({ TV: 5, MOVIE: 3, ONA: 1, SPECIAL: 1 });
    // Available: HIGH CARD s2 12 + SPY×FAMILY s2 12 + four single-episode movies and specials.
    expect(totals.catchUpUnits).toBe(28);
    // The collection selects no `duration`, so no minutes can be known.
    expect(totals.catchUpMinutes).toBe(0);
  });

  const statusCases: { name: string; mediaId: number; status: MediaListStatus; gone: number[] }[] = [
    { name: 'DROPPED middle season', mediaId: 9656, status: 'DROPPED', gone: [168872] },
    { name: 'PAUSED middle season', mediaId: 142343, status: 'PAUSED', gone: [166521] },
    { name: 'DROPPED direct source', mediaId: 30, status: 'DROPPED', gone: [32] },
    { name: 'COMPLETED source', mediaId: 135778, status: 'COMPLETED', gone: [] },
  ];

  it.each(statusCases)('status change: $name', ({ mediaId, status, gone }) => {
    const result = findMissingSequels(finderInput(withStatus(list.entries, mediaId, status)));
    const expected = DEFAULT_MISSING.map((row) => row.id).filter((id) => !gone.includes(id));

    expect(ids(result.missing)).toEqual(expected);
    // The changed entry is still on the list, so no walk passes through it or reports it.
    expect(ids(result.missing)).not.toContain(mediaId);
    expect(result.needRelations).not.toContain(mediaId);
  });

  it('COMPLETED source carries its list status', () => {
    const result = findMissingSequels(finderInput(withStatus(list.entries, 135778, 'COMPLETED')));
    const item = result.missing.find((missing) => missing.media.id === 163151);

    expect(item?.from.map((source) => source.listStatus)).toEqual(['COMPLETED']);
  });

  it('sourceStatuses without PLANNING finds nothing', () => {
    const result = findMissingSequels(finderInput(list.entries, [], { sourceStatuses: ['COMPLETED', 'CURRENT'] }));

    expect(result.missing).toEqual([]);
    expect(result.needRelations).toEqual([]);
  });

  it('ignored sequel is left out', () => {
    const result = findMissingSequels(finderInput(list.entries, [], {}, [163151, 32]));

    expect(ids(result.missing)).toEqual(DEFAULT_MISSING.map((row) => row.id).filter((id) => id !== 163151 && id !== 32));
    expect(result.totals.missing).toBe(8);
    // Ignored media are still walked through, so their relations are still requested.
    expect(result.needRelations).toContain(163151);
    expect(result.needRelations).toContain(32);
  });

  it('includeAnnounced false drops four', () => {
    const result = findMissingSequels(finderInput(list.entries, [], { includeAnnounced: false }));

    expect(ids(result.missing)).toEqual([32, 105143, 161474, 163151, 158927, 162314]);
    expect(result.totals.byAvailability).toEqual({ available: 6, announced: 0 });
    expect(result.needRelations).toHaveLength(10);
  });

  it('removed season is found, then its sequel', () => {
    const removed = list.entries.find((entry) => entry.mediaId === 9656)!;
    const entries = list.entries.filter((entry) => entry.mediaId !== 9656);

    const first = findMissingSequels(finderInput(entries));
    const season2 = first.missing.find((item) => item.media.id === 9656);
    expect(season2?.depth).toBe(1);
    expect(season2?.from.map((source) => source.mediaId)).toEqual([6045]);
    expect(ids(first.missing)).not.toContain(168872);
    expect(first.needRelations).toContain(9656);

    // Second pass: the caller fetched 9656, whose relations are the ones the list had recorded.
    const second = findMissingSequels(finderInput(entries, [relationsOf(removed.media, removed.edges!)]));
    const season3 = second.missing.find((item) => item.media.id === 168872);
    expect(second.needRelations).not.toContain(9656);
    expect(second.needRelations).toContain(168872);
    expect(season3?.depth).toBe(2);
    expect(season3?.via).toEqual([9656]);
    expect(season3?.from.map((source) => source.mediaId)).toEqual([6045]);
    expect(season3?.franchise).toBe('6045');
    expect(ids(second.missing).slice(0, 3)).toEqual([32, 9656, 168872]);
  });

  it('edges from relations when entry has none', () => {
    const relations = list.entries.map((entry) => relationsOf(entry.media, entry.edges ?? []));
    const entries = list.entries.map((entry) => ({ ...entry, edges: null }));

    const result = findMissingSequels(finderInput(entries, relations));

    expect(ids(result.missing)).toEqual(DEFAULT_MISSING.map((row) => row.id));
  });

  it('entry without known edges contributes nothing', () => {
    const entries = list.entries.map((entry) => (entry.mediaId === 135778 ? { ...entry, edges: null } : entry));

    const result = findMissingSequels(finderInput(entries));

    expect(ids(result.missing)).not.toContain(163151);
    expect(result.missing).toHaveLength(9);
    // Only off-list media are requested, so an entry without edges is never fetched.
    expect(result.needRelations).not.toContain(135778);
  });

  it('input order does not change result', () => {
    const reversed = [...list.entries]
      .reverse()
      .map((entry) => ({ ...entry, edges: entry.edges ? [...entry.edges].reverse() : null }));

    expect(findMissingSequels(finderInput(reversed))).toEqual(findMissingSequels(finderInput(list.entries)));
  });
});

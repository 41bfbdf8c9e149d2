import { describe, expect, it } from 'vitest';
import type { Media, MediaRelations } from '../../lib/anilist/types';
import { findMissingSequels } from '../../lib/sequels/find';
import type { FinderSettings } from '../../lib/sequels/types';
import { edge, entryFor, finderInput, load7op3Media, loadModbMedia, relationsOf, withId } from '../support/recorded';

/** Koe no Katachi (20954) on the list, with a single SEQUEL edge to the media under test. */
function sequelOfKoeNoKatachi(sequel: Media, relations: MediaRelations[] = [], settings: Partial<FinderSettings> = {}) {
  const source = loadModbMedia(20954).media;
  return findMissingSequels(finderInput([entryFor(source, { edges: [edge('SEQUEL', sequel)] })], relations, settings));
}

describe('findMissingSequels reportable media', () => {
  const nullFormatCases = [
    { id: 135643, availability: 'announced', status: null },
    { id: 111314, availability: 'announced', status: 'NOT_YET_RELEASED' },
    { id: 157371, availability: 'announced', status: 'NOT_YET_RELEASED' },
  ] as const;

  it.each(nullFormatCases)('null format $id is reported', ({ id, availability, status }) => {
    const media = loadModbMedia(id).media;
    const result = sequelOfKoeNoKatachi(media);

    expect(media.format).toBeNull();
    expect(media.status).toBe(status);
    expect(result.missing.map((item) => item.media.id)).toEqual([id]);
    expect(result.missing[0]?.availability).toBe(availability);
    expect(result.totals.byFormat).toEqual({ UNKNOWN: 1 });
  });

  it('null status survives includeAnnounced false', () => {
    // Only NOT_YET_RELEASED is held back, so an unknown status is still reported, marked 'announced'.
    const grimm = sequelOfKoeNoKatachi(loadModbMedia(135643).media, [], { includeAnnounced: false });
    const uzumaki = sequelOfKoeNoKatachi(loadModbMedia(111314).media, [], { includeAnnounced: false });

    expect(grimm.missing.map((item) => item.availability)).toEqual(['announced']);
    expect(uzumaki.missing).toEqual([]);
  });

  it('null type matches either scan', () => {
    const media = withId(loadModbMedia(135643).media, 135643, { type: null });

    expect(sequelOfKoeNoKatachi(media).missing).toHaveLength(1);
    expect(sequelOfKoeNoKatachi(media, [], { type: 'MANGA' }).missing).toHaveLength(1);
  });

  it('announced sequel and its own sequel', () => {
    // Zero Seiki Movie 1 (100081, NOT_YET_RELEASED) names Movie 2 (100148, NOT_YET_RELEASED) as SEQUEL.
    const emeraldas = loadModbMedia(100081);
    const withAnnounced = sequelOfKoeNoKatachi(emeraldas.media, [emeraldas]);
    const withoutAnnounced = sequelOfKoeNoKatachi(emeraldas.media, [emeraldas], { includeAnnounced: false });

    expect(withAnnounced.missing.map((item) => item.media.id)).toEqual([100081, 100148]);
    expect(withAnnounced.missing.map((item) => item.availability)).toEqual(['announced', 'announced']);
    expect(withAnnounced.missing[1]?.via).toEqual([100081]);
    expect(withoutAnnounced.missing).toEqual([]);
    // Held-back media are still walked, so the chain beyond them is still fetched.
    expect(withoutAnnounced.needRelations).toEqual([100148]);
  });

  it('cancelled sequel is not reported', () => {
    const cancelled = loadModbMedia(101704);
    const result = sequelOfKoeNoKatachi(cancelled.media, [cancelled]);

    expect(cancelled.media.status).toBe('CANCELLED');
    expect(result.missing).toEqual([]);
    expect(result.needRelations).toEqual([]);
  });

  const adultCases = [
    { includeAdult: false, reported: [] },
    { includeAdult: true, reported: [108725] },
  ];

  it.each(adultCases)('adult sequel with includeAdult $includeAdult', ({ includeAdult, reported }) => {
    const neverland = loadModbMedia(101759);
    const season2 = neverland.edges.find((e) => e.node.id === 108725)!.node;
    const adult = withId(season2, season2.id, { isAdult: true });

    const result = sequelOfKoeNoKatachi(adult, [], { includeAdult });

    expect(result.missing.map((item) => item.media.id)).toEqual(reported);
    expect(result.needRelations).toEqual([108725]);
  });

  const availabilityCases = [
    { status: 'FINISHED', availability: 'available' },
    { status: 'RELEASING', availability: 'available' },
    { status: 'HIATUS', availability: 'available' },
    { status: 'NOT_YET_RELEASED', availability: 'announced' },
    { status: null, availability: 'announced' },
  ] as const;

  it.each(availabilityCases)('availability of $status', ({ status, availability }) => {
    const media = withId(loadModbMedia(141208).media, 141208, { status });

    expect(sequelOfKoeNoKatachi(media).missing[0]?.availability).toBe(availability);
  });
});

describe('findMissingSequels manga scan', () => {
  // Kimetsu's manga (87216, a relation node of the anime 101922) is on a manga list, rewired so
  // that its SEQUEL is the anime. The anime's real edges lead to two more anime, and one added
  // edge leads to the manga Shimeji Simulation (106726) of the 7op3 list.
  const kimetsu = loadModbMedia(101922);
  const kimetsuManga = kimetsu.edges.find((e) => e.node.id === 87216)!.node;
  const shimeji = load7op3Media('manga').find((media) => media.id === 106726)!;
  const entries = [entryFor(kimetsuManga, { status: 'CURRENT', edges: [edge('SEQUEL', kimetsu.media)] })];
  const relations = [relationsOf(kimetsu.media, [...kimetsu.edges, edge('SEQUEL', withId(shimeji, 106726, { type: 'MANGA' }))])];

  it('manga scan skips anime nodes', () => {
    const result = findMissingSequels(finderInput(entries, relations, { type: 'MANGA' }));

    expect(result.missing.map((item) => item.media.id)).toEqual([106726]);
    expect(result.missing[0]?.depth).toBe(2);
    expect(result.missing[0]?.via).toEqual([101922]);
    expect(result.missing[0]?.from.map((source) => source.mediaId)).toEqual([87216]);
    // The anime walked through are still fetched, as their sequels may lead back to manga.
    expect(result.needRelations).toEqual([106726, 112151, 129874]);
  });

  it('manga totals count chapters', () => {
    const result = findMissingSequels(finderInput(entries, relations, { type: 'MANGA' }));

    expect(result.totals.catchUpUnits).toBe(49);
    expect(result.totals.catchUpMinutes).toBe(0);
  });

  it('anime scan of the same graph', () => {
    const result = findMissingSequels(finderInput(entries, relations));

    expect(result.missing.map((item) => item.media.id)).toEqual([101922, 112151, 129874]);
    expect(result.totals.catchUpUnits).toBe(26);
    expect(result.totals.catchUpMinutes).toBe(26 * 24);
  });
});

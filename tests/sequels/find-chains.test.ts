import { describe, expect, it } from 'vitest';
import type { Media, MediaRelations } from '../../lib/anilist/types';
import { findMissingSequels } from '../../lib/sequels/find';
import type { MissingSequel } from '../../lib/sequels/types';
import { edge, entryFor, finderInput, loadModbMedia, relationsOf, withId } from '../support/recorded';

/**
 * Small graphs built from recorded `Media(id)` responses. The media objects are real; the edges
 * between them are rewired where a case needs a shape AniList's data did not happen to contain.
 */

function ids(missing: MissingSequel[]): number[] {
  return missing.map((item) => item.media.id);
}

function byId(missing: MissingSequel[], id: number): MissingSequel | undefined {
  return missing.find((item) => item.media.id === id);
}

/** Returns the node of a recorded media's relation edge, as AniList sent it. */
function nodeOf(recorded: MediaRelations, id: number): Media {
  const found = recorded.edges.find((e) => e.node.id === id);
  if (!found) throw new Error(`Media ${recorded.media.id} has no relation to ${id}`);
  return found.node;
}

describe('findMissingSequels through unreported nodes', () => {
  // One Room S2 (100133, on the list) -> One Room S3 (116147) -> the music video Shelter (97731)
  // -> the Persona 5 special Dark Sun (106169), whose real edges lead on to Stars and Ours (106896).
  const oneRoom = loadModbMedia(100133);
  const thirdSeason = nodeOf(oneRoom, 116147);
  const music = loadModbMedia(97731);
  const special = loadModbMedia(106169);
  const entries = [entryFor(oneRoom.media, { edges: oneRoom.edges })];
  const relations = [
    relationsOf(thirdSeason, [edge('SEQUEL', music.media)]),
    relationsOf(music.media, [edge('SEQUEL', special.media)]),
    special,
  ];

  it('chain passes a MUSIC node unreported', () => {
    const result = findMissingSequels(finderInput(entries, relations));

    expect(ids(result.missing)).toEqual([116147, 106169, 106896]);
    expect(byId(result.missing, 106169)?.depth).toBe(3);
    expect(byId(result.missing, 106169)?.via).toEqual([116147, 97731]);
    expect(byId(result.missing, 106896)?.depth).toBe(4);
    expect(byId(result.missing, 106896)?.via).toEqual([116147, 97731, 106169]);
    expect(result.needRelations).toEqual([106896]);
  });

  it('chain results share source and franchise', () => {
    const result = findMissingSequels(finderInput(entries, relations));

    for (const item of result.missing) {
      expect(item.from.map((source) => source.mediaId)).toEqual([100133]);
      expect(item.franchise).toBe('100133');
      expect(item.relation).toBe('SEQUEL');
    }
  });

  it('MUSIC reported when not excluded', () => {
    const result = findMissingSequels(finderInput(entries, relations, { excludedFormats: [] }));

    expect(ids(result.missing)).toEqual([116147, 97731, 106169, 106896]);
    expect(byId(result.missing, 97731)?.depth).toBe(2);
  });

  it('excluded SPECIAL is still walked through', () => {
    const result = findMissingSequels(finderInput(entries, relations, { excludedFormats: ['MUSIC', 'SPECIAL'] }));

    expect(ids(result.missing)).toEqual([116147]);
    expect(result.needRelations).toEqual([106896]);
  });

  it('ignored middle node is walked through', () => {
    const result = findMissingSequels(finderInput(entries, relations, {}, [116147]));

    expect(ids(result.missing)).toEqual([106169, 106896]);
    expect(byId(result.missing, 106169)?.via).toEqual([116147, 97731]);
  });

  it('cancelled middle node is walked through', () => {
    // Neverland (101759) -> the cancelled film Kiss and Cry (101704) -> Neverland 2 (108725).
    const neverland = loadModbMedia(101759);
    const cancelled = loadModbMedia(101704);
    const season2 = nodeOf(neverland, 108725);
    const input = finderInput(
      [entryFor(neverland.media, { edges: [edge('SEQUEL', cancelled.media)] })],
      [relationsOf(cancelled.media, [edge('SEQUEL', season2)])],
    );

    const result = findMissingSequels(input);

    expect(ids(result.missing)).toEqual([108725]);
    expect(byId(result.missing, 108725)?.depth).toBe(2);
    expect(byId(result.missing, 108725)?.via).toEqual([101704]);
    expect(result.needRelations).toEqual([108725]);
  });
});

describe('findMissingSequels graph shapes', () => {
  // Tsubasa: Tokyo Revelations (2685) with its real edges: PREQUEL 969, SEQUEL 4938, SOURCE 30009.
  const tsubasa = loadModbMedia(2685);
  const shunraiki = nodeOf(tsubasa, 4938);
  const chronicle2 = nodeOf(tsubasa, 969);

  it('SEQUEL cycle ends and reports once', () => {
    const input = finderInput(
      [entryFor(tsubasa.media, { edges: tsubasa.edges })],
      [
        relationsOf(shunraiki, [edge('SEQUEL', shunraiki), edge('SEQUEL', chronicle2)]),
        relationsOf(chronicle2, [edge('SEQUEL', shunraiki), edge('SEQUEL', tsubasa.media)]),
      ],
    );

    const result = findMissingSequels(input);

    expect(ids(result.missing)).toEqual([4938, 969]);
    expect(byId(result.missing, 969)?.depth).toBe(2);
    expect(byId(result.missing, 969)?.via).toEqual([4938]);
    expect(result.needRelations).toEqual([]);
  });

  it('cycle between two sources stays quiet', () => {
    // Both seasons are on the list and name each other as SEQUEL: nothing is missing.
    const chronicle2Entry = entryFor(chronicle2, { edges: [edge('SEQUEL', tsubasa.media)] });
    const input = finderInput([entryFor(tsubasa.media, { edges: [edge('SEQUEL', chronicle2)] }), chronicle2Entry]);

    const result = findMissingSequels(input);

    expect(result.missing).toEqual([]);
    expect(result.needRelations).toEqual([]);
  });

  it('one-sided SEQUEL edge is followed', () => {
    // Shunraiki's own relations do not name Tokyo Revelations, but the source's edge is enough.
    const result = findMissingSequels(
      finderInput([entryFor(tsubasa.media, { edges: tsubasa.edges })], [relationsOf(shunraiki, [])]),
    );

    expect(ids(result.missing)).toEqual([4938]);
    expect(result.needRelations).toEqual([]);
  });

  it('back edge alone finds nothing', () => {
    // Only the off-list node names the on-list one (as PREQUEL), so the walk never reaches it.
    const result = findMissingSequels(
      finderInput([entryFor(tsubasa.media, { edges: [] })], [relationsOf(shunraiki, [edge('PREQUEL', tsubasa.media)])], {
        relations: ['SEQUEL', 'PREQUEL'],
      }),
    );

    expect(result.missing).toEqual([]);
  });

  it('from lists nearest source first', () => {
    // Harlock (1000) -> Kimetsu's Mugen Ressha-hen film (112151) -> its TV version (129874), and
    // Kimetsu (101922) pointing straight at the TV version: the nearer source has the larger id.
    const kimetsu = loadModbMedia(101922);
    const film = nodeOf(kimetsu, 112151);
    const tv = nodeOf(kimetsu, 129874);
    const harlock = loadModbMedia(1000);
    const input = finderInput(
      [
        entryFor(kimetsu.media, { status: 'CURRENT', edges: [edge('SEQUEL', tv)] }),
        entryFor(harlock.media, { edges: [edge('SEQUEL', film)] }),
      ],
      [relationsOf(film, [edge('SEQUEL', tv)]), relationsOf(tv, [])],
    );

    const result = findMissingSequels(input);
    const tvResult = byId(result.missing, 129874);

    expect(tvResult?.depth).toBe(1);
    expect(tvResult?.via).toEqual([]);
    expect(tvResult?.from.map((source) => source.mediaId)).toEqual([101922, 1000]);
    expect(tvResult?.from.map((source) => source.listStatus)).toEqual(['CURRENT', 'COMPLETED']);
    expect(byId(result.missing, 112151)?.from.map((source) => source.mediaId)).toEqual([1000]);
    // Both sources reach the TV version, so the two chains are one franchise.
    expect(result.missing.map((item) => item.franchise)).toEqual(['1000', '1000']);
  });

  it('equal distances list sources by id', () => {
    const kimetsu = loadModbMedia(101922);
    const tv = nodeOf(kimetsu, 129874);
    const harlock = loadModbMedia(1000);
    const input = finderInput([
      entryFor(kimetsu.media, { edges: kimetsu.edges }),
      entryFor(harlock.media, { edges: [edge('SEQUEL', tv)] }),
    ]);

    const result = findMissingSequels(input);

    expect(ids(result.missing)).toEqual([112151, 129874]);
    expect(byId(result.missing, 129874)?.from.map((source) => source.mediaId)).toEqual([1000, 101922]);
    expect(byId(result.missing, 112151)?.from.map((source) => source.mediaId)).toEqual([101922]);
  });

  it('equal paths start at lowest source', () => {
    // Nadia (1251) -> Kimetsu film (112151) -> Kimetsu TV (129874), and Harlock (1000) -> Harlock
    // Saga (1645) -> the same TV version. Harlock has the lower id, so its path is the one kept.
    const kimetsu = loadModbMedia(101922);
    const film = nodeOf(kimetsu, 112151);
    const tv = nodeOf(kimetsu, 129874);
    const harlock = loadModbMedia(1000);
    const saga = nodeOf(harlock, 1645);
    const nadia = loadModbMedia(1251);
    const input = finderInput(
      [
        entryFor(nadia.media, { edges: [edge('SEQUEL', film)] }),
        entryFor(harlock.media, { edges: [edge('SEQUEL', saga)] }),
      ],
      [relationsOf(film, [edge('SEQUEL', tv)]), relationsOf(saga, [edge('SEQUEL', tv)]), relationsOf(tv, [])],
    );

    const result = findMissingSequels(input);
    const tvResult = byId(result.missing, 129874);

    expect(tvResult?.depth).toBe(2);
    expect(tvResult?.from.map((source) => source.mediaId)).toEqual([1000, 1251]);
    expect(tvResult?.via).toEqual([1645]);
  });

  it('DROPPED entry links franchise but is no source', () => {
    // Nadia (1251, COMPLETED) -> Harlock (1000, DROPPED) -> Kimetsu (101922, COMPLETED) -> film.
    const nadia = loadModbMedia(1251);
    const harlock = loadModbMedia(1000);
    const kimetsu = loadModbMedia(101922);
    const input = finderInput([
      entryFor(nadia.media, { edges: [edge('SEQUEL', harlock.media)] }),
      entryFor(harlock.media, { status: 'DROPPED', edges: [edge('SEQUEL', kimetsu.media), ...harlock.edges] }),
      entryFor(kimetsu.media, { edges: [edge('SEQUEL', nodeOf(kimetsu, 112151))] }),
    ]);

    const result = findMissingSequels(input);

    // Harlock's own sequel (1645) is not reported: its only source is the DROPPED entry.
    expect(ids(result.missing)).toEqual([112151]);
    expect(result.missing[0]?.from.map((source) => source.mediaId)).toEqual([101922]);
    expect(result.missing[0]?.franchise).toBe('1251');
    expect(result.needRelations).toEqual([112151]);
  });

  it('self-loop on a source is ignored', () => {
    const input = finderInput([entryFor(tsubasa.media, { edges: [edge('SEQUEL', tsubasa.media), ...tsubasa.edges] })]);

    const result = findMissingSequels(input);

    expect(ids(result.missing)).toEqual([4938]);
  });

  it('fetched media replaces relation node', () => {
    // A modb relation node carries only a few fields, so the fetched media object is reported instead.
    const fetched = withId(loadModbMedia(101759).media, shunraiki.id);
    const result = findMissingSequels(
      finderInput([entryFor(tsubasa.media, { edges: tsubasa.edges })], [relationsOf(fetched, [])]),
    );

    expect(shunraiki.episodes).toBeNull();
    expect(result.missing[0]?.media.episodes).toBe(12);
    expect(result.missing[0]?.media.id).toBe(4938);
  });
});

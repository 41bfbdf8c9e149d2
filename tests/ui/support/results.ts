import type { Media } from '../../../lib/anilist/types';
import { findMissingSequels } from '../../../lib/sequels/find';
import type { FinderSettings, MissingSequel } from '../../../lib/sequels/types';
import {
  edge, entryFor, finderInput, loadModbMedia, loadSeanimeList, relationsOf, withId,
} from '../../support/recorded';

/** Results for screen tests, made by the real finder from recorded AniList data. */

/** Missing sequels of the recorded 52-entry seanime list (all PLANNING), with its own relation edges. */
export function seanimeResults(settings: Partial<FinderSettings> = {}): MissingSequel[] {
  const list = loadSeanimeList();
  return findMissingSequels(finderInput(list.entries, [], settings)).missing;
}

/** Recorded modb media with their synopses, genres, scores and covers, used as templates. */
const TEMPLATE_IDS = [1, 235, 1000, 2167, 2685, 5114, 15689, 20954, 97731, 100050, 101759, 101922, 141208, 157371];

export function templateMedia(): Media[] {
  return TEMPLATE_IDS.map((id) => loadModbMedia(id).media);
}

/**
 * Builds `count` missing sequels: each a completed list entry with one off-list SEQUEL, both copied
 * from recorded media under new ids, run through the finder. Every fourth franchise gets a
 * second sequel behind the first, so groups of two and `via` paths occur.
 */
export function manyResults(count: number): MissingSequel[] {
  const templates = templateMedia();
  const entries = [];
  const relations = [];
  let made = 0;
  for (let franchise = 0; made < count; franchise += 1) {
    const pick = (offset: number): Media => templates[(franchise + offset) % templates.length]!;
    const base = 2_000_000 + franchise * 10;
    const source = withId(pick(0), base, { type: 'ANIME' });
    const sequel = withId(pick(1), base + 1, { type: 'ANIME' });
    const second = franchise % 4 === 0 && made + 1 < count ? withId(pick(2), base + 2, { type: 'ANIME' }) : null;

    entries.push(entryFor(source, { status: 'COMPLETED', edges: [edge('SEQUEL', sequel)] }));
    relations.push(relationsOf(sequel, second ? [edge('SEQUEL', second)] : []));
    if (second) relations.push(relationsOf(second, []));
    made += second ? 2 : 1;
  }
  return findMissingSequels(finderInput(entries, relations, { includeAnnounced: true, excludedFormats: [] })).missing;
}

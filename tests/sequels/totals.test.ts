import { describe, expect, it } from 'vitest';
import type { Media } from '../../lib/anilist/types';
import { availabilityOf } from '../../lib/sequels/reportable';
import { computeTotals } from '../../lib/sequels/totals';
import type { MissingSequel } from '../../lib/sequels/types';
import { load7op3Media, loadModbMedia } from '../support/recorded';

function missingOf(media: Media): MissingSequel {
  return {
    media,
    relation: 'SEQUEL',
    depth: 1,
    from: [],
    via: [],
    franchise: '1',
    availability: availabilityOf(media),
  };
}

describe('computeTotals', () => {
  // Harlock 42 × 25 min, Kimetsu 26 × 24, Kago Shintarou OVA 17 × 2, Tonikawa S2 (RELEASING,
  // episodes unknown) × 24, and Uzumaki (NOT_YET_RELEASED, 4 episodes, no format).
  const anime = [1000, 101922, 10003, 141208, 111314].map((id) => missingOf(loadModbMedia(id).media));

  it('anime catch-up minutes and episodes', () => {
    const totals = computeTotals(anime, 'ANIME');

    expect(totals.catchUpMinutes).toBe(42 * 25 + 26 * 24 + 17 * 2);
    expect(totals.catchUpUnits).toBe(42 + 26 + 17);
  });

  it('anime counts by availability and format', () => {
    const totals = computeTotals(anime, 'ANIME');

    expect(totals.missing).toBe(5);
    expect(totals.byAvailability).toEqual({ available: 4, announced: 1 });
    expect(totals.byFormat).toEqual({ TV: 3, OVA: 1, UNKNOWN: 1 });
  });

  it('announced episodes are not counted', () => {
    const uzumaki = anime.filter((item) => item.media.id === 111314);

    expect(uzumaki[0]?.media.episodes).toBe(4);
    expect(computeTotals(uzumaki, 'ANIME').catchUpUnits).toBe(0);
  });

  it('manga catch-up counts chapters', () => {
    // Shimeji Simulation: FINISHED, 49 chapters. The other three are RELEASING with no chapter count.
    const manga = load7op3Media('manga').map(missingOf);
    const totals = computeTotals(manga, 'MANGA');

    expect(manga).toHaveLength(4);
    expect(totals.catchUpUnits).toBe(49);
    expect(totals.catchUpMinutes).toBe(0);
    expect(totals.byAvailability).toEqual({ available: 4, announced: 0 });
    expect(totals.byFormat).toEqual({ UNKNOWN: 4 });
  });

  it('empty input gives zero totals', () => {
    expect(computeTotals([], 'ANIME')).toEqual({
      missing: 0,
      byAvailability: { available: 0, announced: 0 },
      byFormat: {},
      catchUpMinutes: 0,
      catchUpUnits: 0,
    });
  });
});

import type { MediaType } from '../anilist/types';
import type { FinderTotals, MissingSequel } from './types';

/**
 * Sums up the missing media. Catch-up covers only available media: minutes are episodes times
 * minutes per episode (anime only), units are episodes for anime and chapters for manga, and an
 * unknown count adds 0.
 */
export function computeTotals(missing: readonly MissingSequel[], type: MediaType): FinderTotals {
  const totals: FinderTotals = {
    missing: missing.length,
    byAvailability: { available: 0, announced: 0 },
    byFormat: {},
    catchUpMinutes: 0,
    catchUpUnits: 0,
  };

  for (const item of missing) {
    const { media } = item;
    totals.byAvailability[item.availability] += 1;
    const format = media.format ?? 'UNKNOWN';
    totals.byFormat[format] = (totals.byFormat[format] ?? 0) + 1;

    if (item.availability !== 'available') continue;
    if (type === 'ANIME') {
      totals.catchUpUnits += media.episodes ?? 0;
      totals.catchUpMinutes += (media.episodes ?? 0) * (media.duration ?? 0);
    } else {
      totals.catchUpUnits += media.chapters ?? 0;
    }
  }
  return totals;
}

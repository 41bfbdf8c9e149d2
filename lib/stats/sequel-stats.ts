import type { MediaType } from '../anilist/types';
import { computeTotals } from '../sequels/totals';
import type { Availability, MissingSequel } from '../sequels/types';
import { FORMAT_ORDER, type FormatKey, releaseYearOf } from '../ui/filters';

/** Figures the statistics panel charts, computed over the sequels the filters show. */
export interface SequelStats {
  total: number;
  /** Most frequent first; equal counts in AniList's format order. */
  byFormat: { format: FormatKey; count: number }[];
  byAvailability: Record<Availability, number>;
  /** Known release years, oldest first, with every year between the first and last (zero counts included). */
  byYear: { year: number; count: number }[];
  /** Sequels whose release year is unknown. */
  unknownYear: number;
  catchUp: {
    /** Episodes times minutes per episode over available anime. */
    minutes: number;
    /** Episodes of available anime, or chapters of available manga. */
    units: number;
    /** Available sequels whose episode or chapter count AniList does not know yet, so `units` and `minutes` leave them out. */
    unknownUnits: number;
    /** Available anime with a known episode count but no episode length: in `units`, but their time is unknown. */
    unknownDuration: number;
  };
}

function unitCountOf(sequel: MissingSequel, type: MediaType): number | null {
  return type === 'MANGA' ? sequel.media.chapters : sequel.media.episodes;
}

export function sequelStats(sequels: readonly MissingSequel[], type: MediaType): SequelStats {
  const totals = computeTotals(sequels, type);

  const byFormat = Object.entries(totals.byFormat)
    .map(([format, count]) => ({ format: format as FormatKey, count }))
    .sort((a, b) => b.count - a.count || FORMAT_ORDER.indexOf(a.format) - FORMAT_ORDER.indexOf(b.format));

  const years = new Map<number, number>();
  let unknownYear = 0;
  let unknownUnits = 0;
  let unknownDuration = 0;
  for (const sequel of sequels) {
    const year = releaseYearOf(sequel.media);
    if (year === null) unknownYear += 1;
    else years.set(year, (years.get(year) ?? 0) + 1);
    if (sequel.availability !== 'available') continue;
    if (unitCountOf(sequel, type) === null) unknownUnits += 1;
    else if (type === 'ANIME' && sequel.media.duration === null) unknownDuration += 1;
  }

  const byYear: { year: number; count: number }[] = [];
  if (years.size > 0) {
    const known = [...years.keys()];
    const first = Math.min(...known);
    const last = Math.max(...known);
    for (let year = first; year <= last; year += 1) byYear.push({ year, count: years.get(year) ?? 0 });
  }

  return {
    total: totals.missing,
    byFormat,
    byAvailability: { ...totals.byAvailability },
    byYear,
    unknownYear,
    catchUp: { minutes: totals.catchUpMinutes, units: totals.catchUpUnits, unknownUnits, unknownDuration },
  };
}

/** Splits minutes into whole hours and the remaining minutes, for "41 hours 30 minutes". */
export function splitMinutes(minutes: number): { hours: number; minutes: number } {
  const whole = Math.max(0, Math.round(minutes));
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}

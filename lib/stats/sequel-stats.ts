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
    /** Available sequels whose length AniList does not know yet, so the totals leave them out. */
    unknownLength: number;
  };
}

function hasKnownLength(sequel: MissingSequel, type: MediaType): boolean {
  const { media } = sequel;
  if (type === 'MANGA') return media.chapters !== null;
  return media.episodes !== null && media.duration !== null;
}

export function sequelStats(sequels: readonly MissingSequel[], type: MediaType): SequelStats {
  const totals = computeTotals(sequels, type);

  const byFormat = Object.entries(totals.byFormat)
    .map(([format, count]) => ({ format: format as FormatKey, count }))
    .sort((a, b) => b.count - a.count || FORMAT_ORDER.indexOf(a.format) - FORMAT_ORDER.indexOf(b.format));

  const years = new Map<number, number>();
  let unknownYear = 0;
  let unknownLength = 0;
  for (const sequel of sequels) {
    const year = releaseYearOf(sequel.media);
    if (year === null) unknownYear += 1;
    else years.set(year, (years.get(year) ?? 0) + 1);
    if (sequel.availability === 'available' && !hasKnownLength(sequel, type)) unknownLength += 1;
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
    catchUp: { minutes: totals.catchUpMinutes, units: totals.catchUpUnits, unknownLength },
  };
}

/** Splits minutes into whole hours and the remaining minutes, for "41 hours 30 minutes". */
export function splitMinutes(minutes: number): { hours: number; minutes: number } {
  const whole = Math.max(0, Math.round(minutes));
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}

import type { FuzzyDate } from '../anilist/types';
import type { MissingSequel } from './types';

/** Orders results by franchise (numerically, as keys are media ids), depth, start date, then id. */
export function compareMissing(a: MissingSequel, b: MissingSequel): number {
  return compareFranchise(a.franchise, b.franchise) || compareWithinFranchise(a, b);
}

/** Sorts in place by `compareMissing`, parsing each franchise key once instead of per comparison. */
export function sortMissing(missing: MissingSequel[]): void {
  const keyed = missing.map((item) => ({ item, franchise: Number(item.franchise) }));
  keyed.sort(
    (a, b) =>
      a.franchise - b.franchise ||
      compareText(a.item.franchise, b.item.franchise) ||
      compareWithinFranchise(a.item, b.item),
  );
  keyed.forEach((entry, index) => {
    missing[index] = entry.item;
  });
}

function compareWithinFranchise(a: MissingSequel, b: MissingSequel): number {
  return (
    a.depth - b.depth ||
    compareStartDates(a.media.startDate, b.media.startDate) ||
    a.media.id - b.media.id
  );
}

/** Compares id keys as numbers. A key that is not a number falls back to text order. */
function compareFranchise(a: string, b: string): number {
  return Number(a) - Number(b) || compareText(a, b);
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Compares start dates, earlier first. An unknown year, month or day sorts after every known one at that level. */
export function compareStartDates(a: FuzzyDate | null, b: FuzzyDate | null): number {
  return (
    compareDatePart(a?.year, b?.year) ||
    compareDatePart(a?.month, b?.month) ||
    compareDatePart(a?.day, b?.day)
  );
}

function compareDatePart(a: number | null | undefined, b: number | null | undefined): number {
  const left = a ?? Number.POSITIVE_INFINITY;
  const right = b ?? Number.POSITIVE_INFINITY;
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

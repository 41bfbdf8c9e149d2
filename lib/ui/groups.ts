import type { Media } from '../anilist/types';
import { compareStartDates } from '../sequels/order';
import type { MissingSequel } from '../sequels/types';

/** Orders of the Sequels tab. Each orders whole franchise groups; inside a group the next to watch stays first. */
export const SORT_KEYS = ['release', 'popularity', 'score', 'title', 'depth'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface FranchiseGroup {
  /** The finder's franchise key. */
  key: string;
  /** Nearest first: fewest hops, then earliest start date, then media id. */
  sequels: MissingSequel[];
}

/** The order inside a franchise: what to watch next comes first. */
export function compareNextToWatch(a: MissingSequel, b: MissingSequel): number {
  return a.depth - b.depth || compareStartDates(a.media.startDate, b.media.startDate) || a.media.id - b.media.id;
}

/** Compares numbers so that larger comes first and null comes last. */
function compareDescending(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

function maxOf(group: FranchiseGroup, value: (media: Media) => number | null): number | null {
  let best: number | null = null;
  for (const sequel of group.sequels) {
    const current = value(sequel.media);
    if (current !== null && (best === null || current > best)) best = current;
  }
  return best;
}

function headOf(group: FranchiseGroup): MissingSequel {
  const head = group.sequels[0];
  if (head === undefined) throw new Error(`Franchise group ${group.key} is empty.`);
  return head;
}

/**
 * Groups sequels by franchise and orders the groups by `sort`: release by the next sequel's start
 * date (earliest first), popularity and score by the group's highest value (highest first, unknown
 * last), title by the next sequel's title, depth by the nearest sequel. Ties keep franchise key order.
 */
export function groupByFranchise(
  sequels: readonly MissingSequel[],
  sort: SortKey,
  titleOf: (media: Media) => string,
  collator: Intl.Collator,
): FranchiseGroup[] {
  const byKey = new Map<string, MissingSequel[]>();
  for (const sequel of sequels) {
    const members = byKey.get(sequel.franchise);
    if (members === undefined) byKey.set(sequel.franchise, [sequel]);
    else members.push(sequel);
  }

  const groups: FranchiseGroup[] = [];
  for (const [key, members] of byKey) groups.push({ key, sequels: members.sort(compareNextToWatch) });

  const ranks = new Map<FranchiseGroup, number | string | null>();
  for (const group of groups) ranks.set(group, rankOf(group, sort, titleOf));

  const byFranchiseKey = (a: FranchiseGroup, b: FranchiseGroup) =>
    Number(a.key) - Number(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

  return groups.sort((a, b) => {
    const order = compareRanks(sort, ranks.get(a) ?? null, ranks.get(b) ?? null, a, b, collator);
    return order || byFranchiseKey(a, b);
  });
}

function rankOf(group: FranchiseGroup, sort: SortKey, titleOf: (media: Media) => string): number | string | null {
  switch (sort) {
    case 'popularity':
      return maxOf(group, (media) => media.popularity);
    case 'score':
      return maxOf(group, (media) => media.averageScore);
    case 'title':
      return titleOf(headOf(group).media);
    case 'depth':
      return headOf(group).depth;
    case 'release':
      return null;
  }
}

function compareRanks(
  sort: SortKey,
  a: number | string | null,
  b: number | string | null,
  groupA: FranchiseGroup,
  groupB: FranchiseGroup,
  collator: Intl.Collator,
): number {
  switch (sort) {
    case 'release':
      return compareStartDates(headOf(groupA).media.startDate, headOf(groupB).media.startDate);
    case 'title':
      return collator.compare(String(a), String(b));
    case 'depth':
      return Number(a) - Number(b);
    case 'popularity':
    case 'score':
      return compareDescending(a as number | null, b as number | null);
  }
}

/** One row of the windowed list: a franchise header or a sequel card. */
export type SequelRow =
  | { kind: 'franchise'; key: string; group: FranchiseGroup }
  | { kind: 'sequel'; key: string; sequel: MissingSequel; group: FranchiseGroup };

/** Flattens groups into rows, a header before each group's cards. */
export function rowsOf(groups: readonly FranchiseGroup[]): SequelRow[] {
  const rows: SequelRow[] = [];
  for (const group of groups) {
    rows.push({ kind: 'franchise', key: `franchise:${group.key}`, group });
    for (const sequel of group.sequels) rows.push({ kind: 'sequel', key: `media:${sequel.media.id}`, sequel, group });
  }
  return rows;
}

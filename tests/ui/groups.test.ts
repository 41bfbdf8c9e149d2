import { describe, expect, it } from 'vitest';
import { displayTitle } from '../../lib/anilist/title';
import { compareNextToWatch, groupByFranchise, rowsOf, type SortKey } from '../../lib/ui/groups';
import { manyResults, seanimeResults } from './support/results';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const titleOf = (media: Parameters<typeof displayTitle>[0]) => displayTitle(media);
const seanime = seanimeResults();

function headIds(sort: SortKey): number[] {
  return groupByFranchise(seanime, sort, titleOf, collator).map((group) => group.sequels[0]!.media.id);
}

describe('groupByFranchise on the seanime results', () => {
  const cases: { sort: SortKey; expected: number[] }[] = [
    // Earliest start first. A known month sorts before an unknown one of the same year (Mushoku
    // Tensei's April 2024 before the two "2024" dates), and Golden Kamuy's undated season is last.
    { sort: 'release', expected: [32, 105143, 158927, 162314, 161474, 163151, 166873, 168872, 163146, 166521] },
    // Titles as displayed (English first): Attack on Titan, Blue Lock, Golden Kamuy, ...
    { sort: 'title', expected: [162314, 163146, 166521, 163151, 168872, 166873, 32, 105143, 161474, 158927] },
    // All are direct sequels, so franchise key order decides.
    { sort: 'depth', expected: seanime.map((sequel) => sequel.media.id) },
  ];

  for (const { sort, expected } of cases) {
    it(`groups sorted by ${sort}`, () => {
      expect(headIds(sort)).toEqual(expected);
    });
  }

  it('one group per franchise', () => {
    const groups = groupByFranchise(seanime, 'release', titleOf, collator);
    expect(groups).toHaveLength(new Set(seanime.map((sequel) => sequel.franchise)).size);
  });
});

describe('groupByFranchise with chains', () => {
  const results = manyResults(40);

  it('next to watch comes first inside a group', () => {
    for (const group of groupByFranchise(results, 'popularity', titleOf, collator)) {
      const sorted = [...group.sequels].sort(compareNextToWatch);
      expect(group.sequels.map((sequel) => sequel.media.id)).toEqual(sorted.map((sequel) => sequel.media.id));
      expect(group.sequels[0]!.depth).toBe(1);
    }
  });

  it('popularity puts the highest group first', () => {
    const groups = groupByFranchise(results, 'popularity', titleOf, collator);
    const best = groups.map((group) => Math.max(...group.sequels.map((sequel) => sequel.media.popularity ?? -1)));
    expect(best).toEqual([...best].sort((a, b) => b - a));
  });

  it('score leaves unknown scores last', () => {
    const groups = groupByFranchise(results, 'score', titleOf, collator);
    const best = groups.map((group) => Math.max(...group.sequels.map((sequel) => sequel.media.averageScore ?? -1)));
    const firstUnknown = best.indexOf(-1);
    if (firstUnknown >= 0) expect(best.slice(firstUnknown).every((score) => score === -1)).toBe(true);
    expect(best.filter((score) => score >= 0)).toEqual(best.filter((score) => score >= 0).sort((a, b) => b - a));
  });
});

describe('rowsOf', () => {
  it('header before each group', () => {
    const groups = groupByFranchise(manyResults(12), 'release', titleOf, collator);
    const rows = rowsOf(groups);
    expect(rows).toHaveLength(groups.length + groups.reduce((sum, group) => sum + group.sequels.length, 0));
    expect(rows[0]?.kind).toBe('franchise');
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  });
});

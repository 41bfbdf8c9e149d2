import { describe, expect, it } from 'vitest';
import { availabilityChartConfig, formatChartConfig, yearChartConfig } from '../../lib/stats/chart-configs';
import { sequelStats, splitMinutes } from '../../lib/stats/sequel-stats';
import { manyResults, seanimeResults } from '../ui/support/results';

const seanime = seanimeResults();

describe('sequelStats on the seanime results', () => {
  const stats = sequelStats(seanime, 'ANIME');

  it('counts by format, most first', () => {
    expect(stats.byFormat).toEqual([
      { format: 'TV', count: 5 },
      { format: 'MOVIE', count: 3 },
      { format: 'SPECIAL', count: 1 },
      { format: 'ONA', count: 1 },
    ]);
  });

  it('counts by availability', () => {
    expect(stats.total).toBe(10);
    expect(stats.byAvailability).toEqual({ available: 6, announced: 4 });
  });

  it('fills the years between', () => {
    expect(stats.byYear[0]).toEqual({ year: 1997, count: 1 });
    expect(stats.byYear.at(-1)).toEqual({ year: 2024, count: 4 });
    expect(stats.byYear).toHaveLength(2024 - 1997 + 1);
    expect(stats.byYear.find((item) => item.year == 2000)).toEqual({ year: 2000, count: 0 });
    expect(stats.unknownYear).toBe(1);
  });

  it('catch-up counts only known lengths', () => {
    // The relation nodes of this recording carry episode counts but no durations.
    expect(stats.catchUp.units).toBe(28);
    expect(stats.catchUp.minutes).toBe(0);
    expect(stats.catchUp.unknownDuration).toBe(6);
    expect(stats.catchUp.unknownUnits).toBe(0);
  });
});

describe('sequelStats on copies of recorded media', () => {
  it('minutes are episodes times duration', () => {
    const results = manyResults(30);
    const stats = sequelStats(results, 'ANIME');
    const expected = results
      .filter((sequel) => sequel.availability === 'available')
      .reduce((sum, sequel) => sum + (sequel.media.episodes ?? 0) * (sequel.media.duration ?? 0), 0);
    expect(stats.catchUp.minutes).toBe(expected);
    expect(stats.catchUp.minutes).toBeGreaterThan(0);
  });

  it('empty results give empty figures', () => {
    const stats = sequelStats([], 'MANGA');
    expect(stats).toEqual({
      total: 0,
      byFormat: [],
      byAvailability: { available: 0, announced: 0 },
      byYear: [],
      unknownYear: 0,
      catchUp: { minutes: 0, units: 0, unknownUnits: 0, unknownDuration: 0 },
    });
  });
});

describe('splitMinutes', () => {
  const cases = [
    { minutes: 0, expected: { hours: 0, minutes: 0 } },
    { minutes: 59, expected: { hours: 0, minutes: 59 } },
    { minutes: 2490, expected: { hours: 41, minutes: 30 } },
    { minutes: 90.6, expected: { hours: 1, minutes: 31 } },
  ];
  for (const { minutes, expected } of cases) {
    it(`splits ${minutes} minutes`, () => {
      expect(splitMinutes(minutes)).toEqual(expected);
    });
  }
});

describe('chart configs', () => {
  const stats = sequelStats(seanime, 'ANIME');
  const labels = { format: (format: string) => `F:${format}`, available: 'Avail', announced: 'Ann', sequels: 'Sequels' };
  const colors = { text: '#111', grid: '#222', primary: '#333', secondary: '#444' };

  it('format chart lists each format', () => {
    const config = formatChartConfig(stats, labels, colors);
    expect(config.data.labels).toEqual(['F:TV', 'F:MOVIE', 'F:SPECIAL', 'F:ONA']);
    expect(config.data.datasets[0]?.data).toEqual([5, 3, 1, 1]);
    expect(config.options?.indexAxis).toBe('y');
  });

  it('availability chart has two slices', () => {
    const config = availabilityChartConfig(stats, labels, colors);
    expect(config.data.labels).toEqual(['Avail', 'Ann']);
    expect(config.data.datasets[0]?.data).toEqual([6, 4]);
  });

  it('year chart spans the years', () => {
    const config = yearChartConfig(stats, labels, colors);
    expect(config.data.labels?.[0]).toBe('1997');
    expect(config.data.datasets[0]?.data).toHaveLength(28);
  });
});

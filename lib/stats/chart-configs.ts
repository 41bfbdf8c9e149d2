import type { ChartConfiguration } from 'chart.js';
import type { SequelStats } from './sequel-stats';

/** Colors read from the page's theme, so charts follow light and dark mode. */
export interface ChartColors {
  text: string;
  grid: string;
  primary: string;
  secondary: string;
}

/** Labels in the screen's language. */
export interface ChartLabels {
  format: (format: string) => string;
  available: string;
  announced: string;
  sequels: string;
}

const BASE_OPTIONS = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
} as const;

/** A horizontal bar per format, most frequent on top. */
export function formatChartConfig(stats: SequelStats, labels: ChartLabels, colors: ChartColors): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: stats.byFormat.map((item) => labels.format(item.format)),
      datasets: [{ label: labels.sequels, data: stats.byFormat.map((item) => item.count), backgroundColor: colors.primary }],
    },
    options: {
      ...BASE_OPTIONS,
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: {
        x: { beginAtZero: true, ticks: { color: colors.text, precision: 0 }, grid: { color: colors.grid } },
        y: { ticks: { color: colors.text }, grid: { display: false } },
      },
    },
  };
}

/** Available against announced sequels. */
export function availabilityChartConfig(stats: SequelStats, labels: ChartLabels, colors: ChartColors): ChartConfiguration<'doughnut'> {
  return {
    type: 'doughnut',
    data: {
      labels: [labels.available, labels.announced],
      datasets: [
        {
          label: labels.sequels,
          data: [stats.byAvailability.available, stats.byAvailability.announced],
          backgroundColor: [colors.primary, colors.secondary],
          borderWidth: 0,
        },
      ],
    },
    options: {
      ...BASE_OPTIONS,
      plugins: { legend: { position: 'right', labels: { color: colors.text, boxWidth: 12 } } },
    },
  };
}

/** Sequels per release year, oldest on the left. */
export function yearChartConfig(stats: SequelStats, labels: ChartLabels, colors: ChartColors): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: stats.byYear.map((item) => String(item.year)),
      datasets: [{ label: labels.sequels, data: stats.byYear.map((item) => item.count), backgroundColor: colors.primary }],
    },
    options: {
      ...BASE_OPTIONS,
      plugins: { legend: { display: false } },
      scales: {
        x: { ticks: { color: colors.text, autoSkip: true, maxRotation: 0 }, grid: { display: false } },
        y: { beginAtZero: true, ticks: { color: colors.text, precision: 0 }, grid: { color: colors.grid } },
      },
    },
  };
}

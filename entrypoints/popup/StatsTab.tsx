import { useMemo } from 'preact/hooks';
import { ChartCanvas } from '../../components/ChartCanvas';
import { useI18n } from '../../components/i18n-context';
import type { MediaType } from '../../lib/anilist/types';
import { availabilityChartConfig, type ChartColors, formatChartConfig, yearChartConfig } from '../../lib/stats/chart-configs';
import { sequelStats, splitMinutes } from '../../lib/stats/sequel-stats';
import type { SequelsModel } from '../../lib/ui/sequels-model';

function themeColors(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--al-text', '#5c728a'),
    grid: read('--al-border', '#d9e1e8'),
    primary: read('--al-blue', '#1b7fb8'),
    secondary: read('--al-orange', '#d97b2b'),
  };
}

/** Charts of the sequels the filters show: by format, by availability and by release year, and the catch-up time. */
export function StatsTab({ model, mediaType }: { model: SequelsModel; mediaType: MediaType }) {
  const { popup: t, shared, locale } = useI18n();
  const sequels = model.visible.value;
  const stats = useMemo(() => sequelStats(sequels, mediaType), [sequels, mediaType]);
  const configs = useMemo(() => {
    const colors = themeColors();
    const labels = {
      format: (format: string) => shared(`format.${format}` as Parameters<typeof shared>[0]),
      available: shared('availability.available'),
      announced: shared('availability.announced'),
      sequels: t('stats.sequels'),
    };
    return {
      format: formatChartConfig(stats, labels, colors),
      availability: availabilityChartConfig(stats, labels, colors),
      year: yearChartConfig(stats, labels, colors),
    };
  }, [stats, locale]);

  if (stats.total === 0) {
    return (
      <p class="p-4 text-center text-sm" data-testid="stats-empty">
        {t('stats.empty')}
      </p>
    );
  }

  const time = splitMinutes(stats.catchUp.minutes);
  let catchUpText: string;
  if (mediaType === 'MANGA') {
    catchUpText = t('stats.catchUpManga', { chapters: stats.catchUp.units });
  } else if (stats.catchUp.minutes === 0) {
    // No available sequel has a known duration, so only the episodes can be counted.
    catchUpText = t('stats.catchUpEpisodes', { episodes: stats.catchUp.units });
  } else {
    catchUpText = t('stats.catchUpAnime', {
      hours: shared('catchUp.hours', { count: time.hours }),
      minutes: shared('catchUp.minutes', { count: time.minutes }),
      episodes: stats.catchUp.units,
    });
  }
  const formatSummary = stats.byFormat.map((item) => `${shared(`format.${item.format}`)}: ${item.count}`).join(', ');
  const yearSummary = stats.byYear.filter((item) => item.count > 0).map((item) => `${item.year}: ${item.count}`).join(', ');

  return (
    <div class="min-h-0 flex-1 space-y-3 overflow-y-auto p-3 text-xs" data-testid="stats-tab">
      <p>{t('stats.scope', { count: stats.total })}</p>
      <section class="card p-2" aria-labelledby="catch-up-heading">
        <h2 id="catch-up-heading" class="font-semibold text-al-strong">
          {t('stats.catchUp')}
        </h2>
        <p class="mt-1 text-base font-semibold text-al-strong" data-testid="catch-up">
          {catchUpText}
        </p>
        {stats.catchUp.unknownDuration > 0 && (
          <p class="mt-0.5 text-al-muted" data-testid="unknown-duration">
            {t('stats.unknownDuration', { count: stats.catchUp.unknownDuration })}
          </p>
        )}
        {stats.catchUp.unknownUnits > 0 && (
          <p class="mt-0.5 text-al-muted" data-testid="unknown-units">
            {t(mediaType === 'MANGA' ? 'stats.unknownChapters' : 'stats.unknownEpisodes', { count: stats.catchUp.unknownUnits })}
          </p>
        )}
      </section>
      <section class="card p-2" aria-labelledby="format-heading">
        <h2 id="format-heading" class="mb-1 font-semibold text-al-strong">
          {t('stats.byFormat')}
        </h2>
        <ChartCanvas config={configs.format} label={formatSummary} class="h-36" testId="chart-format" />
      </section>
      <section class="card p-2" aria-labelledby="availability-heading">
        <h2 id="availability-heading" class="mb-1 font-semibold text-al-strong">
          {t('stats.byAvailability')}
        </h2>
        <ChartCanvas
          config={configs.availability}
          label={`${shared('availability.available')}: ${stats.byAvailability.available}, ${shared('availability.announced')}: ${stats.byAvailability.announced}`}
          class="h-28"
          testId="chart-availability"
        />
      </section>
      {stats.byYear.length > 0 && (
        <section class="card p-2" aria-labelledby="year-heading">
          <h2 id="year-heading" class="mb-1 font-semibold text-al-strong">
            {t('stats.byYear')}
          </h2>
          <ChartCanvas config={configs.year} label={yearSummary} class="h-36" testId="chart-year" />
          {stats.unknownYear > 0 && <p class="mt-1 text-al-muted">{t('stats.unknownYear', { count: stats.unknownYear })}</p>}
        </section>
      )}
    </div>
  );
}

import { useI18n } from '../../components/i18n-context';
import type { MediaListStatus } from '../../lib/anilist/types';
import { EMPTY_FILTER, type FormatKey, type SequelFilter } from '../../lib/ui/filters';
import { listStatusLabel } from '../../lib/ui/media-facts';
import type { SequelsModel } from '../../lib/ui/sequels-model';

function toggled<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((item) => item !== value) : [...values, value];
}

function parseYear(text: string): number | null {
  const year = Number.parseInt(text, 10);
  return Number.isFinite(year) ? year : null;
}

/** Format, followed-entry status, availability and release year filters, offering only values the results contain. */
export function FilterPanel({ model, id }: { model: SequelsModel; id: string }) {
  const { popup: t, shared } = useI18n();
  const filter = model.filter.value;
  const choices = model.choices.value;
  const mediaType = model.all.value[0]?.media.type ?? 'ANIME';
  const update = (change: Partial<SequelFilter>) => {
    model.filter.value = { ...model.filter.value, ...change };
  };

  return (
    <div id={id} class="space-y-2 border-b border-al-border px-3 pb-2 text-xs" data-testid="filter-panel">
      <fieldset>
        <legend class="mb-1 font-semibold text-al-strong">{t('filter.formats')}</legend>
        <div class="flex flex-wrap gap-1">
          {choices.formats.map((format: FormatKey) => (
            <button
              key={format}
              type="button"
              class="chip"
              aria-pressed={filter.formats.includes(format)}
              onClick={() => update({ formats: toggled(filter.formats, format) })}
              data-testid={`filter-format-${format}`}
            >
              {shared(`format.${format}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend class="mb-1 font-semibold text-al-strong">{t('filter.followedStatus')}</legend>
        <div class="flex flex-wrap gap-1">
          {choices.followedStatuses.map((status: MediaListStatus) => (
            <button
              key={status}
              type="button"
              class="chip"
              aria-pressed={filter.followedStatuses.includes(status)}
              onClick={() => update({ followedStatuses: toggled(filter.followedStatuses, status) })}
              data-testid={`filter-status-${status}`}
            >
              {listStatusLabel(status, mediaType, shared)}
            </button>
          ))}
        </div>
      </fieldset>
      <div class="flex flex-wrap items-end gap-3">
        <label class="flex flex-col gap-0.5">
          <span class="font-semibold text-al-strong">{t('filter.availability')}</span>
          <select
            class="field !py-0.5 !text-xs"
            value={filter.availability}
            onChange={(event) => update({ availability: event.currentTarget.value as SequelFilter['availability'] })}
            data-testid="filter-availability"
          >
            <option value="all">{t('filter.availabilityAll')}</option>
            <option value="available">{shared('availability.available')}</option>
            <option value="announced">{shared('availability.announced')}</option>
          </select>
        </label>
        <fieldset class="flex items-end gap-1">
          <legend class="mb-0.5 font-semibold text-al-strong">{t('filter.years')}</legend>
          <input
            type="number"
            class="field w-20 !py-0.5 !text-xs"
            inputMode="numeric"
            min={choices.years?.min}
            max={choices.years?.max}
            placeholder={choices.years ? String(choices.years.min) : ''}
            value={filter.yearFrom ?? ''}
            onInput={(event) => update({ yearFrom: parseYear(event.currentTarget.value) })}
            aria-label={t('filter.yearFrom')}
            data-testid="filter-year-from"
          />
          <span aria-hidden="true">–</span>
          <input
            type="number"
            class="field w-20 !py-0.5 !text-xs"
            inputMode="numeric"
            min={choices.years?.min}
            max={choices.years?.max}
            placeholder={choices.years ? String(choices.years.max) : ''}
            value={filter.yearTo ?? ''}
            onInput={(event) => update({ yearTo: parseYear(event.currentTarget.value) })}
            aria-label={t('filter.yearTo')}
            data-testid="filter-year-to"
          />
        </fieldset>
        <button
          type="button"
          class="btn-ghost ml-auto"
          onClick={() => {
            model.filter.value = { ...EMPTY_FILTER, query: model.filter.value.query };
          }}
        >
          {t('filter.reset')}
        </button>
      </div>
    </div>
  );
}

import { useI18n } from '../../components/i18n-context';
import { EMPTY_FILTER, type SequelFilter } from '../../lib/ui/filters';
import { listStatusLabel } from '../../lib/ui/media-facts';
import type { SequelsModel } from '../../lib/ui/sequels-model';

function toggled<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((item) => item !== value) : [...values, value];
}

function parseYear(text: string): number | null {
  const year = Number.parseInt(text, 10);
  return Number.isFinite(year) ? year : null;
}

interface ChipGroupProps<T extends string> {
  legend: string;
  values: readonly T[];
  selected: readonly T[];
  label: (value: T) => string;
  onToggle: (value: T) => void;
  testId: (value: T) => string;
}

/** Renders a labelled row of toggle chips, one per value, pressed when the value is selected. */
function ChipGroup<T extends string>({ legend, values, selected, label, onToggle, testId }: ChipGroupProps<T>) {
  return (
    <fieldset>
      <legend class="mb-1 font-semibold text-al-strong">{legend}</legend>
      <div class="flex flex-wrap gap-1">
        {values.map((value) => (
          <button
            key={value}
            type="button"
            class="chip"
            aria-pressed={selected.includes(value)}
            onClick={() => onToggle(value)}
            data-testid={testId(value)}
          >
            {label(value)}
          </button>
        ))}
      </div>
    </fieldset>
  );
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
      <ChipGroup
        legend={t('filter.formats')}
        values={choices.formats}
        selected={filter.formats}
        label={(format) => shared(`format.${format}`)}
        onToggle={(format) => update({ formats: toggled(filter.formats, format) })}
        testId={(format) => `filter-format-${format}`}
      />
      <ChipGroup
        legend={t('filter.followedStatus')}
        values={choices.followedStatuses}
        selected={filter.followedStatuses}
        label={(status) => listStatusLabel(status, mediaType, shared)}
        onToggle={(status) => update({ followedStatuses: toggled(filter.followedStatuses, status) })}
        testId={(status) => `filter-status-${status}`}
      />
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

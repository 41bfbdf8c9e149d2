import { CheckboxGroup } from '../../components/CheckboxGroup';
import { useI18n } from '../../components/i18n-context';
import { Section } from '../../components/Section';
import { MEDIA_FORMATS, MEDIA_LIST_STATUSES, MEDIA_RELATIONS, MEDIA_TYPES, type MediaFormat } from '../../lib/anilist/types';
import type { SharedUiKey } from '../../lib/i18n/catalog/shared-ui';
import { listStatusLabel } from '../../lib/ui/media-facts';
import type { OptionsModel } from '../../lib/ui/options-model';

type AdultChoice = 'account' | 'show' | 'hide';

/** Shows every choice of the sequel finder: media type, source statuses, relations, formats, announced and adult media. */
export function FinderSection({ model }: { model: OptionsModel }) {
  const { options: t, shared } = useI18n();
  const settings = model.store.state.value?.settings;
  if (settings === undefined) return null;

  const formatsShown = MEDIA_FORMATS.filter((format) => !settings.excludedFormats.includes(format));
  let adult: AdultChoice = 'account';
  if (settings.includeAdult !== null) adult = settings.includeAdult ? 'show' : 'hide';

  return (
    <Section id="finder" title={t('finder.title')} description={t('finder.description')}>
      <fieldset>
        <legend class="text-sm font-semibold text-al-strong">{t('finder.mediaType')}</legend>
        <div class="mt-1.5 flex gap-4">
          {MEDIA_TYPES.map((type) => (
            <label key={type} class="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="media-type"
                class="size-4 accent-al-blue"
                checked={settings.mediaType === type}
                onChange={() => void model.save({ mediaType: type })}
                data-testid={`media-type-${type}`}
              />
              {shared(`mediaType.${type}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <CheckboxGroup
        legend={t('finder.sourceStatuses')}
        hint={t('finder.sourceStatusesHint')}
        options={MEDIA_LIST_STATUSES.map((status) => ({ value: status, label: listStatusLabel(status, settings.mediaType, shared) }))}
        checked={settings.sourceStatuses}
        onChange={(sourceStatuses) => void model.save({ sourceStatuses })}
        testId="source-statuses"
      />
      <CheckboxGroup
        legend={t('finder.relations')}
        hint={t('finder.relationsHint')}
        options={MEDIA_RELATIONS.map((relation) => ({ value: relation, label: shared(`relation.${relation}`) }))}
        checked={settings.relations}
        onChange={(relations) => void model.save({ relations })}
        testId="relations"
      />
      <CheckboxGroup
        legend={t('finder.formats')}
        hint={t('finder.formatsHint')}
        options={MEDIA_FORMATS.map((format) => ({ value: format, label: shared(`format.${format}` as SharedUiKey) }))}
        checked={formatsShown}
        onChange={(shown: MediaFormat[]) => void model.save({ excludedFormats: MEDIA_FORMATS.filter((format) => !shown.includes(format)) })}
        testId="formats"
      />
      <label class="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          class="mt-0.5 size-4 accent-al-blue"
          checked={settings.includeAnnounced}
          onChange={(event) => void model.save({ includeAnnounced: event.currentTarget.checked })}
          data-testid="include-announced"
        />
        <span>
          <span class="font-semibold text-al-strong">{t('finder.includeAnnounced')}</span>
          <span class="block text-xs text-al-muted">{t('finder.includeAnnouncedHint')}</span>
        </span>
      </label>
      <label class="flex flex-col gap-1 text-sm">
        <span class="font-semibold text-al-strong">{t('finder.adult')}</span>
        <select
          class="field w-full max-w-lg"
          value={adult}
          onChange={(event) => {
            const choice = event.currentTarget.value as AdultChoice;
            void model.save({ includeAdult: choice === 'account' ? null : choice === 'show' });
          }}
          data-testid="include-adult"
        >
          <option value="account">{t('finder.adultAccount')}</option>
          <option value="show">{t('finder.adultShow')}</option>
          <option value="hide">{t('finder.adultHide')}</option>
        </select>
      </label>
      <label class="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          class="mt-0.5 size-4 accent-al-blue"
          checked={settings.autoAddToPlanning}
          onChange={(event) => void model.save({ autoAddToPlanning: event.currentTarget.checked })}
          data-testid="auto-add"
        />
        <span>
          <span class="font-semibold text-al-strong">{t('finder.autoAdd')}</span>
          <span class="block text-xs text-al-muted">{t('finder.autoAddHint')}</span>
        </span>
      </label>
    </Section>
  );
}

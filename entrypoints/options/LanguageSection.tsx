import { useI18n } from '../../components/i18n-context';
import { Section } from '../../components/Section';
import { LANGUAGE_SETTINGS, type LanguageSetting } from '../../lib/settings/schema';
import type { OptionsModel } from '../../lib/ui/options-model';

/** Names of the languages, each written in itself so a reader of either finds theirs. */
const LANGUAGE_NAMES: Record<Exclude<LanguageSetting, 'browser'>, string> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
};

/** The screens' language: the browser's, or one chosen here. */
export function LanguageSection({ model }: { model: OptionsModel }) {
  const { options: t } = useI18n();
  const settings = model.store.state.value?.settings;
  if (settings === undefined) return null;
  return (
    <Section id="language" title={t('language.title')}>
      <label class="flex flex-col gap-1 text-sm">
        <span class="font-semibold text-al-strong">{t('language.label')}</span>
        <select
          class="field max-w-xs"
          value={settings.language}
          onChange={(event) => void model.save({ language: event.currentTarget.value as LanguageSetting })}
          data-testid="language-select"
        >
          {LANGUAGE_SETTINGS.map((language) => (
            <option key={language} value={language}>
              {language === 'browser' ? t('language.browser') : LANGUAGE_NAMES[language]}
            </option>
          ))}
        </select>
      </label>
    </Section>
  );
}

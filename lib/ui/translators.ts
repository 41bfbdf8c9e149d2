import { optionsCatalog, type OptionsKey } from '../i18n/catalog/options';
import { popupCatalog, type PopupKey } from '../i18n/catalog/popup';
import { type SharedUiKey, sharedUiCatalog } from '../i18n/catalog/shared-ui';
import type { Locale } from '../i18n/locale';
import { createTranslator, type Translate } from '../i18n/translate';

/** The translators of one locale, created once and shared by every component of a screen. */
export interface Translators {
  locale: Locale;
  shared: Translate<SharedUiKey>;
  popup: Translate<PopupKey>;
  options: Translate<OptionsKey>;
  /** Compares titles the way the locale sorts text, ignoring case. */
  collator: Intl.Collator;
}

const cache = new Map<Locale, Translators>();

export function translatorsFor(locale: Locale): Translators {
  let translators = cache.get(locale);
  if (translators === undefined) {
    translators = {
      locale,
      shared: createTranslator(sharedUiCatalog, locale),
      popup: createTranslator(popupCatalog, locale),
      options: createTranslator(optionsCatalog, locale),
      collator: new Intl.Collator(locale, { sensitivity: 'base', numeric: true }),
    };
    cache.set(locale, translators);
  }
  return translators;
}

import type { TitleLanguage } from '../anilist/types';
import type { PageMessageKey } from '../i18n/catalog/page';
import { pageCatalog } from '../i18n/catalog/page';
import { formatDate, type Locale, pickLocale } from '../i18n/locale';
import { createTranslator, type Translate } from '../i18n/translate';
import type { BackgroundState } from '../messages/state';
import { RequestError } from '../messages/send';

/** The language settings of one page view, passed to every panel on it. */
export interface PageTexts {
  locale: Locale;
  t: Translate<PageMessageKey>;
  /** The logged-in viewer's title language, or undefined for the default order. */
  titleLanguage: TitleLanguage | undefined;
  formatDate(ms: number): string;
}

/** Builds the texts from the extension's language setting and the browser's language. */
export function pageTexts(state: Pick<BackgroundState, 'settings' | 'login'> | null, browserLanguage: string): PageTexts {
  const locale = pickLocale(state?.settings.language ?? 'browser', browserLanguage);
  return {
    locale,
    t: createTranslator(pageCatalog, locale),
    titleLanguage: state?.login?.viewer.titleLanguage,
    formatDate: (ms) => formatDate(ms, locale),
  };
}

/** Chromium's and Firefox's messages when the extension was reloaded or its background cannot be reached. */
const UNREACHABLE = /Extension context invalidated|Receiving end does not exist|Could not establish connection/i;

/**
 * Turns a failed request into a sentence for the page. The background words its failures for
 * the user (AniList errors included), so those are shown as they come.
 */
export function requestErrorText(error: unknown, t: Translate<PageMessageKey>): string {
  if (error instanceof RequestError) {
    return error.kind === 'failed' ? error.message : t('requestRejected', { detail: error.message });
  }
  const detail = error instanceof Error ? error.message : String(error);
  if (UNREACHABLE.test(detail)) return t('extensionUnavailable');
  return t('unexpected', { detail });
}

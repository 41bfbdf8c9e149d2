import type { LanguageSetting } from '../settings/schema';

/** The languages the extension's screens are written in. */
export const LOCALES = ['en', 'pt-BR'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Picks the screens' language. 'browser' follows the browser's UI language
 * (`browser.i18n.getUILanguage()` or `navigator.language`): any Portuguese variant (`pt`, `pt-PT`,
 * `pt_BR`) gets 'pt-BR', the only Portuguese translation, and every other language 'en'.
 */
export function pickLocale(setting: LanguageSetting, browserLanguage: string): Locale {
  if (setting !== 'browser') return setting;
  return /^pt(?:[-_]|$)/i.test(browserLanguage.trim()) ? 'pt-BR' : 'en';
}

/**
 * Formats a date for `locale`; a medium date ("Jul 8, 2024", "8 de jul. de 2024") unless
 * `options` set another style. The time zone is the runtime's unless `options.timeZone` is set.
 */
export function formatDate(value: Date | number, locale: Locale, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(locale, options).format(value);
}

/** Formats a number for `locale`, with its digit grouping and decimal separator. */
export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

import type { Locale } from './locale';

/**
 * A message catalog: English strings by key, and a Brazilian Portuguese string for every one of
 * those keys (the type makes a missing translation a compile error). `{name}` placeholders are
 * filled from the values given to the translator. A message may pick a plural form with
 * `{count, plural, one {...} other {...}}` in the ICU style, where `one` is used for exactly 1.
 */
export type Catalog<Keys extends string> = Record<Locale, Record<Keys, string>>;

export type Translate<Keys extends string> = (key: Keys, values?: Record<string, string | number>) => string;

const PLURAL = /\{(\w+), plural, one \{([^}]*)\} other \{([^}]*)\}\}/g;
const PLACEHOLDER = /\{(\w+)\}/g;

/** Creates a translator for one catalog and locale. Numbers are formatted for the locale. */
export function createTranslator<Keys extends string>(catalog: Catalog<Keys>, locale: Locale): Translate<Keys> {
  const strings = catalog[locale];
  const numbers = new Intl.NumberFormat(locale);

  return (key, values = {}) => {
    const template = strings[key] ?? catalog.en[key] ?? key;
    // Placeholders first, so the plural forms no longer hold braces of their own.
    const filled = template.replace(PLACEHOLDER, (match, name: string) => {
      const value = values[name];
      if (value === undefined) return match;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
    // The singular form is for exactly one. Intl.PluralRules would also pick it for 0 in
    // Portuguese (CLDR counts 0 as singular there), but the catalogs write singular forms as
    // "uma continuação", which is wrong for zero.
    return filled.replace(PLURAL, (_match, name: string, one: string, other: string) =>
      Number(values[name]) === 1 ? one : other,
    );
  };
}

import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, type Locale, pickLocale } from '../../lib/i18n/locale';
import type { LanguageSetting } from '../../lib/settings/schema';

describe('pickLocale', () => {
  const cases: { setting: LanguageSetting; browser: string; expected: Locale }[] = [
    { setting: 'browser', browser: 'pt-BR', expected: 'pt-BR' },
    { setting: 'browser', browser: 'pt', expected: 'pt-BR' },
    { setting: 'browser', browser: 'pt-PT', expected: 'pt-BR' },
    { setting: 'browser', browser: 'pt_BR', expected: 'pt-BR' },
    { setting: 'browser', browser: 'PT-br', expected: 'pt-BR' },
    { setting: 'browser', browser: 'en-US', expected: 'en' },
    { setting: 'browser', browser: 'ja', expected: 'en' },
    { setting: 'browser', browser: 'es-419', expected: 'en' },
    { setting: 'browser', browser: 'ptx', expected: 'en' },
    { setting: 'browser', browser: '', expected: 'en' },
    { setting: 'en', browser: 'pt-BR', expected: 'en' },
    { setting: 'pt-BR', browser: 'en-US', expected: 'pt-BR' },
  ];

  for (const testCase of cases) {
    it(`picks ${testCase.expected} for ${testCase.setting} in "${testCase.browser}"`, () => {
      expect(pickLocale(testCase.setting, testCase.browser)).toBe(testCase.expected);
    });
  }
});

describe('formatDate', () => {
  const july8 = Date.UTC(2024, 6, 8, 15, 0);

  it('writes an English medium date', () => {
    expect(formatDate(july8, 'en', { dateStyle: 'medium', timeZone: 'UTC' })).toBe('Jul 8, 2024');
  });

  it('writes a Portuguese medium date', () => {
    expect(formatDate(july8, 'pt-BR', { dateStyle: 'medium', timeZone: 'UTC' })).toBe('8 de jul. de 2024');
  });

  it('accepts a Date', () => {
    expect(formatDate(new Date(july8), 'pt-BR', { dateStyle: 'short', timeZone: 'UTC' })).toBe('08/07/2024');
  });

  it('defaults to a medium date', () => {
    expect(formatDate(july8, 'en')).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(july8));
  });
});

describe('formatNumber', () => {
  const cases = [
    { locale: 'en', value: 1234.5, expected: '1,234.5' },
    { locale: 'pt-BR', value: 1234.5, expected: '1.234,5' },
    { locale: 'pt-BR', value: 12, expected: '12' },
    { locale: 'en', value: 1_000_000, expected: '1,000,000' },
  ] as const;

  for (const testCase of cases) {
    it(`writes ${testCase.value} in ${testCase.locale}`, () => {
      expect(formatNumber(testCase.value, testCase.locale)).toBe(testCase.expected);
    });
  }

  it('passes the options', () => {
    expect(formatNumber(0.25, 'pt-BR', { style: 'percent' })).toBe('25%');
  });
});

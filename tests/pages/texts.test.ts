import { describe, expect, it } from 'vitest';
import { pageCatalog } from '../../lib/i18n/catalog/page';
import { RequestError } from '../../lib/messages/send';
import { pageTexts, requestErrorText } from '../../lib/pages/texts';
import { backgroundState, RECORDED_AT } from './support';

describe('pageTexts', () => {
  const cases = [
    { setting: 'browser', browser: 'pt-BR', locale: 'pt-BR', title: 'Continuações faltando' },
    { setting: 'browser', browser: 'pt', locale: 'pt-BR', title: 'Continuações faltando' },
    { setting: 'browser', browser: 'en-US', locale: 'en', title: 'Missing Sequels' },
    { setting: 'browser', browser: 'de-DE', locale: 'en', title: 'Missing Sequels' },
    { setting: 'en', browser: 'pt-BR', locale: 'en', title: 'Missing Sequels' },
    { setting: 'pt-BR', browser: 'en-US', locale: 'pt-BR', title: 'Continuações faltando' },
  ] as const;

  for (const { setting, browser, locale, title } of cases) {
    it(`picks ${locale} for ${setting} and ${browser}`, () => {
      const texts = pageTexts(backgroundState({ language: setting }), browser);
      expect(texts.locale).toBe(locale);
      expect(texts.t('sectionTitle')).toBe(title);
    });
  }

  it('follows the browser without a state', () => {
    expect(pageTexts(null, 'pt-BR').locale).toBe('pt-BR');
  });

  it('takes the viewer title language', () => {
    expect(pageTexts(backgroundState(), 'en').titleLanguage).toBe('ROMAJI');
    expect(pageTexts(backgroundState({ loggedIn: false }), 'en').titleLanguage).toBeUndefined();
  });

  it('formats dates for the locale', () => {
    expect(pageTexts(backgroundState({ language: 'en' }), 'en').formatDate(RECORDED_AT)).toMatch(/Jul 8, 2024/);
    expect(pageTexts(backgroundState({ language: 'pt-BR' }), 'en').formatDate(RECORDED_AT)).toMatch(/8 de jul\.? de 2024/);
  });
});

describe('pageCatalog', () => {
  it('has the same keys in both languages', () => {
    expect(Object.keys(pageCatalog['pt-BR']).sort()).toEqual(Object.keys(pageCatalog.en).sort());
  });

  const plurals = [
    { locale: 'en', count: 1, expected: 'Missing sequel: A' },
    { locale: 'en', count: 2, expected: '2 missing sequels: A' },
    { locale: 'pt-BR', count: 1, expected: 'Continuação faltando: A' },
    { locale: 'pt-BR', count: 3, expected: '3 continuações faltando: A' },
  ] as const;
  for (const { locale, count, expected } of plurals) {
    it(`words markerLabel for ${count} in ${locale}`, () => {
      const { t } = pageTexts(backgroundState({ language: locale }), 'en');
      expect(t('markerLabel', { count, titles: 'A' })).toBe(expected);
    });
  }
});

describe('requestErrorText', () => {
  const { t } = pageTexts(backgroundState({ language: 'en' }), 'en');
  const { t: tPt } = pageTexts(backgroundState({ language: 'pt-BR' }), 'en');
  const privateUser = "This user's list is private, so log in as that user or ask them to make the list public.";

  const cases: { name: string; error: unknown; translate: typeof t; expected: string }[] = [
    { name: 'background failure as sent', error: new RequestError({ kind: 'failed', message: privateUser }), translate: t, expected: privateUser },
    {
      name: 'refused request',
      error: new RequestError({ kind: 'forbidden', message: 'The "startScan" request is not allowed from a content script on anilist.co.' }),
      translate: t,
      expected: 'Sequel Finder rejected the request from this page: The "startScan" request is not allowed from a content script on anilist.co.',
    },
    {
      name: 'reloaded extension',
      error: new Error('Extension context invalidated.'),
      translate: t,
      expected: 'Sequel Finder is not responding. Reload this page, and if that does not help, reload the extension.',
    },
    {
      name: 'unreachable background in pt-BR',
      error: new Error('Could not establish connection. Receiving end does not exist.'),
      translate: tPt,
      expected: 'O Sequel Finder não está respondendo. Recarregue esta página e, se não resolver, recarregue a extensão.',
    },
    { name: 'other error', error: new TypeError('x is undefined'), translate: t, expected: 'Something went wrong in Sequel Finder: x is undefined' },
    { name: 'thrown string', error: 'boom', translate: tPt, expected: 'Algo deu errado no Sequel Finder: boom' },
  ];

  for (const { name, error, translate, expected } of cases) {
    it(`words ${name}`, () => {
      expect(requestErrorText(error, translate)).toBe(expected);
    });
  }
});

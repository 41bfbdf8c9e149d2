import { describe, expect, it } from 'vitest';
import { exampleCatalog } from '../../lib/i18n/catalog/example';
import { createTranslator } from '../../lib/i18n/translate';

describe('createTranslator', () => {
  const cases = [
    { locale: 'en', key: 'greeting', values: { name: 'Ana' }, expected: 'Hello, Ana!' },
    { locale: 'pt-BR', key: 'greeting', values: { name: 'Ana' }, expected: 'Olá, Ana!' },
    { locale: 'en', key: 'missingCount', values: { count: 1 }, expected: '1 missing sequel' },
    { locale: 'en', key: 'missingCount', values: { count: 1200 }, expected: '1,200 missing sequels' },
    { locale: 'pt-BR', key: 'missingCount', values: { count: 1 }, expected: '1 continuação faltando' },
    { locale: 'pt-BR', key: 'missingCount', values: { count: 1200 }, expected: '1.200 continuações faltando' },
    { locale: 'en', key: 'missingCount', values: { count: 0 }, expected: '0 missing sequels' },
    { locale: 'pt-BR', key: 'missingCount', values: { count: 0 }, expected: '0 continuações faltando' },
    { locale: 'en', key: 'greeting', values: {}, expected: 'Hello, {name}!' },
  ] as const;

  for (const { locale, key, values, expected } of cases) {
    it(`formats ${key} in ${locale} with ${JSON.stringify(values)}`, () => {
      expect(createTranslator(exampleCatalog, locale)(key, values)).toBe(expected);
    });
  }
});

import type { Catalog } from '../translate';

/** Strings of the translator's own tests; each screen has a catalog file like this one. */
export const exampleCatalog = {
  en: {
    greeting: 'Hello, {name}!',
    missingCount: '{count, plural, one {{count} missing sequel} other {{count} missing sequels}}',
  },
  'pt-BR': {
    greeting: 'Olá, {name}!',
    missingCount: '{count, plural, one {{count} continuação faltando} other {{count} continuações faltando}}',
  },
} satisfies Catalog<'greeting' | 'missingCount'>;

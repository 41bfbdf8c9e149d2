import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type Translators, translatorsFor } from '../lib/ui/translators';

/** The translators of the screen's locale; the screen's root provides them. */
export const I18nContext = createContext<Translators>(translatorsFor('en'));

export function useI18n(): Translators {
  return useContext(I18nContext);
}

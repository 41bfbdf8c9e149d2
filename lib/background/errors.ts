import { AniListError } from '../anilist/errors';
import { describeError } from '../anilist/messages';
import { MissingClientIdError } from '../auth/client-ids';
import { LoginError } from '../auth/oauth';
import { backgroundCatalog, type BackgroundMessageKey } from '../i18n/catalog/background';
import type { Locale } from '../i18n/locale';
import { createTranslator } from '../i18n/translate';

/** A failure of the background's own, worded from the background catalog in the user's language. */
export class BackgroundError extends Error {
  override readonly name = 'BackgroundError';
  readonly key: BackgroundMessageKey;
  readonly values: Record<string, string | number>;

  constructor(key: BackgroundMessageKey, values: Record<string, string | number> = {}) {
    super(createTranslator(backgroundCatalog, 'en')(key, values));
    this.key = key;
    this.values = values;
  }
}

/** The launchWebAuthFlow rejections that mean the user closed the window (Chrome's and Firefox's wording). */
const CLOSED_WINDOW = /did not approve|cancel|closed|denied/i;

/** A launchWebAuthFlow rejection: the login window closed, or the page did not load. */
export class LoginWindowError extends Error {
  override readonly name = 'LoginWindowError';
  readonly closedByUser: boolean;

  constructor(cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(detail, { cause });
    this.closedByUser = CLOSED_WINDOW.test(detail);
  }
}

/** Turns any error a handler or a scan meets into one sentence for the user: what happened and what to do. */
export function describeBackgroundError(error: unknown, locale: Locale): string {
  const translate = createTranslator(backgroundCatalog, locale);

  if (error instanceof BackgroundError) return translate(error.key, error.values);
  if (error instanceof AniListError) return describeError(error, locale);
  if (error instanceof MissingClientIdError) return translate('loginNoClientId', { detail: error.message });
  if (error instanceof LoginWindowError) {
    return error.closedByUser ? translate('loginCancelled') : translate('loginUnreachable', { detail: error.message });
  }
  if (error instanceof LoginError) {
    switch (error.kind) {
      case 'cancelled':
        return translate('loginCancelled');
      case 'denied':
        return translate('loginDenied');
      case 'state-mismatch':
        return translate('loginStateMismatch');
      case 'malformed':
        return translate('loginMalformed', { detail: error.message });
    }
  }
  if (isStorageError(error)) {
    return translate('storageFailed', { detail: (error as Error).message });
  }
  return describeError(error, locale);
}

/** IndexedDB and storage quota failures, which the user can only wait out or fix by freeing space. */
function isStorageError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return ['QuotaExceededError', 'UnknownError', 'InvalidStateError', 'DataError'].includes(error.name)
    || /quota|IndexedDB|database/i.test(error.message);
}

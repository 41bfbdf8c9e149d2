import { z } from 'zod';
import { buildAuthorizeUrl, createState, parseRedirect } from '../auth/oauth';
import { tokenExpiryState } from '../auth/session';
import { backgroundCatalog } from '../i18n/catalog/background';
import { formatDate } from '../i18n/locale';
import { createTranslator } from '../i18n/translate';
import { HISTORY_KEY } from '../notifications/history';
import { type LoginState, loginStateOf } from '../messages/state';
import { browser } from 'wxt/browser';
import { type BackgroundContext, META_KEYS } from './context';
import { LoginWindowError } from './errors';
import {
  clearOwnNotifications, EXPIRY_NOTIFICATION_ID, NOTIFICATION_ICON_PATH, RELOGIN_NOTIFICATION_ID,
} from './notifier';
import { nameResultPrefix, userResultPrefix } from './targets';

/** Login, logout and the token's coming expiry. The token stays in the background's IndexedDB. */

const reloginSchema = z.object({ userName: z.string(), at: z.number() });

/**
 * Logs in through AniList's implicit grant in `identity.launchWebAuthFlow`, checks the returned
 * state, reads the Viewer with the new token, stores the session and starts a scan of the
 * user's list. Logging in as another account first wipes the previous account's data.
 */
export async function logIn(context: BackgroundContext): Promise<LoginState> {
  const clientId = context.clientId();
  const state = createState();
  const url = buildAuthorizeUrl({ clientId, redirectUri: context.identity.getRedirectURL(), state });

  let redirect: string | undefined;
  try {
    redirect = await context.identity.launchWebAuthFlow({ url, interactive: true });
  } catch (error) {
    throw new LoginWindowError(error);
  }
  const token = parseRedirect(redirect, state, context.now());

  await context.ensureReferer();
  const viewer = await context.createClient({ token: token.token }).fetchViewer();
  const previous = await context.loadSession();
  if (previous !== null && previous.viewer.id !== viewer.id) await context.logOut('user');

  const session = { token: token.token, expiresAt: token.expiresAt, viewer };
  await context.saveSession(session);
  await context.store.deleteMeta(META_KEYS.reloginRequested);
  await context.notifications.clear(RELOGIN_NOTIFICATION_ID);
  console.info(`Logged in to AniList as ${viewer.name} (${viewer.id}).`);

  const settings = await context.loadSettings();
  await context.runner.start({ userId: viewer.id, userName: viewer.name }, settings.mediaType, 'login', true);
  context.refresh();
  return loginStateOf(session, context.now()) as LoginState;
}

/**
 * Logs out: stops a scan of the user's list, deletes the token, the user's results (by id, and
 * those of a scan by the same name made while logged out, which would show stale list statuses)
 * and the notification history, and keeps the settings, the ignored list and the relation cache. After
 * AniList rejected the token as invalid, it also asks the user, once, to log in again.
 */
export async function logOut(context: BackgroundContext, reason: 'user' | 'invalid-token'): Promise<void> {
  const session = await context.loadSession();
  if (session !== null) {
    const userId = session.viewer.id;
    await context.runner.cancel((target) => target.userId === userId);
    await context.store.deleteResults(userResultPrefix(userId));
    await context.store.deleteResults(nameResultPrefix(session.viewer.name));
  }
  await context.clearSession();
  await browser.storage.local.remove(HISTORY_KEY);
  await clearOwnNotifications(context.notifications);
  await context.store.deleteMeta(META_KEYS.expiryWarnedFor);

  if (reason === 'invalid-token' && session !== null) {
    console.warn(`AniList rejected the token of ${session.viewer.name}; logged out.`);
    const asked = await context.store.getMeta(META_KEYS.reloginRequested, reloginSchema);
    if (asked === null) {
      await context.store.putMeta(META_KEYS.reloginRequested, { userName: session.viewer.name, at: context.now() });
      const translate = createTranslator(backgroundCatalog, await context.locale());
      await context.notifications
        .create(RELOGIN_NOTIFICATION_ID, {
          type: 'basic',
          iconUrl: context.getURL(NOTIFICATION_ICON_PATH),
          title: translate('reloginTitle'),
          message: translate('reloginMessage', { name: session.viewer.name }),
          priority: 1,
        })
        .catch((error: unknown) => console.error('Showing the notification to log in again failed.', error));
    }
  } else {
    await context.store.deleteMeta(META_KEYS.reloginRequested);
  }
  context.refresh();
}

/** Reads the request to log in again, or null when there is none. */
export function reloginRequest(context: BackgroundContext): Promise<{ userName: string; at: number } | null> {
  return context.store.getMeta(META_KEYS.reloginRequested, reloginSchema);
}

/** Notifies once per token when it expires in two weeks or less. Returns whether it notified. */
export async function warnOfExpiry(context: BackgroundContext): Promise<boolean> {
  const session = await context.loadSession();
  if (session === null || tokenExpiryState(session, context.now()) !== 'expiring-soon') return false;
  const warnedFor = await context.store.getMeta(META_KEYS.expiryWarnedFor, z.number());
  if (warnedFor === session.expiresAt) return false;

  const locale = await context.locale();
  const translate = createTranslator(backgroundCatalog, locale);
  await context.notifications.create(EXPIRY_NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: context.getURL(NOTIFICATION_ICON_PATH),
    title: translate('expiryTitle'),
    message: translate('expiryMessage', { name: session.viewer.name, date: formatDate(session.expiresAt, locale) }),
    priority: 1,
  });
  await context.store.putMeta(META_KEYS.expiryWarnedFor, session.expiresAt);
  return true;
}

import type { MediaType } from '../anilist/types';
import { backgroundCatalog } from '../i18n/catalog/background';
import type { Locale } from '../i18n/locale';
import { createTranslator } from '../i18n/translate';
import type { NotificationRecord } from '../notifications/history';

/**
 * Shows notification records as browser notifications. A notification's id names its media, so
 * a click opens the right AniList page even in a worker started only to handle that click.
 */

const ID_PREFIX = 'sequel-finder';
export const RELOGIN_NOTIFICATION_ID = `${ID_PREFIX}|relogin`;
export const EXPIRY_NOTIFICATION_ID = `${ID_PREFIX}|expiry`;

/** The bundled icon: Chrome fails to show a notification whose icon is a remote cover image. */
export const NOTIFICATION_ICON_PATH = '/icon/128.png';

export interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string; priority?: number }): Promise<string>;
  clear(id: string): Promise<boolean>;
  getAll(): Promise<Record<string, unknown>>;
}

/** What a click on one of the extension's notifications asks for. */
export type NotificationTarget =
  | { kind: 'media'; url: string; recordId: string }
  | { kind: 'relogin' }
  | { kind: 'expiry' }
  | null;

export function mediaUrl(mediaType: MediaType, mediaId: number): string {
  return `https://anilist.co/${mediaType.toLowerCase()}/${mediaId}`;
}

/** Returns `sequel-finder|<type>|<first media id>|<record id>`; record ids contain colons but no `|`. */
export function notificationIdOf(record: Pick<NotificationRecord, 'id' | 'mediaIds'>, mediaType: MediaType): string {
  return `${ID_PREFIX}|${mediaType}|${record.mediaIds[0] ?? 0}|${record.id}`;
}

export function parseNotificationId(id: string): NotificationTarget {
  if (id === RELOGIN_NOTIFICATION_ID) return { kind: 'relogin' };
  if (id === EXPIRY_NOTIFICATION_ID) return { kind: 'expiry' };
  const [prefix, type, mediaId, ...rest] = id.split('|');
  const recordId = rest.join('|');
  if (prefix !== ID_PREFIX || (type !== 'ANIME' && type !== 'MANGA') || recordId === '') return null;
  const numericId = Number(mediaId);
  if (!Number.isSafeInteger(numericId) || numericId <= 0) return null;
  return { kind: 'media', url: mediaUrl(type, numericId), recordId };
}

export interface NotificationText {
  title: string;
  message: string;
}

/**
 * Words one record. A group of new sequels names the first titles and counts the rest.
 * @param autoAdded whether the new sequels were added to Planning automatically.
 */
export function notificationText(record: NotificationRecord, mediaType: MediaType, locale: Locale, autoAdded = false): NotificationText {
  const translate = createTranslator(backgroundCatalog, locale);
  const title = record.titles[0] ?? `#${record.mediaIds[0] ?? ''}`;

  switch (record.kind) {
    case 'new-sequels': {
      const more = record.count - record.titles.length;
      const listed = new Intl.ListFormat(locale, { type: 'conjunction' }).format(record.titles);
      return {
        title: translate(autoAdded ? 'newSequelsTitleAdded' : 'newSequelsTitle', { count: record.count }),
        message: more > 0 ? translate('titlesAndMore', { titles: record.titles.join(', '), more }) : listed,
      };
    }
    case 'started-airing':
      return {
        title: translate(mediaType === 'MANGA' ? 'startedPublishingTitle' : 'startedAiringTitle'),
        message: translate('startedMessage', { title }),
      };
    case 'newly-announced':
      return {
        title: translate('newlyAnnouncedTitle'),
        message: translate('newlyAnnouncedMessage', { title, source: record.sourceTitle ?? '' }),
      };
  }
}

export interface ShowOptions {
  notifications: NotificationsApi;
  iconUrl: string;
  mediaType: MediaType;
  locale: Locale;
  /** Media added to Planning automatically; a group of new sequels that were all added says so. */
  autoAddedIds?: ReadonlySet<number>;
}

/** Shows each record; a failure to show one is logged and does not stop the others. Returns the ids shown. */
export async function showNotifications(records: readonly NotificationRecord[], options: ShowOptions): Promise<string[]> {
  const shown: string[] = [];
  for (const record of records) {
    const autoAdded = options.autoAddedIds !== undefined && record.mediaIds.every((id) => options.autoAddedIds?.has(id));
    const text = notificationText(record, options.mediaType, options.locale, autoAdded);
    const id = notificationIdOf(record, options.mediaType);
    try {
      await options.notifications.create(id, { type: 'basic', iconUrl: options.iconUrl, ...text, priority: 0 });
      shown.push(id);
    } catch (error) {
      console.error(`Showing the notification "${record.id}" failed.`, error);
    }
  }
  return shown;
}

/** Closes every notification of this extension that is still on screen, as logout does. */
export async function clearOwnNotifications(notifications: NotificationsApi): Promise<void> {
  const open = await notifications.getAll();
  await Promise.all(Object.keys(open).filter((id) => id.startsWith(ID_PREFIX)).map((id) => notifications.clear(id)));
}

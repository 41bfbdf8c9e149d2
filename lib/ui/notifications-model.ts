import { batch, signal, type Signal } from '@preact/signals';
import type { NotificationRecord } from '../notifications/history';
import type { BackgroundStore } from './background-store';
import { errorDetail, type SendRequest } from './requests';

/** Orders the history for display: unread before read, and newest first within each. */
export function orderNotifications(items: readonly NotificationRecord[]): NotificationRecord[] {
  return [...items].sort((a, b) => Number(a.read) - Number(b.read) || b.createdAt - a.createdAt);
}

/** The Notifications tab: the history the background keeps, and marking it read. */
export interface NotificationsModel {
  /** null until loaded. */
  items: Signal<NotificationRecord[] | null>;
  unread: Signal<number>;
  failure: Signal<string | null>;
  load(): Promise<void>;
  /** Marks the given records read, or every record when `ids` is left out. */
  markRead(ids?: string[]): Promise<void>;
}

export function createNotificationsModel(store: BackgroundStore, send: SendRequest): NotificationsModel {
  const items = signal<NotificationRecord[] | null>(null);
  const unread = signal(store.state.value?.unreadNotifications ?? 0);
  const failure = signal<string | null>(null);
  store.state.subscribe((state) => {
    if (state !== null && items.value === null) unread.value = state.unreadNotifications;
  });

  const load = async () => {
    try {
      const response = await send({ type: 'getNotifications' });
      batch(() => {
        items.value = orderNotifications(response.items);
        unread.value = response.unread;
        failure.value = null;
      });
    } catch (error) {
      failure.value = errorDetail(error);
    }
  };

  const markRead = async (ids?: string[]) => {
    try {
      const response = await send(ids === undefined ? { type: 'markNotificationsRead' } : { type: 'markNotificationsRead', ids });
      const marked = ids === undefined ? null : new Set(ids);
      batch(() => {
        unread.value = response.unread;
        if (items.value !== null) {
          // Read records move below the unread ones only on the next load, so nothing jumps under the pointer.
          items.value = items.value.map((item) => (marked === null || marked.has(item.id) ? { ...item, read: true } : item));
        }
      });
    } catch (error) {
      failure.value = errorDetail(error);
    }
  };

  return { items, unread, failure, load, markRead };
}

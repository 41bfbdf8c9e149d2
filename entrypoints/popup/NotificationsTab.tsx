import { useEffect } from 'preact/hooks';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../components/i18n-context';
import { formatDate } from '../../lib/i18n/locale';
import type { NotificationRecord } from '../../lib/notifications/history';
import type { NotificationsModel } from '../../lib/ui/notifications-model';

/** The notification history, unread first, with "mark read" per item and for all. */
export function NotificationsTab({ model }: { model: NotificationsModel }) {
  const { popup: t, shared } = useI18n();
  useEffect(() => {
    void model.load();
  }, [model]);

  const items = model.items.value;
  const failure = model.failure.value;
  return (
    <div class="min-h-0 flex-1 overflow-y-auto p-2" data-testid="notifications-tab">
      {failure && (
        <ErrorBanner message={shared('error.requestFailed', { detail: failure })}>
          <button type="button" class="btn" onClick={() => void model.load()}>
            {shared('action.retry')}
          </button>
        </ErrorBanner>
      )}
      {items === null ? (
        failure === null && (
          <p role="status" class="p-2 text-sm">
            {shared('state.loading')}
          </p>
        )
      ) : items.length === 0 ? (
        <p class="p-4 text-center text-sm" data-testid="no-notifications">
          {t('notifications.empty')}
        </p>
      ) : (
        <>
          <div class="flex items-center px-1 pb-1.5 text-xs">
            <span>{t('notifications.unread', { count: model.unread.value })}</span>
            {model.unread.value > 0 && (
              <button type="button" class="btn-ghost ml-auto text-xs" onClick={() => void model.markRead()} data-testid="mark-all-read">
                {t('notifications.markAllRead')}
              </button>
            )}
          </div>
          <ul class="space-y-1.5">
            {items.map((item) => (
              <NotificationItem key={item.id} item={item} onMarkRead={() => void model.markRead([item.id])} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function NotificationItem({ item, onMarkRead }: { item: NotificationRecord; onMarkRead(): void }) {
  const { popup: t, locale } = useI18n();
  const titles = item.titles.join(', ');
  const more = item.count - item.titles.length;
  const text =
    item.kind === 'new-sequels'
      ? t('notifications.newSequels', { count: item.count, titles })
      : item.kind === 'started-airing'
        ? t('notifications.startedAiring', { count: item.count, titles })
        : item.sourceTitle !== null
          ? t('notifications.announcedAfter', { count: item.count, titles, source: item.sourceTitle })
          : t('notifications.announced', { count: item.count, titles });

  return (
    <li
      class={`card flex items-start gap-2 p-2 text-xs ${item.read ? 'opacity-70' : 'border-l-4 border-al-blue'}`}
      data-testid="notification"
      data-read={String(item.read)}
    >
      <div class="min-w-0 flex-1">
        <p class={item.read ? '' : 'font-semibold text-al-strong'}>
          {text}
          {more > 0 && ` ${t('notifications.more', { count: more })}`}
        </p>
        <p class="mt-0.5 text-al-muted">{formatDate(item.createdAt, locale, { dateStyle: 'medium', timeStyle: 'short' })}</p>
      </div>
      {!item.read && (
        <button type="button" class="btn-ghost text-xs" onClick={onMarkRead} data-testid="mark-read">
          {t('notifications.markRead')}
        </button>
      )}
    </li>
  );
}

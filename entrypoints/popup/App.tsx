import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { I18nContext } from '../../components/i18n-context';
import { type TabItem, Tabs } from '../../components/Tabs';
import type { PopupModels } from '../../lib/ui/popup-models';
import { translatorsFor } from '../../lib/ui/translators';
import { Header } from './Header';
import { NotificationsTab } from './NotificationsTab';
import { SequelsTab } from './SequelsTab';
import { StatsTab } from './StatsTab';
import { WatchingTab } from './WatchingTab';

export type PopupTab = 'sequels' | 'watching' | 'notifications' | 'stats';

interface PopupAppProps {
  models: PopupModels;
  onOpenOptions(): void;
  /** The clock for "last scan 3 minutes ago"; tests pass a fixed one. */
  now?: () => number;
  initialTab?: PopupTab;
}

/** The toolbar popup: header, tabs and the active tab's panel. */
export function PopupApp({ models, onOpenOptions, now = Date.now, initialTab = 'sequels' }: PopupAppProps) {
  const { store } = models;
  const locale = store.locale.value;
  const translators = translatorsFor(locale);
  const t = translators.popup;
  const tab = useSignal<PopupTab>(initialTab);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('title');
  }, [locale]);

  const total = models.sequels.all.value.length;
  const unread = models.notifications.unread.value;
  const tabs: TabItem<PopupTab>[] = [
    { key: 'sequels', label: store.state.value?.lastScan ? t('tab.sequelsCount', { count: total }) : t('tab.sequels'), testId: 'tab-sequels' },
    { key: 'watching', label: t('tab.watching'), testId: 'tab-watching' },
    {
      key: 'notifications',
      label: unread > 0 ? t('tab.notificationsUnread', { count: unread }) : t('tab.notifications'),
      testId: 'tab-notifications',
    },
    { key: 'stats', label: t('tab.stats'), testId: 'tab-stats' },
  ];

  return (
    <I18nContext.Provider value={translators}>
      <div class="flex h-full flex-col">
        <Header store={store} account={models.account} onOpenOptions={onOpenOptions} now={now} />
        <Tabs
          tabs={tabs}
          active={tab.value}
          onSelect={(key) => {
            tab.value = key;
          }}
          label={t('tab.label')}
          idPrefix="popup"
        />
        <div
          id={`popup-panel-${tab.value}`}
          role="tabpanel"
          aria-labelledby={`popup-tab-${tab.value}`}
          class="flex min-h-0 flex-1 flex-col"
        >
          {tab.value === 'sequels' && <SequelsTab store={store} model={models.sequels} account={models.account} />}
          {tab.value === 'watching' && <WatchingTab model={models.watching} store={store} />}
          {tab.value === 'notifications' && <NotificationsTab model={models.notifications} />}
          {tab.value === 'stats' && (
            <StatsTab model={models.sequels} mediaType={store.state.value?.lastScan?.mediaType ?? store.state.value?.settings.mediaType ?? 'ANIME'} />
          )}
        </div>
      </div>
    </I18nContext.Provider>
  );
}

import { useEffect } from 'preact/hooks';
import { ErrorBanner } from '../../components/ErrorBanner';
import { I18nContext } from '../../components/i18n-context';
import type { OptionsKey } from '../../lib/i18n/catalog/options';
import type { Translate } from '../../lib/i18n/translate';
import type { AccountModel } from '../../lib/ui/account-model';
import type { OptionsModel, OptionsNotice } from '../../lib/ui/options-model';
import { backupNoteText, backupProblemText, invalidFieldText } from '../../lib/ui/settings-text';
import { translatorsFor } from '../../lib/ui/translators';
import { AccountSection } from './AccountSection';
import { BackupSection } from './BackupSection';
import { CacheSection } from './CacheSection';
import { FinderSection } from './FinderSection';
import { IgnoredSection } from './IgnoredSection';
import { LanguageSection } from './LanguageSection';
import { ScheduleSection } from './ScheduleSection';

/** The options page: every setting, the account, the ignored list, backups and the cache. */
export function OptionsApp({ model, account }: { model: OptionsModel; account: AccountModel }) {
  const locale = model.store.locale.value;
  const translators = translatorsFor(locale);
  const t = translators.options;
  const state = model.store.state.value;
  const loadError = model.store.loadError.value;

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('pageTitle');
  }, [locale]);

  return (
    <I18nContext.Provider value={translators}>
      <div class="mx-auto max-w-3xl space-y-4 px-4 py-6">
        <header>
          <h1 class="text-xl font-bold text-al-strong">{t('pageTitle')}</h1>
          <p class="text-sm text-al-muted">{t('pageDescription')}</p>
        </header>
        <NoticeLine notice={model.notice.value} t={t} onDismiss={() => (model.notice.value = null)} />
        {account.failure.value && (
          <ErrorBanner message={t('accountFailed', { detail: account.failure.value.detail })} onDismiss={() => (account.failure.value = null)} dismissLabel={t('dismiss')} />
        )}
        {loadError !== null && state === null ? (
          <ErrorBanner message={translators.shared('error.noBackground', { detail: loadError })} testId="load-error">
            <button type="button" class="btn" onClick={() => void model.store.refresh()}>
              {translators.shared('action.retry')}
            </button>
          </ErrorBanner>
        ) : state === null ? (
          <p role="status" data-testid="options-loading">
            {translators.shared('state.loading')}
          </p>
        ) : (
          <main class="space-y-4">
            <AccountSection model={model} account={account} />
            <FinderSection model={model} />
            <ScheduleSection model={model} />
            <LanguageSection model={model} />
            <IgnoredSection model={model} />
            <BackupSection model={model} />
            <CacheSection model={model} />
          </main>
        )}
      </div>
    </I18nContext.Provider>
  );
}

function NoticeLine({ notice, t, onDismiss }: { notice: OptionsNotice | null; t: Translate<OptionsKey>; onDismiss(): void }) {
  if (notice === null) return <div role="status" class="sr-only" />;
  const failed = notice.kind === 'failed' || notice.kind === 'invalid' || notice.kind === 'importRejected';
  let text: string;
  let details: string[] = [];
  switch (notice.kind) {
    case 'saved':
      text = t('notice.saved');
      break;
    case 'invalid':
      text = t('notice.invalid');
      details = notice.fields.map((field) => invalidFieldText(field, t));
      break;
    case 'failed':
      text = t(`notice.failed.${notice.action}`, { detail: notice.detail });
      break;
    case 'imported':
      text = t('notice.imported');
      details = notice.notes.map((note) => backupNoteText(note, t));
      break;
    case 'importRejected':
      text = t('notice.importRejected');
      details = notice.problems.length > 0 ? notice.problems.map((problem) => backupProblemText(problem, t)) : notice.reasons;
      break;
    case 'cacheCleared':
      text = t('notice.cacheCleared');
      break;
    case 'ignoredCleared':
      text = t('notice.ignoredCleared', { count: notice.count });
      break;
  }
  return (
    <div
      role={failed ? 'alert' : 'status'}
      class={`sticky top-2 z-10 flex items-start gap-2 rounded-md border px-3 py-2 text-sm shadow ${
        failed ? 'border-al-red/40 bg-al-card text-al-red' : 'border-al-green/40 bg-al-card text-al-green'
      }`}
      data-testid="options-notice"
      data-kind={notice.kind}
    >
      <div class="flex-1">
        <p class="font-semibold">{text}</p>
        {details.length > 0 && (
          <ul class="mt-1 list-disc pl-5 text-al-text">
            {details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" class="btn-ghost" onClick={onDismiss} aria-label={t('dismiss')}>
        ×
      </button>
    </div>
  );
}

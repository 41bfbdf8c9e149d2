import { Cover } from '../../components/Cover';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../components/i18n-context';
import { formatDate } from '../../lib/i18n/locale';
import type { AccountModel } from '../../lib/ui/account-model';
import type { BackgroundStore } from '../../lib/ui/background-store';
import { relativeTime } from '../../lib/ui/relative-time';
import { ScanStatusBar } from './ScanStatusBar';

interface HeaderProps {
  store: BackgroundStore;
  account: AccountModel;
  onOpenOptions(): void;
  now: () => number;
}

/** The account (avatar and name, or the user-name field), the last scan's time, the scan button and its progress. */
export function Header({ store, account, onOpenOptions, now }: HeaderProps) {
  const { popup: t, shared, locale } = useI18n();
  const state = store.state.value;
  const login = state?.login ?? null;
  const lastScan = state?.lastScan ?? null;
  const pending = account.pending.value;
  const scanning = account.scanning.value;

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void account.startScan();
  };

  return (
    <header class="space-y-2 border-b border-al-border bg-al-card px-3 py-2">
      <form class="flex items-center gap-2" onSubmit={onSubmit}>
        {login ? (
          <div class="flex min-w-0 flex-1 items-center gap-2">
            <Cover media={{ coverImage: login.viewer.avatar }} class="size-8" />
            <div class="min-w-0">
              <p class="truncate text-sm font-semibold text-al-strong" data-testid="viewer-name">
                {login.viewer.name}
              </p>
              <button type="button" class="text-xs text-al-muted hover:text-al-blue" onClick={() => void account.logout()} disabled={pending !== null} data-testid="logout-button">
                {shared('action.logOut')}
              </button>
            </div>
          </div>
        ) : (
          <div class="flex min-w-0 flex-1 items-center gap-1.5">
            <input
              class="field min-w-0 flex-1"
              placeholder={t('header.userNamePlaceholder')}
              aria-label={t('header.userNameLabel')}
              value={account.userName.value}
              onInput={(event) => {
                account.userName.value = event.currentTarget.value;
              }}
              maxLength={50}
              autoComplete="off"
              spellcheck={false}
              data-testid="username-input"
            />
            <button
              type="button"
              class="btn"
              onClick={() => void account.login()}
              disabled={pending !== null || state?.loginAvailable === false}
              title={state?.loginAvailable === false ? t('header.loginUnavailable') : undefined}
              data-testid="login-button"
            >
              {t('header.logIn')}
            </button>
          </div>
        )}
        <button
          type="submit"
          class="btn-primary"
          disabled={scanning || pending !== null || (login === null && account.userName.value.trim() === '')}
          data-testid="scan-button"
        >
          {scanning ? t('header.scanning') : t('header.scan')}
        </button>
        <button type="button" class="btn-ghost text-base" onClick={onOpenOptions} aria-label={t('header.options')} title={t('header.options')} data-testid="open-options">
          ⚙
        </button>
      </form>
      {lastScan && !scanning && (
        <p class="text-xs text-al-muted" data-testid="last-scan">
          {t('header.lastScan', {
            user: lastScan.userName,
            when: relativeTime(lastScan.finishedAt, now(), locale),
          })}
        </p>
      )}
      {login?.expiry === 'expiring-soon' && (
        <div class="flex items-center gap-2 text-xs text-al-orange" role="status" data-testid="expiring-soon">
          <p class="min-w-0 flex-1">{t('header.expiringSoon', { date: formatDate(login.expiresAt, locale) })}</p>
          <button
            type="button"
            class="btn !px-2 !py-0.5 !text-xs"
            onClick={() => void account.login()}
            disabled={pending !== null || state?.loginAvailable === false}
            data-testid="relogin-button"
          >
            {shared('action.logIn')}
          </button>
        </div>
      )}
      {login?.expiry === 'expired' && (
        <ErrorBanner message={t('header.expired')}>
          <button type="button" class="btn" onClick={() => void account.login()}>
            {shared('action.logIn')}
          </button>
        </ErrorBanner>
      )}
      <ScanStatusBar store={store} account={account} now={now} />
    </header>
  );
}

import { useSignal } from '@preact/signals';
import { useI18n } from '../../components/i18n-context';
import { Section } from '../../components/Section';
import { MAX_USER_NAME_LENGTH } from '../../lib/settings/schema';
import type { AccountModel } from '../../lib/ui/account-model';
import type { OptionsModel } from '../../lib/ui/options-model';

/** Login and logout, and the user name scanned while logged out. */
export function AccountSection({ model, account }: { model: OptionsModel; account: AccountModel }) {
  const { options: t, shared } = useI18n();
  const state = model.store.state.value;
  const settings = state?.settings;
  const login = state?.login ?? null;
  const draft = useSignal<string | null>(null);
  const userName = draft.value ?? settings?.scanUserName ?? '';

  const saveUserName = async () => {
    const name = userName.trim();
    await model.save({ scanUserName: name === '' ? null : name });
    draft.value = null;
  };

  return (
    <Section id="account" title={t('account.title')} description={t('account.description')}>
      {login ? (
        <div class="flex items-center gap-3">
          <p class="flex-1 text-sm" data-testid="options-viewer">
            {t('account.loggedIn', { name: login.viewer.name })}
          </p>
          <button type="button" class="btn" onClick={() => void account.logout()} data-testid="logout-button">
            {shared('action.logOut')}
          </button>
        </div>
      ) : (
        <div class="flex flex-wrap items-center gap-3">
          <p class="flex-1 text-sm">{t('account.loggedOut')}</p>
          <button
            type="button"
            class="btn-primary"
            onClick={() => void account.login()}
            disabled={state?.loginAvailable === false}
            data-testid="login-button"
          >
            {shared('action.logIn')}
          </button>
          {state?.loginAvailable === false && <p class="w-full text-xs text-al-orange">{t('account.loginUnavailable')}</p>}
        </div>
      )}
      <form
        class="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          void saveUserName();
        }}
      >
        <label class="flex min-w-60 flex-1 flex-col gap-1 text-sm">
          <span class="font-semibold text-al-strong">{t('account.userName')}</span>
          <input
            class="field"
            value={userName}
            maxLength={MAX_USER_NAME_LENGTH}
            autoComplete="off"
            spellcheck={false}
            placeholder={t('account.userNamePlaceholder')}
            onInput={(event) => {
              draft.value = event.currentTarget.value;
            }}
            aria-describedby="user-name-help"
            data-testid="username-input"
          />
        </label>
        <button type="submit" class="btn" disabled={draft.value === null}>
          {t('account.saveUserName')}
        </button>
        <button
          type="button"
          class="btn-primary"
          disabled={account.scanning.value || (login === null && userName.trim() === '')}
          onClick={async () => {
            if (draft.value !== null) await saveUserName();
            account.userName.value = userName;
            await account.startScan();
          }}
          data-testid="scan-button"
        >
          {account.scanning.value ? t('account.scanning') : t('account.scanNow')}
        </button>
        <p id="user-name-help" class="w-full text-xs text-al-muted">
          {login ? t('account.userNameHelpLoggedIn') : t('account.userNameHelp')}
        </p>
      </form>
    </Section>
  );
}

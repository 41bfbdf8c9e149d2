import { computed, type ReadonlySignal, signal, type Signal } from '@preact/signals';
import type { BackgroundStore } from './background-store';
import { errorDetail, type SendRequest } from './requests';

export type AccountAction = 'login' | 'logout' | 'scan' | 'cancel';

/** The header's account and scan controls. */
export interface AccountModel {
  /** The user-name field, used while logged out. */
  userName: Signal<string>;
  /** The action waiting for the background, or null. */
  pending: Signal<AccountAction | null>;
  /** The failed action and its detail, or null. */
  failure: Signal<{ action: AccountAction; detail: string } | null>;
  scanning: ReadonlySignal<boolean>;
  login(): Promise<void>;
  logout(): Promise<void>;
  /** Scans the logged-in user's list, or the name in `userName` while logged out. */
  startScan(): Promise<void>;
  cancelScan(): Promise<void>;
}

export function createAccountModel(store: BackgroundStore, send: SendRequest): AccountModel {
  const userName = signal(store.state.value?.settings.scanUserName ?? '');
  const pending = signal<AccountAction | null>(null);
  const failure = signal<{ action: AccountAction; detail: string } | null>(null);
  const scanning = computed(() => store.state.value?.scan.phase === 'running');

  // Fills the field once the stored name arrives, unless the user already typed one.
  let filledFromState = store.state.value !== null;
  store.state.subscribe((state) => {
    if (filledFromState || state === null) return;
    filledFromState = true;
    if (userName.value === '') userName.value = state.settings.scanUserName ?? '';
  });

  const run = async (action: AccountAction, work: () => Promise<unknown>) => {
    pending.value = action;
    failure.value = null;
    try {
      await work();
    } catch (error) {
      failure.value = { action, detail: errorDetail(error) };
    } finally {
      pending.value = null;
      await store.refresh();
    }
  };

  return {
    userName,
    pending,
    failure,
    scanning,
    login: () => run('login', () => send({ type: 'login' })),
    logout: () => run('logout', () => send({ type: 'logout' })),
    startScan: () =>
      run('scan', () => {
        const loggedIn = store.state.value?.login != null;
        const name = userName.value.trim();
        return send(loggedIn || name === '' ? { type: 'startScan' } : { type: 'startScan', userName: name });
      }),
    cancelScan: () => run('cancel', () => send({ type: 'cancelScan' })),
  };
}

import { computed, type ReadonlySignal, signal, type Signal } from '@preact/signals';
import type { TitleLanguage } from '../anilist/types';
import { type Locale, pickLocale } from '../i18n/locale';
import type { BackgroundState } from '../messages/state';
import { errorDetail, type SendRequest } from './requests';
import type { StateSnapshot } from './state-snapshot';

/**
 * The background's state as a screen displays it: loaded once when the screen opens, and again after
 * each action and every `pollMs` while a scan runs, so the progress bar moves.
 */
export interface BackgroundStore {
  state: Signal<BackgroundState | null>;
  /** The detail of the last failed getState, or null after a success. */
  loadError: Signal<string | null>;
  locale: ReadonlySignal<Locale>;
  titleLanguage: ReadonlySignal<TitleLanguage | undefined>;
  refresh(): Promise<void>;
  /** Stops polling. */
  dispose(): void;
}

export interface BackgroundStoreOptions {
  /** The browser's UI language, for the 'browser' language setting. */
  browserLanguage: string;
  /** How often to refresh while a scan runs, in ms; a fallback for pushed states that never arrive. */
  pollMs?: number;
  /** Registers for the states the background pushes when it changes, and returns a function that stops it. */
  subscribe?: (callback: (state: BackgroundState) => void) => () => void;
  /** A local copy to paint from before the background responds, updated with each state received. */
  snapshot?: StateSnapshot;
}

export const DEFAULT_POLL_MS = 1500;

export function createBackgroundStore(send: SendRequest, options: BackgroundStoreOptions): BackgroundStore {
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const state = signal<BackgroundState | null>(options.snapshot?.read() ?? null);
  const loadError = signal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  let queue: Promise<void> = Promise.resolve();

  const locale = computed(() => pickLocale(state.value?.settings.language ?? 'browser', options.browserLanguage));
  const titleLanguage = computed(() => state.value?.login?.viewer.titleLanguage);

  const schedule = () => {
    clearTimeout(timer);
    if (disposed || state.value?.scan.phase !== 'running') return;
    timer = setTimeout(() => void refresh(), pollMs);
  };

  // Progress of a running scan changes every second and is not worth a copy; the finished state is.
  const receive = (next: BackgroundState) => {
    state.value = next;
    loadError.value = null;
    if (next.scan.phase !== 'running') options.snapshot?.write(next);
  };

  const load = async () => {
    try {
      receive(await send({ type: 'getState' }));
    } catch (error) {
      loadError.value = errorDetail(error);
    } finally {
      schedule();
    }
  };

  // Loads run one after another, so a response requested before an action never lands after the
  // response requested after it.
  const refresh = (): Promise<void> => {
    queue = queue.then(load);
    return queue;
  };

  const unsubscribe = options.subscribe?.((pushed) => {
    receive(pushed);
    schedule();
  });

  return {
    state,
    loadError,
    locale,
    titleLanguage,
    refresh,
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
      unsubscribe?.();
    },
  };
}

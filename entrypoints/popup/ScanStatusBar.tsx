import { useEffect, useState } from 'preact/hooks';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../components/i18n-context';
import { formatDate } from '../../lib/i18n/locale';
import type { ScanStatus } from '../../lib/messages/state';
import type { AccountModel } from '../../lib/ui/account-model';
import type { BackgroundStore } from '../../lib/ui/background-store';
import { progressFraction, secondsLeft } from '../../lib/ui/scan-progress';

/** Kinds of scan failure a new login fixes; every other kind offers to scan again. */
const LOGIN_FIXES = new Set(['invalid-token', 'unauthorized', 'private-user']);

/** Re-renders every second while `active`, for the rate-limit countdown. */
function useSecondTicks(active: boolean, now: () => number): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    if (!active) return;
    setTime(now());
    const timer = setInterval(() => setTime(now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return time;
}

interface ScanStatusBarProps {
  store: BackgroundStore;
  account: AccountModel;
  now: () => number;
}

/** The running scan's progress bar with any wait, or the last failure with the action that may fix it. */
export function ScanStatusBar({ store, account, now }: ScanStatusBarProps) {
  const { popup: t, shared, locale } = useI18n();
  const state = store.state.value;
  const scan = state?.scan;
  const loadError = store.loadError.value;
  const failure = account.failure.value;
  const waiting = scan?.phase === 'running' && scan.wait !== null;
  const time = useSecondTicks(waiting, now);

  if (loadError !== null) {
    return (
      <ErrorBanner message={shared('error.noBackground', { detail: loadError })} testId="load-error">
        <button type="button" class="btn" onClick={() => void store.refresh()}>
          {shared('action.retry')}
        </button>
      </ErrorBanner>
    );
  }
  if (failure !== null) {
    return (
      <ErrorBanner
        message={t(`accountFailure.${failure.action}`, { detail: failure.detail })}
        onDismiss={() => {
          account.failure.value = null;
        }}
        dismissLabel={t('failure.dismiss')}
        testId="account-error"
      />
    );
  }
  if (scan?.phase === 'running' || scan?.phase === 'paused') {
    return <ActiveScanBar scan={scan} account={account} time={time} />;
  }
  if (state?.reloginRequested) {
    return (
      <ErrorBanner message={t('header.relogin', { user: state.reloginRequested.userName })} testId="relogin">
        <button type="button" class="btn" onClick={() => void account.login()} disabled={!state.loginAvailable}>
          {shared('action.logIn')}
        </button>
      </ErrorBanner>
    );
  }
  if (scan?.phase === 'failed') {
    const needsLogin = LOGIN_FIXES.has(scan.error.kind);
    return (
      <ErrorBanner message={t('progress.failed', { user: scan.userName, message: scan.error.message })} testId="scan-error">
        {needsLogin ? (
          <button type="button" class="btn" onClick={() => void account.login()} disabled={state?.loginAvailable === false}>
            {shared('action.logIn')}
          </button>
        ) : (
          <button type="button" class="btn" onClick={() => void account.startScan()}>
            {shared('action.retry')}
          </button>
        )}
      </ErrorBanner>
    );
  }
  return null;
}

interface ActiveScanBarProps {
  scan: Extract<ScanStatus, { phase: 'running' | 'paused' }>;
  account: AccountModel;
  /** The clock of the last countdown tick. */
  time: number;
}

function ActiveScanBar({ scan, account, time }: ActiveScanBarProps) {
  const { popup: t, shared, locale } = useI18n();
  const { progress } = scan;
  const fraction = progressFraction(scan);
  let text: string;
  if (scan.phase === 'paused') {
    text = t('progress.paused', {
      message: scan.error.message,
      time: formatDate(scan.retryAt, locale, { timeStyle: 'short' }),
    });
  } else if (scan.wait !== null) {
    text = t(scan.wait.reason === 'rate-limit' ? 'progress.rateLimitWait' : 'progress.retryWait', {
      seconds: secondsLeft(scan.wait.until, time),
    });
  } else if (progress.phase === 'list') {
    text = t('progress.list', { user: scan.userName });
  } else if (progress.phase === 'relations') {
    text = t('progress.relations', {
      done: progress.relationsFromCache + progress.relationsFetched,
      needed: progress.relationsNeeded,
      cached: progress.relationsFromCache,
    });
  } else {
    text = t('progress.done');
  }

  return (
    <div class="space-y-1" data-testid="scan-progress" data-phase={scan.phase}>
      <div class="flex items-center gap-2 text-xs">
        <span class={`min-w-0 flex-1 ${scan.phase === 'paused' || scan.wait !== null ? 'text-al-orange' : ''}`} aria-live="polite">
          {text}
        </span>
        {scan.phase === 'paused' && (
          <button type="button" class="btn-ghost text-xs" onClick={() => void account.startScan()}>
            {t('progress.resumeNow')}
          </button>
        )}
        <button type="button" class="btn-ghost text-xs" onClick={() => void account.cancelScan()} data-testid="cancel-scan">
          {shared('action.cancel')}
        </button>
      </div>
      <div
        class="h-1.5 overflow-hidden rounded-full bg-al-border"
        role="progressbar"
        aria-label={t('progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
        aria-valuetext={text}
      >
        <div
          class={`h-full rounded-full ${scan.phase === 'paused' ? 'bg-al-orange' : 'bg-al-blue'} ${fraction === null ? 'w-1/3 animate-pulse' : 'transition-[width]'}`}
          style={fraction === null ? undefined : { width: `${Math.max(3, Math.round(fraction * 100))}%` }}
        />
      </div>
    </div>
  );
}

import type { ComponentChildren } from 'preact';

interface ErrorBannerProps {
  message: string;
  /** Buttons that act on the error, such as "Try again". */
  children?: ComponentChildren;
  onDismiss?: () => void;
  dismissLabel?: string;
  testId?: string;
}

/** A failure with its message and the actions that may fix it, announced to screen readers. */
export function ErrorBanner({ message, children, onDismiss, dismissLabel, testId }: ErrorBannerProps) {
  return (
    <div
      role="alert"
      data-testid={testId}
      class="flex flex-wrap items-center gap-2 rounded-md border border-al-red/40 bg-al-red/10 px-3 py-2 text-sm text-al-text"
    >
      <p class="min-w-0 flex-1 basis-60">{message}</p>
      {children}
      {onDismiss && (
        <button type="button" class="btn-ghost" onClick={onDismiss} aria-label={dismissLabel}>
          ×
        </button>
      )}
    </div>
  );
}

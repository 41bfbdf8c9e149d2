import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface ConfirmChoice {
  label: string;
  onChoose(): void;
  /** Styles the choice as destructive. */
  danger?: boolean;
  testId?: string;
}

interface ConfirmDialogProps {
  title: string;
  children: ComponentChildren;
  choices: readonly ConfirmChoice[];
  cancelLabel: string;
  onCancel(): void;
}

/**
 * A modal question in the browser's own <dialog>: focus stays inside, Escape cancels, and the
 * page behind cannot be used until the user answers.
 */
export function ConfirmDialog({ title, children, choices, cancelLabel, onCancel }: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    // The dialog is removed from the page rather than closed, so the browser does not return
    // focus to the control that opened it; this does.
    const opener = document.activeElement;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="confirm-title"
      class="m-auto max-w-md rounded-lg bg-al-card p-5 text-al-text shadow-xl backdrop:bg-black/50"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      data-testid="confirm-dialog"
    >
      <h2 id="confirm-title" class="text-base font-semibold text-al-strong">
        {title}
      </h2>
      <div class="mt-2 space-y-2 text-sm">{children}</div>
      <div class="mt-4 flex flex-wrap justify-end gap-2">
        <button type="button" class="btn" onClick={onCancel} autoFocus data-testid="confirm-cancel">
          {cancelLabel}
        </button>
        {choices.map((choice) => (
          <button
            key={choice.label}
            type="button"
            class={choice.danger ? 'btn-danger' : 'btn-primary'}
            onClick={choice.onChoose}
            data-testid={choice.testId}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </dialog>
  );
}

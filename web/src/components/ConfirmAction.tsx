import { useEffect, useRef, useState } from 'react';
import { useAction } from '../pages/useAction.ts';
import { CancelButton } from './CancelButton.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

interface ConfirmActionProps {
  /** The button that starts the action (`Ajukan`). */
  label: string;
  /** The question shown before anything happens. */
  question: string;
  /** The button that does it (`Ya, ajukan`). */
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  className?: string;
}

/**
 * A button that asks first: the question and Yes/Cancel open in place (no modal, nothing to
 * dismiss on a small screen), and the API's error shows under it.
 */
export function ConfirmAction({ label, question, confirmLabel, onConfirm, className }: ConfirmActionProps) {
  const [open, setOpen] = useState(false);
  const { busy, error, setError, run } = useAction();
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) confirmRef.current?.focus();
  }, [open]);

  async function confirm() {
    await run(async () => {
      await onConfirm();
      setOpen(false);
    });
  }

  if (!open) {
    return (
      <div className="stack">
        <button
          type="button"
          className={`button ${className ?? 'button-primary'}`}
          onClick={() => {
            setError(null);
            setOpen(true);
          }}
        >
          {label}
        </button>
        {error ? <ErrorMessage error={error} /> : null}
      </div>
    );
  }
  return (
    <fieldset className="confirm">
      <legend className="confirm-question">{question}</legend>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="button-row">
        <button
          ref={confirmRef}
          type="button"
          className={`button ${className ?? 'button-primary'}`}
          disabled={busy}
          onClick={confirm}
        >
          {confirmLabel}
        </button>
        <CancelButton disabled={busy} onClick={() => setOpen(false)} />
      </div>
    </fieldset>
  );
}

import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useAction } from '../pages/useAction.ts';
import { CancelButton } from './CancelButton.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

/** `Tolak` opens a required reason field; the reason goes back to the village operator. */
export function RejectForm({ onReject }: { onReject: (reason: string) => Promise<void> }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (open) fieldRef.current?.focus();
  }, [open]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!reason.trim()) {
      setError(t('review.reject.required'));
      fieldRef.current?.focus();
      return;
    }
    await run(async () => {
      await onReject(reason.trim());
      setOpen(false);
      setReason('');
    });
  }

  if (!open) {
    return (
      <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
        {t('review.reject')}
      </button>
    );
  }
  return (
    <form className="confirm" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('review.reject.reason')}</label>
        <textarea
          ref={fieldRef}
          id={`${id}-reason`}
          rows={3}
          required
          maxLength={500}
          aria-describedby={`${id}-hint`}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <p id={`${id}-hint`} className="muted field-hint">
          {t('review.reject.hint')}
        </p>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="button button-danger" disabled={busy}>
          {t('review.reject.submit')}
        </button>
        <CancelButton disabled={busy} onClick={() => setOpen(false)} />
      </div>
    </form>
  );
}

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useAction } from '../pages/useAction.ts';
import { SubmitCancel } from './Card.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { TextAreaField } from './FormFields.tsx';

/** `Tolak` opens a required reason field; the reason goes back to the village operator. */
export function RejectForm({ onReject }: { onReject: (reason: string) => Promise<void> }) {
  const { t } = useI18n();
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
      <TextAreaField
        ref={fieldRef}
        label={t('review.reject.reason')}
        required
        maxLength={500}
        hint={t('review.reject.hint')}
        value={reason}
        onChange={setReason}
      />
      {error ? <ErrorMessage error={error} /> : null}
      <SubmitCancel busy={busy} variant="danger" onCancel={() => setOpen(false)}>
        {t('review.reject.submit')}
      </SubmitCancel>
    </form>
  );
}

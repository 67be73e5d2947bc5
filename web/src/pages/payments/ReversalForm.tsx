import { type FormEvent, useId, useState } from 'react';
import { type Balances, reversePayment } from '../../api/billing.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { TextField } from '../../components/FormFields.tsx';
import { formatRupiah } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAction } from '../useAction.ts';

export function ReversalForm({ onReversed }: { onReversed: () => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const [paymentId, setPaymentId] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();
  const [done, setDone] = useState<{ paymentId: number; balances: Balances } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const number = Number(paymentId.trim());
    if (!/^\d+$/.test(paymentId.trim()) || !Number.isSafeInteger(number)) {
      return setError(t('reversal.idInvalid'));
    }
    if (!reason.trim()) return setError(t('reversal.reasonRequired'));
    setDone(null);
    await run(async () => {
      const result = await reversePayment(number, reason.trim());
      setDone({ paymentId: number, balances: result.balances });
      setPaymentId('');
      setReason('');
      onReversed();
    });
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reversal.title')}</h2>
      <p className="muted">{t('reversal.intro')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField
          label={t('reversal.paymentId')}
          inputMode="numeric"
          autoComplete="off"
          value={paymentId}
          onChange={setPaymentId}
        />
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('reversal.reason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            required
            maxLength={300}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <button type="submit" className="button button-danger" disabled={busy}>
          {t('reversal.submit')}
        </button>
        {error ? <ErrorMessage error={error} /> : null}
      </form>
      {done ? (
        <p className="success" role="status">
          {t('reversal.done', {
            id: done.paymentId,
            balance: formatRupiah(done.balances.receivableRp, language),
          })}
        </p>
      ) : null}
    </section>
  );
}

import { type FormEvent, useId, useState } from 'react';
import { type Balances, reversePayment } from '../../api/billing.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatRupiah } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function ReversalForm({ onReversed }: { onReversed: () => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const [paymentId, setPaymentId] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ paymentId: number; balances: Balances } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const number = Number(paymentId.trim());
    if (!/^\d+$/.test(paymentId.trim()) || !Number.isSafeInteger(number)) {
      return setError(t('reversal.idInvalid'));
    }
    if (!reason.trim()) return setError(t('reversal.reasonRequired'));
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await reversePayment(number, reason.trim());
      setDone({ paymentId: number, balances: result.balances });
      setPaymentId('');
      setReason('');
      onReversed();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reversal.title')}</h2>
      <p className="muted">{t('reversal.intro')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-payment`}>{t('reversal.paymentId')}</label>
          <input
            id={`${id}-payment`}
            inputMode="numeric"
            autoComplete="off"
            value={paymentId}
            onChange={(event) => setPaymentId(event.target.value)}
          />
        </div>
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

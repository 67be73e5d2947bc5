import { useState } from 'react';
import { newIdempotencyKey } from '../../api/billing.ts';
import { type BpuRegistration, payBpu } from '../../api/bpu.ts';
import { ApiError } from '../../api/client.ts';
import { IsoDate, passes } from '../../api/fields.ts';
import { FormCard, SubmitButton } from '../../components/Card.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { NumberField, TextField } from '../../components/FormFields.tsx';
import { formatRupiah, parseRupiahInput, todayWita } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAction } from '../useAction.ts';
import { monthSpan } from './month-span.ts';

// A payment by the worker's personal code, taken at the counter or by the village: the amount must
// be exactly the next months' contributions (the server names the right amount when it is not:
// BPU_AMOUNT_MISMATCH). One idempotency key per form, as the payments page: a double tap or a
// retry after the network dropped books the payment once; a new key only after a success.

type Paid = Awaited<ReturnType<typeof payBpu>>;

export function BpuPaymentForm({
  registration,
  next,
  onPaid,
  onUnauthenticated,
}: {
  registration: BpuRegistration;
  next: { from: string; to: string; amountRp: number };
  onPaid: () => void;
  onUnauthenticated: () => void;
}) {
  const { t, language } = useI18n();
  const [key, setKey] = useState(newIdempotencyKey);
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayWita);
  const [reference, setReference] = useState('');
  const [done, setDone] = useState<Paid | null>(null);
  const { busy, error, setError, run } = useAction(onUnauthenticated);
  const due = {
    months: monthSpan(next.from, next.to, language),
    amount: formatRupiah(next.amountRp, language),
  };

  async function submit() {
    if (busy) return;
    const amountRp = parseRupiahInput(amount);
    if (amountRp === null || amountRp <= 0) return setError(t('bpu.pay.amountInvalid'));
    if (!passes(IsoDate, receivedOn)) return setError(t('bpu.error.date'));
    if (!reference.trim()) return setError(t('bpu.pay.referenceRequired'));
    setDone(null);
    await run(async () => {
      const result = await payBpu({
        paymentCode: registration.paymentCode,
        amountRp,
        receivedOn,
        reference: reference.trim(),
        idempotencyKey: key,
      });
      setDone(result);
      setKey(newIdempotencyKey());
      setAmount('');
      setReference('');
      onPaid();
    });
  }

  const mismatch = error instanceof ApiError && error.code === 'BPU_AMOUNT_MISMATCH';
  const networkError = error instanceof ApiError && error.code === 'NETWORK_ERROR';
  return (
    <FormCard
      title={t('bpu.pay.title')}
      intro={t('bpu.pay.intro')}
      onSubmit={submit}
      after={
        done ? (
          <p className="success" role="status">
            {done.replayed || !done.months || !done.invoice
              ? t('bpu.pay.replayed')
              : t('bpu.pay.done', {
                  amount: formatRupiah(done.invoice.totalRp, language),
                  months: monthSpan(done.months.from, done.months.to, language),
                  invoice: done.invoice.number,
                })}
          </p>
        ) : null
      }
    >
      <div className="form-grid">
        <NumberField
          label={t('bpu.pay.amount')}
          placeholder={formatRupiah(next.amountRp, language).replace(/^Rp\s*/, '')}
          hint={t('bpu.pay.amountHint', due)}
          aria-invalid={mismatch ? true : undefined}
          value={amount}
          onChange={setAmount}
        />
        <TextField label={t('bpu.pay.receivedOn')} type="date" value={receivedOn} onChange={setReceivedOn} />
        <TextField
          label={t('bpu.pay.reference')}
          autoComplete="off"
          maxLength={100}
          value={reference}
          onChange={setReference}
        />
      </div>
      <SubmitButton busy={busy} icon="cash">
        {busy ? t('bpu.pay.saving') : t('bpu.pay.submit')}
      </SubmitButton>
      {mismatch ? (
        <div className="alert bpu-mismatch" role="alert">
          <strong>{t('bpu.pay.mismatch')}</strong>
          <span>{error.message}</span>
          <span>{t('bpu.pay.amountHint', due)}</span>
        </div>
      ) : error ? (
        <ErrorMessage error={error} />
      ) : null}
      {networkError ? <p className="note">{t('bpu.pay.retrySafe')}</p> : null}
    </FormCard>
  );
}

import { useState } from 'react';
import { type Balances, reversePayment } from '../../api/billing.ts';
import { FormCard, SubmitButton, SuccessNote } from '../../components/Card.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { NumberField, TextAreaField } from '../../components/FormFields.tsx';
import { formatRupiah } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAction } from '../useAction.ts';

export function ReversalForm({ onReversed }: { onReversed: () => void }) {
  const { t, language } = useI18n();
  const [paymentId, setPaymentId] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();
  const [done, setDone] = useState<{ paymentId: number; balances: Balances } | null>(null);

  async function submit() {
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
    <FormCard
      title={t('reversal.title')}
      intro={t('reversal.intro')}
      onSubmit={submit}
      after={
        <SuccessNote>
          {done
            ? t('reversal.done', {
                id: done.paymentId,
                balance: formatRupiah(done.balances.receivableRp, language),
              })
            : null}
        </SuccessNote>
      }
    >
      <NumberField label={t('reversal.paymentId')} value={paymentId} onChange={setPaymentId} />
      <TextAreaField
        label={t('reversal.reason')}
        required
        maxLength={300}
        value={reason}
        onChange={setReason}
      />
      <SubmitButton busy={busy} variant="danger">
        {t('reversal.submit')}
      </SubmitButton>
      {error ? <ErrorMessage error={error} /> : null}
    </FormCard>
  );
}

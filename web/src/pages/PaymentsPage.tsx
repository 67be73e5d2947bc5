import { useState } from 'react';
import { type Balances, listPayers, newIdempotencyKey, type Payer, postPayment } from '../api/billing.ts';
import { ApiError } from '../api/client.ts';
import { payersExportUrl } from '../api/exports.ts';
import { IsoDate, passes } from '../api/fields.ts';
import { FormCard, SubmitButton } from '../components/Card.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { DownloadLink } from '../components/DownloadLink.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ChoiceField, NumberField, TextField } from '../components/FormFields.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { formatCount, formatRupiah, parseRupiahInput, todayWita } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { PageProps } from './pageProps.ts';
import { ReversalForm } from './payments/ReversalForm.tsx';
import { useAction } from './useAction.ts';
import { useLoad } from './useLoad.ts';

// Payments received from payers (branch officer) and their reversal (branch supervisor).
// Each payment form carries one idempotency key: a double tap, or a retry after the network
// dropped the answer, books the payment once. A new key is drawn only after a success.

function PaymentForm({
  payers,
  onPosted,
  onUnauthenticated,
}: {
  payers: Payer[];
  onPosted: () => void;
  onUnauthenticated: () => void;
}) {
  const { t, language } = useI18n();
  const [key, setKey] = useState(newIdempotencyKey);
  const [payerId, setPayerId] = useState(() => (payers.length === 1 ? String(payers[0]!.id) : ''));
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayWita);
  const [reference, setReference] = useState('');
  const { busy, error, setError, run } = useAction(onUnauthenticated);
  const [done, setDone] = useState<{
    payer: string;
    paymentId: number;
    replayed: boolean;
    balances: Balances;
  } | null>(null);

  async function submit() {
    if (busy) return;
    const payer = payers.find((p) => String(p.id) === payerId);
    const amountRp = parseRupiahInput(amount);
    if (!payer) return setError(t('payment.payerRequired'));
    if (amountRp === null || amountRp <= 0) return setError(t('payment.amountInvalid'));
    if (!passes(IsoDate, receivedOn)) return setError(t('payment.dateInvalid'));
    if (!reference.trim()) return setError(t('payment.referenceRequired'));
    setDone(null);
    await run(async () => {
      const result = await postPayment(
        { payerId: payer.id, amountRp, receivedOn, reference: reference.trim() },
        key,
      );
      setDone({ payer: payer.name, ...result });
      setKey(newIdempotencyKey());
      setAmount('');
      setReference('');
      onPosted();
    });
  }

  const networkError = error instanceof ApiError && error.code === 'NETWORK_ERROR';
  return (
    <FormCard
      title={t('payment.form.title')}
      onSubmit={submit}
      after={
        done ? (
          <div className="success stack" role="status">
            <p>
              {t(done.replayed ? 'payment.replayed' : 'payment.done', {
                id: done.paymentId,
                payer: done.payer,
              })}
            </p>
            <p className="balance-line">
              {t('payment.newBalance', { balance: formatRupiah(done.balances.receivableRp, language) })}
            </p>
          </div>
        ) : null
      }
    >
      <ChoiceField
        label={t('payment.payer')}
        value={payerId}
        onChange={setPayerId}
        options={payers.map((p) => ({
          value: p.id,
          label: t('payment.payerOption', { name: p.name, balance: formatRupiah(p.balanceRp, language) }),
        }))}
      />
      <div className="form-grid">
        <NumberField
          label={t('payment.amount')}
          placeholder="1.500.000"
          hint={t('payment.amountHint')}
          value={amount}
          onChange={setAmount}
        />
        <TextField label={t('payment.receivedOn')} type="date" value={receivedOn} onChange={setReceivedOn} />
      </div>
      <TextField
        label={t('payment.reference')}
        autoComplete="off"
        maxLength={200}
        hint={t('payment.referenceHint')}
        value={reference}
        onChange={setReference}
      />
      <SubmitButton busy={busy} icon="cash">
        {busy ? t('payment.saving') : t('payment.submit')}
      </SubmitButton>
      {error ? <ErrorMessage error={error} /> : null}
      {networkError ? <p className="note">{t('payment.retrySafe')}</p> : null}
    </FormCard>
  );
}

function PayerTable({ payers }: { payers: Payer[] }) {
  const { t, language } = useI18n();
  const money = (n: number) => formatRupiah(n, language);
  return (
    <DataTable
      className="payer-table"
      caption={t('payers.title', { count: formatCount(payers.length, language) })}
      rows={payers}
      rowKey={(p) => p.id}
      columns={(c) => [
        c.text('payer', t('invoice.payer'), (p) => p.name, { rowHeader: true }),
        c.num('invoiced', t('payers.invoiced'), (p) => money(p.invoicedRp)),
        c.num('paid', t('invoice.paid'), (p) => money(p.paidRp)),
        c.num('balance', t('invoice.balance'), (p) => money(p.balanceRp), {
          className: (p) => (p.balanceRp > 0 ? 'strong owing' : 'strong'),
        }),
      ]}
    />
  );
}

export function PaymentsPage({ user, onUnauthenticated }: PageProps) {
  const { t, language } = useI18n();
  const { state, reload } = useLoad(`payers:${language}`, listPayers, onUnauthenticated);
  const canPost = user.permissions.includes('payments.post');
  const canReverse = user.permissions.includes('payments.reverse');
  return (
    <div className="stack payments-page">
      <PageHead title={t('payment.title')} intro={t('payment.intro')} />
      <LoadView state={state} retry={reload}>
        {(payers) => (
          <>
            {canPost ? (
              payers.length === 0 ? (
                <p className="muted">{t('payers.empty')}</p>
              ) : (
                <PaymentForm payers={payers} onPosted={reload} onUnauthenticated={onUnauthenticated} />
              )
            ) : null}
            {canReverse ? <ReversalForm onReversed={reload} /> : null}
            {payers.length > 0 ? (
              <>
                <PayerTable payers={payers} />
                <div className="button-row">
                  <DownloadLink href={payersExportUrl('xlsx')}>{t('export.xlsx')}</DownloadLink>
                  <DownloadLink href={payersExportUrl('csv')}>{t('export.csv')}</DownloadLink>
                </div>
              </>
            ) : null}
          </>
        )}
      </LoadView>
    </div>
  );
}

import { type FormEvent, useId, useState } from 'react';
import { type Balances, listPayers, newIdempotencyKey, type Payer, postPayment } from '../api/billing.ts';
import { ApiError } from '../api/client.ts';
import { payersExportUrl } from '../api/exports.ts';
import type { User } from '../api/types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { SelectField, TextField } from '../components/FormFields.tsx';
import { Icon } from '../components/Icon.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { formatCount, formatRupiah, parseRupiahInput, todayWita } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { DATE_PATTERN } from '../input-patterns.ts';
import { ReversalForm } from './payments/ReversalForm.tsx';
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
  const id = useId();
  const [key, setKey] = useState(newIdempotencyKey);
  const [payerId, setPayerId] = useState(() => (payers.length === 1 ? String(payers[0]!.id) : ''));
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayWita);
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{
    payer: string;
    paymentId: number;
    replayed: boolean;
    balances: Balances;
  } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const payer = payers.find((p) => String(p.id) === payerId);
    const amountRp = parseRupiahInput(amount);
    if (!payer) return setError(t('payment.payerRequired'));
    if (amountRp === null || amountRp <= 0) return setError(t('payment.amountInvalid'));
    if (!DATE_PATTERN.test(receivedOn)) return setError(t('payment.dateInvalid'));
    if (!reference.trim()) return setError(t('payment.referenceRequired'));
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await postPayment(
        { payerId: payer.id, amountRp, receivedOn, reference: reference.trim() },
        key,
      );
      setDone({ payer: payer.name, ...result });
      setKey(newIdempotencyKey());
      setAmount('');
      setReference('');
      onPosted();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onUnauthenticated();
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const networkError = error instanceof ApiError && error.code === 'NETWORK_ERROR';
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('payment.form.title')}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <SelectField label={t('payment.payer')} value={payerId} onChange={setPayerId}>
          <option value="">{t('enrolment.pick.choose')}</option>
          {payers.map((p) => (
            <option key={p.id} value={p.id}>
              {t('payment.payerOption', { name: p.name, balance: formatRupiah(p.balanceRp, language) })}
            </option>
          ))}
        </SelectField>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-amount`}>{t('payment.amount')}</label>
            <input
              id={`${id}-amount`}
              inputMode="numeric"
              autoComplete="off"
              placeholder="1.500.000"
              aria-describedby={`${id}-amount-hint`}
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
            />
            <p id={`${id}-amount-hint`} className="muted field-hint">
              {t('payment.amountHint')}
            </p>
          </div>
          <TextField
            label={t('payment.receivedOn')}
            type="date"
            value={receivedOn}
            onChange={setReceivedOn}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-reference`}>{t('payment.reference')}</label>
          <input
            id={`${id}-reference`}
            autoComplete="off"
            maxLength={200}
            aria-describedby={`${id}-reference-hint`}
            value={reference}
            onChange={(event) => setReference(event.target.value)}
          />
          <p id={`${id}-reference-hint`} className="muted field-hint">
            {t('payment.referenceHint')}
          </p>
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          <Icon name="cash" />
          {busy ? t('payment.saving') : t('payment.submit')}
        </button>
        {error ? <ErrorMessage error={error} /> : null}
        {networkError ? <p className="note">{t('payment.retrySafe')}</p> : null}
      </form>
      {done ? (
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
      ) : null}
    </section>
  );
}

function PayerTable({ payers }: { payers: Payer[] }) {
  const { t, language } = useI18n();
  const money = (n: number) => formatRupiah(n, language);
  return (
    <DataTable
      layout="cards"
      className="payer-table"
      caption={t('payers.title', { count: formatCount(payers.length, language) })}
      rows={payers}
      rowKey={(p) => p.id}
      columns={[
        { key: 'payer', header: t('invoice.payer'), cell: (p) => p.name, rowHeader: true },
        { key: 'invoiced', header: t('payers.invoiced'), cell: (p) => money(p.invoicedRp), align: 'num' },
        { key: 'paid', header: t('invoice.paid'), cell: (p) => money(p.paidRp), align: 'num' },
        {
          key: 'balance',
          header: t('invoice.balance'),
          cell: (p) => money(p.balanceRp),
          align: 'num',
          className: (p) => (p.balanceRp > 0 ? 'strong owing' : 'strong'),
        },
      ]}
    />
  );
}

export function PaymentsPage({ user, onUnauthenticated }: { user: User; onUnauthenticated: () => void }) {
  const { t, language } = useI18n();
  const { state, reload } = useLoad(`payers:${language}`, listPayers, onUnauthenticated);
  const canPost = user.permissions.includes('payments.post');
  const canReverse = user.permissions.includes('payments.reverse');
  return (
    <div className="stack payments-page">
      <div className="stack page-head">
        <h1>{t('payment.title')}</h1>
        <p className="muted">{t('payment.intro')}</p>
      </div>
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
                  {(['xlsx', 'csv'] as const).map((format) => (
                    <a
                      key={format}
                      className="button button-secondary"
                      href={payersExportUrl(format)}
                      download
                    >
                      <Icon name="download" />
                      {t(format === 'xlsx' ? 'export.xlsx' : 'export.csv')}
                    </a>
                  ))}
                </div>
              </>
            ) : null}
          </>
        )}
      </LoadView>
    </div>
  );
}

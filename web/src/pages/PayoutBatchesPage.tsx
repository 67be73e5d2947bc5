import { useId, useState } from 'react';
import { type Claim, listClaimsIn } from '../api/claims.ts';
import { createPayoutBatch, listPayoutBatches, type PayoutBatch } from '../api/payouts.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Icon } from '../components/Icon.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { formatCount, formatRupiah } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link, navigate } from '../router.tsx';
import { claimPath } from './ClaimQueuePage.tsx';
import { PayoutBatchStatusBadge, pick, safeDateTime } from './ClaimStatus.tsx';
import { useLoad } from './useLoad.ts';
import '../claims.css';
import { DataTable } from '../components/DataTable.tsx';
import { SelectField } from '../components/FormFields.tsx';
import type { PageProps } from './pageProps.ts';
import { useAction } from './useAction.ts';

// Payout batches: the branch officer gathers approved claims of one regency into a draft batch
// (its count and total shown, for the supervisor to declare again when approving), and
// every batch of the caller's regions is listed newest first.

export const PAYOUTS_PATH = '/pembayaran-klaim';

export function payoutBatchPath(id: number): string {
  return `${PAYOUTS_PATH}/${id}`;
}

function NewBatch({ claims }: { claims: Claim[] }) {
  const { t, language } = useI18n();
  const id = useId();
  const regencies = [...new Set(claims.map((c) => c.regencyCode))].sort();
  const [regency, setRegency] = useState(regencies[0] ?? '');
  const inRegency = claims.filter((c) => c.regencyCode === regency);
  const [excluded, setExcluded] = useState<Set<number>>(new Set());
  const { busy, error, run } = useAction();
  const chosen = inRegency.filter((c) => !excluded.has(c.id));
  const total = chosen.reduce((sum, c) => sum + (c.amountRp ?? 0), 0);

  async function create() {
    if (busy || chosen.length === 0) return;
    await run(async () => {
      const made = await createPayoutBatch(
        regency,
        chosen.map((c) => c.id),
      );
      navigate(payoutBatchPath(made.id));
    });
  }

  const toggle = (claimId: number, on: boolean) =>
    setExcluded((set) => {
      const next = new Set(set);
      if (on) next.delete(claimId);
      else next.add(claimId);
      return next;
    });

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('payouts.new.title')}</h2>
      {claims.length === 0 ? (
        <p className="muted">{t('payouts.new.none')}</p>
      ) : (
        <>
          {regencies.length > 1 ? (
            <SelectField label={t('payouts.new.regency')} value={regency} onChange={setRegency}>
              {regencies.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </SelectField>
          ) : null}
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={() => setExcluded(new Set())}>
              {t('payouts.new.all')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setExcluded(new Set(inRegency.map((c) => c.id)))}
            >
              {t('payouts.new.none.select')}
            </button>
          </div>
          <DataTable
            className="payout-claims"
            caption={t('payouts.new.claims', { count: formatCount(inRegency.length, language) })}
            rows={inRegency}
            rowKey={(c) => c.id}
            rowProps={(c) => ({ 'data-claim': c.number })}
            columns={(c) => [
              c.text('include', t('payouts.new.include'), (c) => (
                <input
                  type="checkbox"
                  aria-label={t('payouts.new.includeClaim', { number: c.number })}
                  checked={!excluded.has(c.id)}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                />
              )),
              c.text(
                'number',
                t('claim.number'),
                (c) => <Link to={claimPath('maker', c.id)}>{c.number}</Link>,
                { rowHeader: true },
              ),
              c.text('program', t('claim.program'), (c) => (
                <>
                  {c.program} · {pick(c.kindLabel, language)}
                </>
              )),
              c.text('bank', t('intake.bank'), (c) => (
                <>
                  {c.bank.name} <span className="mono">{c.bank.account}</span>
                </>
              )),
              c.num('amount', t('claim.amount'), (c) => formatRupiah(c.amountRp ?? 0, language)),
            ]}
          />
          <p className="balance-line" role="status">
            {t('payouts.new.selection', {
              count: formatCount(chosen.length, language),
              total: formatRupiah(total, language),
            })}
          </p>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || chosen.length === 0}
            onClick={create}
          >
            <Icon name="cash" />
            {t('payouts.new.submit')}
          </button>
          {error ? <ErrorMessage error={error} /> : null}
        </>
      )}
    </section>
  );
}

function BatchTable({ batches }: { batches: PayoutBatch[] }) {
  const { t, language } = useI18n();
  return (
    <DataTable
      className="payout-batch-table"
      caption={t('payouts.list', { count: formatCount(batches.length, language) })}
      rows={batches}
      rowKey={(b) => b.id}
      rowProps={(b) => ({ 'data-batch': b.number })}
      columns={(c) => [
        c.text(
          'number',
          t('payouts.number'),
          (b) => (
            <Link to={payoutBatchPath(b.id)} className="invoice-link">
              {b.number}
            </Link>
          ),
          { rowHeader: true },
        ),
        c.text('status', t('claim.status'), (b) => <PayoutBatchStatusBadge status={b.status} />),
        c.num('count', t('payouts.count'), (b) => formatCount(b.count, language)),
        c.num('total', t('payouts.total'), (b) => formatRupiah(b.totalRp, language)),
        c.text('createdBy', t('payouts.createdBy'), (b) => (
          <>
            {b.createdBy} · {safeDateTime(b.createdAt, language)}
          </>
        )),
      ]}
    />
  );
}

export function PayoutBatchesPage({ user, onUnauthenticated }: PageProps) {
  const { t, language } = useI18n();
  const canMake = user.permissions.includes('payouts.manage') && user.permissions.includes('claims.read');
  const { state, reload } = useLoad(
    `payout-batches:${canMake}:${language}`,
    async () => ({
      batches: (await listPayoutBatches()).batches,
      approved: canMake ? (await listClaimsIn(['approved'], { limit: 500 })).claims : [],
    }),
    onUnauthenticated,
  );
  return (
    <div className="stack claims-page">
      <PageHead title={t('payouts.title')} intro={t('payouts.intro')} />
      <LoadView state={state} retry={reload}>
        {({ batches, approved }) => (
          <>
            {canMake ? <NewBatch claims={approved} /> : null}
            {batches.length === 0 ? (
              <p className="muted">{t('payouts.empty')}</p>
            ) : (
              <BatchTable batches={batches} />
            )}
          </>
        )}
      </LoadView>
    </div>
  );
}

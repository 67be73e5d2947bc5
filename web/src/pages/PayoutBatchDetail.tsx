import { getPayoutBatch, type Payout } from '../api/payouts.ts';
import { Facts, Stats } from '../components/Facts.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { formatCount, formatRupiah } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';
import { claimPath } from './ClaimQueuePage.tsx';
import {
  maskDigits,
  PayoutBatchStatusBadge,
  PayoutStatusBadge,
  safeDate,
  safeDateTime,
} from './ClaimStatus.tsx';
import { PAYOUTS_PATH } from './PayoutBatchesPage.tsx';
import { useClaimCatalog } from './useCatalogs.ts';
import { useLoad } from './useLoad.ts';
import '../claims.css';
import { DataTable } from '../components/DataTable.tsx';
import type { PageProps } from './pageProps.ts';
import { ApproveForm, ExportPanel, ResultUpload } from './payouts/PayoutBatchActions.tsx';

// One payout batch: the second person approves it by declaring the count and total they
// checked; the officer downloads the bank's transfer file (made once, the same bytes every
// time) and uploads the bank's result file, which marks each payout paid, failed or returned.

function PayoutTable({ payouts }: { payouts: Payout[] }) {
  const { t, language } = useI18n();
  // The bank by its name, as the claim form offers it; its transfer code until the catalog loads.
  const banks = useClaimCatalog()?.banks ?? [];
  return (
    <DataTable
      className="payout-table"
      caption={t('payouts.payouts', { count: formatCount(payouts.length, language) })}
      rows={payouts}
      rowKey={(p) => p.id}
      rowProps={(p) => ({ 'data-payout': p.id })}
      columns={(c) => [
        c.text(
          'number',
          t('claim.number'),
          (p) => <Link to={claimPath('maker', p.claimId)}>{p.claimNumber}</Link>,
          { rowHeader: true },
        ),
        c.text('program', t('claim.program'), (p) => p.program),
        // One span: a phone card lays the cell out as a two-column grid, label and one value.
        c.text('bank', t('intake.bank'), (p) => (
          <span>
            {banks.find((b) => b.code === p.bankCode)?.name ?? p.bankCode}{' '}
            <span className="mono">{maskDigits(p.bankAccount)}</span> · {p.accountHolder}
          </span>
        )),
        c.num('amount', t('claim.amount'), (p) => formatRupiah(p.amountRp, language)),
        c.text('status', t('claim.status'), (p) => (
          <>
            <PayoutStatusBadge status={p.status} />
            {p.paidOn ? <span className="muted"> {safeDate(p.paidOn, language)}</span> : null}
            {(p.failedOn ?? p.returnedOn) ? (
              <span className="muted"> {safeDate(p.failedOn ?? p.returnedOn, language)}</span>
            ) : null}
          </>
        )),
        c.text('bankReference', t('payouts.bankReference'), (p) => p.bankReference ?? '–'),
      ]}
    />
  );
}

export function PayoutBatchDetail({ batchId, user, onUnauthenticated }: PageProps & { batchId: string }) {
  const { t, language } = useI18n();
  const { state, reload } = useLoad(
    `payout-batch:${batchId}:${language}`,
    () => getPayoutBatch(batchId),
    onUnauthenticated,
  );
  const can = (p: string) => user.permissions.includes(p);
  return (
    <LoadView state={state} retry={reload}>
      {({ batch, payouts }) => (
        <div className="stack claims-page">
          <PageHead
            back={PAYOUTS_PATH}
            level={t('payouts.batch')}
            code={batch.regencyCode}
            title={batch.number}
            titleClass="mono-heading"
          >
            <div className="batch-head">
              <PayoutBatchStatusBadge status={batch.status} />
            </div>
          </PageHead>
          <Stats
            aria-label={t('payouts.totals')}
            items={[
              {
                label: t('payouts.count'),
                value: formatCount(batch.count, language),
                valueClass: 'stat-money batch-count',
              },
              {
                label: t('payouts.total'),
                value: formatRupiah(batch.totalRp, language),
                valueClass: 'stat-money batch-total',
              },
              batch.declaredTotalRp !== null
                ? {
                    label: t('payouts.declared'),
                    value: (
                      <>
                        {formatCount(batch.declaredCount ?? 0, language)} ·{' '}
                        {formatRupiah(batch.declaredTotalRp, language)}
                      </>
                    ),
                    tone: 'stat-valid',
                  }
                : null,
            ]}
          />
          <Facts
            items={[
              {
                label: t('payouts.createdBy'),
                value: (
                  <>
                    {batch.createdBy} · {safeDateTime(batch.createdAt, language)}
                  </>
                ),
              },
              {
                label: t('payouts.approvedBy'),
                value: batch.approvedBy
                  ? `${batch.approvedBy} · ${safeDateTime(batch.approvedAt, language)}`
                  : '–',
              },
              {
                label: t('payouts.exportedAt'),
                value: batch.exportedAt
                  ? `${batch.exportedBy ?? ''} · ${safeDateTime(batch.exportedAt, language)}`
                  : '–',
              },
              { label: t('payouts.reconciledAt'), value: safeDateTime(batch.reconciledAt, language) },
            ]}
          />
          {batch.status === 'draft' && can('payouts.approve') ? (
            <ApproveForm batch={batch} onDone={reload} />
          ) : null}
          {batch.status === 'draft' && !can('payouts.approve') ? (
            <p className="note">{t('payouts.waitingApproval')}</p>
          ) : null}
          {batch.status !== 'draft' && can('payouts.manage') ? (
            <ExportPanel batch={batch} onDone={reload} />
          ) : null}
          {(batch.status === 'exported' || batch.status === 'reconciled') && can('payouts.manage') ? (
            <ResultUpload batchId={batch.id} onDone={reload} />
          ) : null}
          <PayoutTable payouts={payouts} />
        </div>
      )}
    </LoadView>
  );
}

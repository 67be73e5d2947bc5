import { getPayoutBatch, type Payout } from '../api/payouts.ts';
import { LoadView } from '../components/LoadView.tsx';
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
        c.text('bank', t('intake.bank'), (p) => (
          <>
            {p.bankCode} <span className="mono">{maskDigits(p.bankAccount)}</span> · {p.accountHolder}
          </>
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
          <Link to={PAYOUTS_PATH} className="back-link">
            ‹ {t('action.back')}
          </Link>
          <div className="stack page-head">
            <p className="eyebrow">
              <span className="level">{t('payouts.batch')}</span>
              <span className="code">{batch.regencyCode}</span>
            </p>
            <h1 className="mono-heading">{batch.number}</h1>
            <div className="batch-head">
              <PayoutBatchStatusBadge status={batch.status} />
            </div>
          </div>
          <dl className="stats" aria-label={t('payouts.totals')}>
            <div className="stat">
              <dt>{t('payouts.count')}</dt>
              <dd className="stat-money batch-count">{formatCount(batch.count, language)}</dd>
            </div>
            <div className="stat">
              <dt>{t('payouts.total')}</dt>
              <dd className="stat-money batch-total">{formatRupiah(batch.totalRp, language)}</dd>
            </div>
            {batch.declaredTotalRp !== null ? (
              <div className="stat stat-valid">
                <dt>{t('payouts.declared')}</dt>
                <dd className="stat-money">
                  {formatCount(batch.declaredCount ?? 0, language)} ·{' '}
                  {formatRupiah(batch.declaredTotalRp, language)}
                </dd>
              </div>
            ) : null}
          </dl>
          <dl className="facts">
            <div>
              <dt>{t('payouts.createdBy')}</dt>
              <dd>
                {batch.createdBy} · {safeDateTime(batch.createdAt, language)}
              </dd>
            </div>
            <div>
              <dt>{t('payouts.approvedBy')}</dt>
              <dd>
                {batch.approvedBy ? `${batch.approvedBy} · ${safeDateTime(batch.approvedAt, language)}` : '–'}
              </dd>
            </div>
            <div>
              <dt>{t('payouts.exportedAt')}</dt>
              <dd>
                {batch.exportedAt
                  ? `${batch.exportedBy ?? ''} · ${safeDateTime(batch.exportedAt, language)}`
                  : '–'}
              </dd>
            </div>
            <div>
              <dt>{t('payouts.reconciledAt')}</dt>
              <dd>{safeDateTime(batch.reconciledAt, language)}</dd>
            </div>
          </dl>
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

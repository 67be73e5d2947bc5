import { useId, useMemo, useState } from 'react';
import {
  type BranchDashboard,
  branchCsvUrl,
  type ClaimsMonth,
  getBranchDashboard,
  homeRegency,
  type PayoutBatchRow,
} from '../../api/reports.ts';
import { ChartPanel } from '../../components/ChartPanel.tsx';
import { Icon } from '../../components/Icon.tsx';
import { LoadView } from '../../components/LoadView.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { formatCount, formatDateTime, formatPercent, formatPeriod, formatRupiah } from '../../format.ts';
import { type Translate, useI18n } from '../../i18n/I18nProvider.tsx';
import { loadMembershipCatalog, useMembershipCatalog } from '../useCatalogs.ts';
import { useLoad } from '../useLoad.ts';
import { claimsOption } from './chart-options.ts';
import { FreshnessNote } from './FreshnessNote.tsx';
import '../../dashboards.css';
import { DataTable } from '../../components/DataTable.tsx';
import { YearFilter } from '../../components/FormFields.tsx';
import type { PageProps } from '../pageProps.ts';

// The branch (kantor cabang) dashboard for one year: claims paid by programme and month, the
// benefits paid, how many decisions met the service level, and the payout batches.

export const BRANCH_DASHBOARD_PATH = '/dashboard/branch';

function ClaimsTable({ rows }: { rows: ClaimsMonth[] }) {
  const { t, language } = useI18n();
  const sorted = [...rows].sort(
    (a, b) => a.period.localeCompare(b.period) || a.program.localeCompare(b.program),
  );
  return (
    <DataTable
      layout="grid"
      caption={t('branch.claims.title')}
      captionHidden
      rows={sorted}
      rowKey={(r) => `${r.period}:${r.program}`}
      columns={(c) => [
        c.text(
          'period',
          t('dash.trend.period'),
          (r) => (/^\d{4}-\d{2}$/.test(r.period) ? formatPeriod(r.period, language) : r.period),
          { rowHeader: true },
        ),
        c.text('program', t('branch.claims.program'), (r) => r.program),
        c.num('count', t('branch.claims.count'), (r) => formatCount(r.count, language)),
        c.num('amount', t('branch.claims.amount'), (r) => formatRupiah(r.amountRp, language)),
      ]}
    />
  );
}

const BATCH_STATUSES = ['draft', 'approved', 'exported', 'reconciled'] as const;

function batchStatus(status: string, t: Translate): string {
  const known = BATCH_STATUSES.find((s) => s === status);
  return known ? t(`branch.batches.status.${known}`) : status;
}

function BatchesTable({ batches, csvUrl }: { batches: PayoutBatchRow[]; csvUrl: string }) {
  const { t, language } = useI18n();
  const id = useId();
  const when = (iso: string) => {
    try {
      return formatDateTime(iso, language);
    } catch {
      return iso;
    }
  };
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <div className="chart-head">
        <h2 id={`${id}-title`}>{t('branch.batches.title')}</h2>
        <div className="chart-actions">
          <a className="button button-secondary button-small" href={csvUrl} download>
            <Icon name="download" />
            {t('chart.csv')}
            <span className="visually-hidden"> {t('branch.batches.title')}</span>
          </a>
        </div>
      </div>
      {batches.length === 0 ? (
        <p className="muted">{t('branch.batches.none')}</p>
      ) : (
        <ScrollRegion label={t('branch.batches.title')}>
          <DataTable
            layout="grid"
            className="batch-table"
            rows={batches}
            rowKey={(b) => b.id}
            columns={(c) => [
              c.text('number', t('branch.batches.number'), (b) => b.number, {
                className: 'mono',
                rowHeader: true,
              }),
              c.text('status', t('branch.batches.status'), (b) => batchStatus(b.status, t)),
              c.num('count', t('branch.batches.count'), (b) => formatCount(b.count, language)),
              c.num('total', t('branch.batches.total'), (b) => formatRupiah(b.totalRp, language)),
              c.text('createdAt', t('branch.batches.createdAt'), (b) => when(b.createdAt)),
            ]}
          />
        </ScrollRegion>
      )}
    </section>
  );
}

function Dashboard({ data, regency }: { data: BranchDashboard; regency: string }) {
  const { t, language } = useI18n();
  const programs = useMembershipCatalog()?.programs;
  const claims = useMemo(
    () => claimsOption(data.claimsByMonth, programs ?? [], data.year, language),
    [data, programs, language],
  );
  const totalClaims = data.claimsByMonth.reduce((sum, r) => sum + r.count, 0);
  return (
    <>
      <FreshnessNote freshness={data.freshness} />
      <dl className="stats stats-wide">
        <div className="stat">
          <dt>{t('branch.stat.benefitsPaid')}</dt>
          <dd className="stat-money" data-testid="benefits-paid">
            {formatRupiah(data.benefitsPaidRp, language)}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('branch.stat.claimsPaid')}</dt>
          <dd>{formatCount(totalClaims, language)}</dd>
        </div>
        <div className="stat">
          <dt>{t('branch.stat.sla')}</dt>
          <dd data-testid="sla-percent">{formatPercent(data.sla.percent, language)}</dd>
          <dd className="muted stat-note">
            {t('branch.stat.slaDetail', {
              within: formatCount(data.sla.withinSla, language),
              decided: formatCount(data.sla.decided, language),
            })}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('branch.stat.overdue')}</dt>
          <dd className={data.sla.overdueOpen > 0 ? 'owing' : undefined}>
            {formatCount(data.sla.overdueOpen, language)}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('branch.stat.automaticRefusals')}</dt>
          <dd data-testid="automatic-refusals">{formatCount(data.sla.automaticRefusals, language)}</dd>
          <dd className="muted stat-note">{t('branch.stat.automaticRefusalsNote')}</dd>
        </div>
      </dl>
      <ChartPanel
        title={t('branch.claims.title')}
        option={claims}
        csvUrl={branchCsvUrl(regency, data.year, 'claimsByMonth')}
        empty={data.claimsByMonth.length === 0 ? t('branch.claims.none') : null}
        table={<ClaimsTable rows={data.claimsByMonth} />}
      />
      <BatchesTable batches={data.payoutBatches} csvUrl={branchCsvUrl(regency, data.year, 'payoutBatches')} />
    </>
  );
}

export function BranchDashboardPage({ user, onUnauthenticated }: PageProps) {
  const { t, language } = useI18n();
  const regency = homeRegency(user.homeRegion);
  const thisYear = new Date().getUTCFullYear();
  const [year, setYear] = useState(thisYear);
  const { state, reload } = useLoad(
    JSON.stringify([regency, year, language]),
    async () => (await Promise.all([getBranchDashboard(regency, year), loadMembershipCatalog()]))[0],
    onUnauthenticated,
  );
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return (
    <div className="stack dashboard-page">
      <PageHead title={t('branch.title')} intro={t('branch.intro', { year })} />
      <YearFilter label={t('branch.year')} years={years} value={year} onChange={setYear} />
      <LoadView state={state} retry={reload}>
        {(data) => <Dashboard data={data} regency={regency} />}
      </LoadView>
    </div>
  );
}

import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import {
  type BranchReport,
  branchReportUrl,
  getBranchReport,
  homeRegency,
  type ReportFormat,
} from '../../api/reports.ts';
import type { User } from '../../api/types.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatCount, formatDate, formatDateTime, formatRupiah, todayWita } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/id.ts';
import { loadMembershipCatalog, useMembershipCatalog } from '../useCatalogs.ts';
import '../../dashboards.css';
import { DataTable } from '../../components/DataTable.tsx';
import { TextField } from '../../components/FormFields.tsx';
import { DATE_PATTERN, REGENCY_CODE_PATTERN } from '../../input-patterns.ts';

// The branch report for a regency and a date range: claims paid per programme, benefits paid,
// active participants by segment and the village workers; downloadable as CSV, XLSX and PDF.

export const BRANCH_REPORT_PATH = '/reports/branch';
const FORMATS: { format: ReportFormat; label: 'export.csv' | 'export.xlsx' | 'report.pdf' }[] = [
  { format: 'csv', label: 'export.csv' },
  { format: 'xlsx', label: 'export.xlsx' },
  { format: 'pdf', label: 'report.pdf' },
];

function firstOfYear(today: string): string {
  return `${today.slice(0, 4)}-01-01`;
}

function ReportTable({ report }: { report: BranchReport }) {
  const { t, language } = useI18n();
  const programs = useMembershipCatalog()?.programs ?? [];
  const n = (v: number) => formatCount(v, language);
  const rp = (v: number) => formatRupiah(v, language);
  return (
    <div className="stack">
      <div className="table-scroll">
        <DataTable
          layout="grid"
          className="report-table"
          caption={t('report.claims')}
          rows={programs}
          rowKey={(program) => program}
          rowProps={(program) => ({ 'data-program': program })}
          footer={
            <tr>
              <th scope="row">{t('dash.total')}</th>
              <td className="num">{n(report.claimsTotal.count)}</td>
              <td className="num">{rp(report.claimsTotal.amountRp)}</td>
            </tr>
          }
          columns={[
            {
              key: 'program',
              header: t('branch.claims.program'),
              cell: (program) => program,
              rowHeader: true,
            },
            {
              key: 'count',
              header: t('branch.claims.count'),
              cell: (program) => n(report.claims[program]?.count ?? 0),
              align: 'num',
            },
            {
              key: 'amount',
              header: t('branch.claims.amount'),
              cell: (program) => rp(report.claims[program]?.amountRp ?? 0),
              align: 'num',
            },
          ]}
        />
      </div>
      <div className="table-scroll">
        <DataTable
          layout="grid"
          className="report-table"
          caption={t('report.figures')}
          noHeader
          rows={
            [
              { key: 'report.benefitsPaid', value: rp(report.benefitsPaidRp), strong: true },
              { key: 'report.active.formal', value: n(report.activeParticipants.formal) },
              { key: 'report.active.informal', value: n(report.activeParticipants.informal) },
              { key: 'report.active.construction', value: n(report.activeParticipants.construction) },
              { key: 'report.active.total', value: n(report.activeParticipants.total), strong: true },
              { key: 'report.villageWorkers', value: n(report.villageWorkers) },
              { key: 'report.villagesWithWorkers', value: n(report.villagesWithWorkers) },
            ] satisfies { key: MessageKey; value: string; strong?: boolean }[]
          }
          rowKey={(figure) => figure.key}
          columns={[
            { key: 'figure', header: null, cell: (figure) => t(figure.key), rowHeader: true },
            {
              key: 'value',
              header: null,
              cell: (figure) => figure.value,
              align: 'num',
              className: (figure) => (figure.strong ? 'strong' : undefined),
            },
          ]}
        />
      </div>
    </div>
  );
}

export function BranchReportPage({ user, onUnauthenticated }: { user: User; onUnauthenticated: () => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const today = todayWita();
  const [regency, setRegency] = useState(homeRegency(user.homeRegion));
  const [from, setFrom] = useState(firstOfYear(today));
  const [to, setTo] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<BranchReport | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!REGENCY_CODE_PATTERN.test(regency.trim())) return setError(t('report.regencyInvalid'));
    if (!DATE_PATTERN.test(from) || !DATE_PATTERN.test(to) || from > to)
      return setError(t('report.rangeInvalid'));
    setBusy(true);
    setError(null);
    try {
      setReport((await Promise.all([getBranchReport(regency.trim(), from, to), loadMembershipCatalog()]))[0]);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onUnauthenticated();
      setError(caught);
      setReport(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack report-page">
      <div className="stack page-head">
        <h1>{t('report.title')}</h1>
        <p className="muted">{t('report.intro')}</p>
      </div>
      <section className="card stack" aria-labelledby={`${id}-form`}>
        <h2 id={`${id}-form`}>{t('report.form.title')}</h2>
        <form className="stack" onSubmit={submit} noValidate>
          <div className="form-grid report-form">
            <TextField
              label={t('report.regency')}
              inputMode="decimal"
              placeholder="53.04"
              value={regency}
              onChange={setRegency}
            />
            <TextField label={t('report.from')} type="date" value={from} onChange={setFrom} />
            <TextField label={t('report.to')} type="date" value={to} onChange={setTo} />
          </div>
          <button type="submit" className="button button-primary" disabled={busy}>
            <Icon name="chart" />
            {busy ? t('report.running') : t('report.submit')}
          </button>
          {error ? <ErrorMessage error={error} /> : null}
        </form>
      </section>
      {report ? (
        <section className="stack" aria-labelledby={`${id}-result`}>
          <div className="stack page-head">
            <h2 id={`${id}-result`}>
              {t('report.resultTitle', {
                name: report.regencyName,
                from: formatDate(report.from, language),
                to: formatDate(report.to, language),
              })}
            </h2>
            <p className="muted">
              {t('report.generatedAt', { when: formatDateTime(report.generatedAt, language) })}
            </p>
          </div>
          <ReportTable report={report} />
          <div className="button-row">
            {FORMATS.map(({ format, label }) => (
              <a
                key={format}
                className="button button-secondary"
                href={branchReportUrl(report.regencyCode, report.from, report.to, format)}
                download
              >
                <Icon name="download" />
                {t(label)}
              </a>
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}

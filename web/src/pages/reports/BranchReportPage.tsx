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
import { loadMembershipCatalog, useMembershipCatalog } from '../useCatalogs.ts';
import '../../dashboards.css';
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
        <table className="data-table report-table">
          <caption>{t('report.claims')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('branch.claims.program')}</th>
              <th scope="col" className="num">
                {t('branch.claims.count')}
              </th>
              <th scope="col" className="num">
                {t('branch.claims.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {programs.map((program) => (
              <tr key={program} data-program={program}>
                <th scope="row">{program}</th>
                <td className="num">{n(report.claims[program]?.count ?? 0)}</td>
                <td className="num">{rp(report.claims[program]?.amountRp ?? 0)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('dash.total')}</th>
              <td className="num">{n(report.claimsTotal.count)}</td>
              <td className="num">{rp(report.claimsTotal.amountRp)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="table-scroll">
        <table className="data-table report-table">
          <caption>{t('report.figures')}</caption>
          <tbody>
            <tr>
              <th scope="row">{t('report.benefitsPaid')}</th>
              <td className="num strong">{rp(report.benefitsPaidRp)}</td>
            </tr>
            <tr>
              <th scope="row">{t('report.active.formal')}</th>
              <td className="num">{n(report.activeParticipants.formal)}</td>
            </tr>
            <tr>
              <th scope="row">{t('report.active.informal')}</th>
              <td className="num">{n(report.activeParticipants.informal)}</td>
            </tr>
            <tr>
              <th scope="row">{t('report.active.construction')}</th>
              <td className="num">{n(report.activeParticipants.construction)}</td>
            </tr>
            <tr>
              <th scope="row">{t('report.active.total')}</th>
              <td className="num strong">{n(report.activeParticipants.total)}</td>
            </tr>
            <tr>
              <th scope="row">{t('report.villageWorkers')}</th>
              <td className="num">{n(report.villageWorkers)}</td>
            </tr>
            <tr>
              <th scope="row">{t('report.villagesWithWorkers')}</th>
              <td className="num">{n(report.villagesWithWorkers)}</td>
            </tr>
          </tbody>
        </table>
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
            <div className="field">
              <label htmlFor={`${id}-regency`}>{t('report.regency')}</label>
              <input
                id={`${id}-regency`}
                inputMode="decimal"
                placeholder="53.04"
                value={regency}
                onChange={(e) => setRegency(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-from`}>{t('report.from')}</label>
              <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>{t('report.to')}</label>
              <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </div>
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

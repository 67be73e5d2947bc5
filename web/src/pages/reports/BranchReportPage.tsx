import { useId, useState } from 'react';
import {
  type BranchReport,
  branchReportUrl,
  getBranchReport,
  homeRegency,
  type ReportFormat,
} from '../../api/reports.ts';
import { FormCard, SubmitButton } from '../../components/Card.tsx';
import { DownloadLink } from '../../components/DownloadLink.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { formatCount, formatDate, formatDateTime, formatRupiah, todayWita } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/id.ts';
import { useAction } from '../useAction.ts';
import { loadMembershipCatalog, useMembershipCatalog } from '../useCatalogs.ts';
import '../../dashboards.css';
import { IsoDate, passes, RegencyCode } from '../../api/fields.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { RegencyField, TextField } from '../../components/FormFields.tsx';
import { FreshnessNote } from '../dashboards/FreshnessNote.tsx';
import { NonAsnCard } from '../dashboards/NonAsnCard.tsx';
import type { PageProps } from '../pageProps.ts';

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
      <FreshnessNote freshness={report.freshness} />
      <ScrollRegion label={t('report.claims')}>
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
          columns={(c) => [
            c.text('program', t('branch.claims.program'), (program) => program, { rowHeader: true }),
            c.num('count', t('branch.claims.count'), (program) => n(report.claims[program]?.count ?? 0)),
            c.num('amount', t('branch.claims.amount'), (program) =>
              rp(report.claims[program]?.amountRp ?? 0),
            ),
          ]}
        />
      </ScrollRegion>
      <ScrollRegion label={t('report.figures')}>
        <DataTable
          layout="grid"
          className="report-table"
          caption={t('report.figures')}
          noHeader
          rows={
            [
              { key: 'report.benefitsPaid', value: rp(report.benefitsPaidRp), strong: true },
              { key: 'report.active.formal', value: n(report.activeParticipants.formal) },
              { key: 'report.active.nonAsn', value: n(report.nonAsn.active) },
              { key: 'report.active.informal', value: n(report.activeParticipants.informal) },
              { key: 'report.active.construction', value: n(report.activeParticipants.construction) },
              { key: 'report.active.total', value: n(report.activeParticipants.total), strong: true },
              { key: 'report.villageWorkers', value: n(report.villageWorkers) },
              { key: 'report.villagesWithWorkers', value: n(report.villagesWithWorkers) },
            ] satisfies { key: MessageKey; value: string; strong?: boolean }[]
          }
          rowKey={(figure) => figure.key}
          columns={(c) => [
            c.text('figure', null, (figure) => t(figure.key), { rowHeader: true }),
            c.num('value', null, (figure) => figure.value, {
              className: (figure) => (figure.strong ? 'strong' : undefined),
            }),
          ]}
        />
      </ScrollRegion>
      <NonAsnCard nonAsn={report.nonAsn} />
    </div>
  );
}

export function BranchReportPage({ user, onUnauthenticated }: PageProps) {
  const { t, language } = useI18n();
  const id = useId();
  const today = todayWita();
  const [regency, setRegency] = useState(homeRegency(user.homeRegion));
  const [from, setFrom] = useState(firstOfYear(today));
  const [to, setTo] = useState(today);
  const { busy, error, setError, run } = useAction(onUnauthenticated);
  const [report, setReport] = useState<BranchReport | null>(null);

  async function submit() {
    if (busy) return;
    if (!passes(RegencyCode, regency.trim())) return setError(t('report.regencyInvalid'));
    if (!passes(IsoDate, from) || !passes(IsoDate, to) || from > to)
      return setError(t('report.rangeInvalid'));
    await run(async () => {
      try {
        setReport(
          (await Promise.all([getBranchReport(regency.trim(), from, to), loadMembershipCatalog()]))[0],
        );
      } catch (caught) {
        setReport(null);
        throw caught;
      }
    });
  }

  return (
    <div className="stack report-page">
      <PageHead title={t('report.title')} intro={t('report.intro')} />
      <FormCard title={t('report.form.title')} onSubmit={submit}>
        <div className="form-grid report-form">
          <RegencyField label={t('report.regency')} value={regency} onChange={setRegency} />
          <TextField label={t('report.from')} type="date" value={from} onChange={setFrom} />
          <TextField label={t('report.to')} type="date" value={to} onChange={setTo} />
        </div>
        <SubmitButton busy={busy} icon="chart">
          {busy ? t('report.running') : t('report.submit')}
        </SubmitButton>
        {error ? <ErrorMessage error={error} /> : null}
      </FormCard>
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
              <DownloadLink
                key={format}
                href={branchReportUrl(report.regencyCode, report.from, report.to, format)}
              >
                {t(label)}
              </DownloadLink>
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}

import { type FormEvent, useId, useState } from 'react';
import { type Employer, uploadWageReport, type WageImportResult } from '../../api/employers.ts';
import { Period, passes } from '../../api/fields.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { TextField } from '../../components/FormFields.tsx';
import { Icon } from '../../components/Icon.tsx';
import { IssueList } from '../../components/RowIssues.tsx';
import { SpreadsheetPicker } from '../../components/SpreadsheetPicker.tsx';
import { formatCount, formatPeriod } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const MAX_WAGE_FILE_BYTES = 10 * 1024 * 1024;

export function WageReportCard({ employer, onImported }: { employer: Employer; onImported: () => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const [period, setPeriod] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<WageImportResult | null>(null);
  const busy = progress !== null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!passes(Period, period)) return setError(t('billing.run.periodInvalid'));
    if (!file) return setError(t('enrolment.upload.noFile'));
    if (file.size > MAX_WAGE_FILE_BYTES) return setError(t('enrolment.upload.tooLarge'));
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      setResult(await uploadWageReport(employer.npp, period, file, setProgress));
      setFile(null);
      setInputKey((k) => k + 1);
      onImported();
    } catch (caught) {
      setError(caught);
    } finally {
      setProgress(null);
    }
  }

  const counts = result
    ? ([
        ['rows', result.upload.rows],
        ['valid', result.upload.valid],
        ['invalid', result.upload.invalid],
        ['joined', result.upload.joined],
        ['left', result.upload.left],
        ['wageChanged', result.upload.wageChanged],
        ['unchanged', result.upload.unchanged],
      ] as const)
    : [];
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('wage.title')}</h2>
      <p className="muted">{t('wage.intro')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField label={t('wage.period')} type="month" value={period} onChange={setPeriod} />
        <SpreadsheetPicker
          id={id}
          inputKey={inputKey}
          file={file}
          disabled={busy}
          onChange={(chosen) => {
            setFile(chosen);
            setError(null);
          }}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          <Icon name="upload" />
          {t('wage.submit')}
        </button>
        {progress !== null ? (
          <div className="progress" role="status">
            <progress max={100} value={Math.round(progress * 100)} />
            <span>{t('enrolment.upload.uploading', { percent: Math.round(progress * 100) })}</span>
          </div>
        ) : null}
        {error ? <ErrorMessage error={error} /> : null}
      </form>
      {result ? (
        <div className="stack" role="status">
          <p className={result.problems.length > 0 ? 'note' : 'success'}>
            {result.repeated
              ? t('wage.repeated')
              : t('wage.done', {
                  period: formatPeriod(result.period, language),
                  file: result.upload.fileName,
                })}
          </p>
          <dl className="stats" aria-label={t('enrolment.result.counts')}>
            {counts.map(([key, value]) => (
              <div key={key} className={`stat stat-wage-${key}`}>
                <dt>{t(`wage.count.${key}`)}</dt>
                <dd>{formatCount(value, language)}</dd>
              </div>
            ))}
          </dl>
          {result.problems.length > 0 ? (
            <DataTable
              className="problem-table"
              caption={t('enrolment.problems.title', {
                count: formatCount(result.problems.length, language),
              })}
              rows={result.problems}
              rowKey={(row) => row.rowNumber}
              rowProps={() => ({ className: 'row-invalid' })}
              columns={(c) => [
                c.text('row', t('enrolment.problems.row'), (row) => row.rowNumber, { rowHeader: true }),
                c.text(
                  'nik',
                  t('field.nik'),
                  (row) => row.nik || <span className="muted">{t('enrolment.problems.empty')}</span>,
                  { className: 'mono' },
                ),
                c.text(
                  'fullName',
                  t('field.fullName'),
                  (row) => row.fullName || <span className="muted">{t('enrolment.problems.empty')}</span>,
                ),
                c.text('issues', t('enrolment.problems.issues'), (row) => (
                  <IssueList errors={row.errors} warnings={[]} />
                )),
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

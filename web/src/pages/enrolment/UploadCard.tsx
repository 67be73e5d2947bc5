import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { batchReportUrl, MAX_UPLOAD_BYTES, uploadEnrolmentFile } from '../../api/enrolment.ts';
import type { UploadResult } from '../../api/types.ts';
import { FormCard, SubmitButton } from '../../components/Card.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Icon } from '../../components/Icon.tsx';
import { ProblemTable } from '../../components/RowIssues.tsx';
import { SpreadsheetPicker } from '../../components/SpreadsheetPicker.tsx';
import type { VillageChoice } from '../../components/VillagePicker.tsx';
import { formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Upload failures that a fresh copy of the template fixes. */
export const TEMPLATE_ADVICE = new Set([
  'FILE_EMPTY',
  'FILE_NOT_SPREADSHEET',
  'FILE_HEADERS_INVALID',
  'FILE_HAS_FORMULAS',
]);

export type UploadPhase = { state: 'idle' } | { state: 'sending'; fraction: number } | { state: 'checking' };

export function UploadCard({
  village,
  onUploaded,
  onUnauthenticated,
}: {
  village: VillageChoice | null;
  onUploaded: (result: UploadResult) => void;
  onUnauthenticated: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [phase, setPhase] = useState<UploadPhase>({ state: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const busy = phase.state !== 'idle';

  async function submit() {
    if (busy) return;
    if (!village) return setError(t('enrolment.pick.first'));
    if (!file) return setError(t('enrolment.upload.noFile'));
    if (file.size > MAX_UPLOAD_BYTES) return setError(t('enrolment.upload.tooLarge'));
    setError(null);
    setPhase({ state: 'sending', fraction: 0 });
    try {
      const result = await uploadEnrolmentFile(file, village.code, (fraction) =>
        setPhase(fraction >= 1 ? { state: 'checking' } : { state: 'sending', fraction }),
      );
      // A fresh input: the corrected file often has the same name and must be choosable again.
      setFile(null);
      setInputKey((key) => key + 1);
      onUploaded(result);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onUnauthenticated();
      setError(caught);
    } finally {
      setPhase({ state: 'idle' });
    }
  }

  const advise = error instanceof ApiError && TEMPLATE_ADVICE.has(error.code);
  return (
    <FormCard title={t('enrolment.upload.title')} onSubmit={submit}>
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
      <SubmitButton busy={busy} icon="upload">
        {t('enrolment.upload.submit')}
      </SubmitButton>
      {phase.state === 'sending' ? (
        <div className="progress" role="status">
          <progress max={100} value={Math.round(phase.fraction * 100)} />
          <span>{t('enrolment.upload.uploading', { percent: Math.round(phase.fraction * 100) })}</span>
        </div>
      ) : null}
      {phase.state === 'checking' ? (
        <div className="progress" role="status">
          <progress />
          <span>{t('enrolment.upload.checking')}</span>
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {advise ? <p className="note">{t('enrolment.upload.useTemplate')}</p> : null}
    </FormCard>
  );
}

export function UploadResultCard({ result }: { result: UploadResult }) {
  const { t, language } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { upload, problems, batch } = result;

  useEffect(() => {
    void result;
    headingRef.current?.focus();
  }, [result]);

  const counts = [
    ['valid', upload.valid],
    ['invalid', upload.invalid],
    ['kept', upload.kept],
    ['warnings', upload.warnings],
  ] as const;
  return (
    <section className="card stack upload-result" aria-labelledby="result-title">
      <h2 id="result-title" ref={headingRef} tabIndex={-1}>
        {t('enrolment.result.title')}
      </h2>
      <p className="muted">
        {t('enrolment.result.file', { file: upload.fileName, rows: formatCount(upload.rows, language) })}
      </p>
      <dl className="stats" aria-label={t('enrolment.result.counts')}>
        {counts.map(([key, value]) => (
          <div key={key} className={`stat stat-${key}`}>
            <dt>{t(`enrolment.count.${key}`)}</dt>
            <dd>{formatCount(value, language)}</dd>
          </div>
        ))}
      </dl>
      {problems.length > 0 ? (
        <>
          <ProblemTable
            rows={problems}
            caption={t('enrolment.problems.title', { count: formatCount(problems.length, language) })}
          />
          <p className="note">{t('enrolment.report.howTo')}</p>
          <a className="button button-secondary" href={batchReportUrl(batch.id)} download>
            <Icon name="download" />
            {t('enrolment.report.download')}
          </a>
        </>
      ) : (
        <p className="success">{t('enrolment.result.allValid')}</p>
      )}
    </section>
  );
}

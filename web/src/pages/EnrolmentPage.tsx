import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import {
  batchReportUrl,
  listBatches,
  MAX_UPLOAD_BYTES,
  submitBatch,
  TEMPLATE_CSV_URL,
  TEMPLATE_XLSX_URL,
  uploadEnrolmentFile,
} from '../api/enrolment.ts';
import type { Batch, UploadResult, User } from '../api/types.ts';
import { BatchDates, BatchStatusBadge } from '../components/BatchStatus.tsx';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Icon } from '../components/Icon.tsx';
import { ProblemTable } from '../components/RowIssues.tsx';
import { isVillageCode, type VillageChoice, VillagePicker } from '../components/VillagePicker.tsx';
import { formatCount } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useLoad } from './useLoad.ts';

interface EnrolmentPageProps {
  user: User;
  onUnauthenticated: () => void;
}

/** Upload failures that a fresh copy of the template fixes. */
const TEMPLATE_ADVICE = new Set([
  'FILE_EMPTY',
  'FILE_NOT_SPREADSHEET',
  'FILE_HEADERS_INVALID',
  'FILE_HAS_FORMULAS',
]);

type UploadPhase = { state: 'idle' } | { state: 'sending'; fraction: number } | { state: 'checking' };

function TemplateCard() {
  const { t } = useI18n();
  return (
    <section className="card stack" aria-labelledby="template-title">
      <h2 id="template-title">{t('enrolment.template.title')}</h2>
      <p>{t('enrolment.template.text')}</p>
      <div className="button-row">
        <a className="button button-secondary" href={TEMPLATE_XLSX_URL} download>
          <Icon name="download" />
          {t('enrolment.template.xlsx')}
        </a>
        <a className="button button-secondary" href={TEMPLATE_CSV_URL} download>
          <Icon name="download" />
          {t('enrolment.template.csv')}
        </a>
      </div>
    </section>
  );
}

function UploadCard({
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

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
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
    <section className="card stack" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('enrolment.upload.title')}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="field">
          <span id={`${id}-label`} className="field-label">
            {t('enrolment.upload.file')}
          </span>
          <div className="file-picker">
            <input
              key={inputKey}
              id={`${id}-file`}
              type="file"
              className="visually-hidden"
              aria-labelledby={`${id}-label`}
              aria-describedby={`${id}-chosen`}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              disabled={busy}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setError(null);
              }}
            />
            <label htmlFor={`${id}-file`} className="button button-secondary">
              {t('enrolment.upload.choose')}
            </label>
            <span id={`${id}-chosen`} className={file ? 'file-name' : 'muted'}>
              {file ? file.name : t('enrolment.upload.noneChosen')}
            </span>
          </div>
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          <Icon name="upload" />
          {t('enrolment.upload.submit')}
        </button>
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
      </form>
    </section>
  );
}

function UploadResultCard({ result }: { result: UploadResult }) {
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

function DraftCard({
  draft,
  canSubmit,
  showReport,
  onSubmitted,
}: {
  draft: Batch | undefined;
  canSubmit: boolean;
  /** False right after an upload: the result above already offers the report. */
  showReport: boolean;
  onSubmitted: () => void;
}) {
  const { t, language } = useI18n();
  return (
    <section className="card stack" aria-labelledby="draft-title">
      <h2 id="draft-title">{t('enrolment.draft.title')}</h2>
      {draft ? (
        <>
          <div className="batch-head">
            <span className="batch-id">{t('batch.number', { id: draft.id })}</span>
            <BatchStatusBadge status={draft.status} />
          </div>
          <dl className="stats" aria-label={t('enrolment.result.counts')}>
            <div className="stat stat-valid">
              <dt>{t('batch.count.valid')}</dt>
              <dd>{formatCount(draft.valid, language)}</dd>
            </div>
            <div className="stat stat-invalid">
              <dt>{t('enrolment.count.invalid')}</dt>
              <dd>{formatCount(draft.invalid, language)}</dd>
            </div>
          </dl>
          <BatchDates batch={draft} />
          {draft.invalid > 0 ? (
            <>
              <p className="muted">{t('enrolment.draft.invalidNote')}</p>
              {showReport ? (
                <a className="button button-secondary" href={batchReportUrl(draft.id)} download>
                  <Icon name="download" />
                  {t('enrolment.report.download')}
                </a>
              ) : null}
            </>
          ) : null}
          {canSubmit ? (
            <ConfirmAction
              label={t('enrolment.submit')}
              question={t('enrolment.submit.confirm', { count: formatCount(draft.valid, language) })}
              confirmLabel={t('enrolment.submit.yes')}
              onConfirm={async () => {
                await submitBatch(draft.id);
                onSubmitted();
              }}
            />
          ) : null}
        </>
      ) : (
        <p className="muted">{t('enrolment.draft.none')}</p>
      )}
    </section>
  );
}

function BatchHistory({ batches }: { batches: Batch[] }) {
  const { t, language } = useI18n();
  return (
    <section className="stack" aria-labelledby="history-title">
      <h2 id="history-title">{t('enrolment.history.title')}</h2>
      {batches.length === 0 ? (
        <p className="muted">{t('enrolment.history.none')}</p>
      ) : (
        <ul className="batch-list" aria-labelledby="history-title">
          {batches.map((batch) => (
            <li key={batch.id} className="batch-item">
              <div className="batch-head">
                <span className="batch-id">{t('batch.number', { id: batch.id })}</span>
                <BatchStatusBadge status={batch.status} />
              </div>
              <p>{t('batch.validCount', { count: formatCount(batch.valid, language) })}</p>
              <BatchDates batch={batch} />
              {batch.status === 'rejected' && batch.rejectReason ? (
                <p className="reject-reason">{t('batch.rejectReason', { reason: batch.rejectReason })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function EnrolmentPage({ user, onUnauthenticated }: EnrolmentPageProps) {
  const { t, language } = useI18n();
  const home = user.homeRegion;
  const fixed: VillageChoice | null = isVillageCode(home) ? { code: home, name: user.scope.name } : null;
  const [picked, setPicked] = useState<VillageChoice | null>(null);
  const village = fixed ?? picked;
  const [result, setResult] = useState<UploadResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { state, reload } = useLoad(language, () => listBatches(), onUnauthenticated);

  const batches =
    state.status === 'loaded' && village ? state.data.filter((b) => b.villageCode === village.code) : [];
  const draft = batches.find((b) => b.status === 'draft');
  const earlier = batches.filter((b) => b !== draft);
  const villageName = batches[0]?.villageName ?? village?.name;

  return (
    <div className="stack enrolment-page">
      <div className="stack page-head">
        <h1>{t('enrolment.title')}</h1>
        {fixed && villageName ? (
          <p className="eyebrow-strong">{t('enrolment.villageFixed', { name: villageName })}</p>
        ) : null}
        <p className="muted">{t('enrolment.intro')}</p>
      </div>
      {!fixed && home ? (
        <VillagePicker
          home={home}
          value={picked}
          onChange={(choice) => {
            setPicked(choice);
            setResult(null);
            setNotice(null);
          }}
        />
      ) : null}
      <TemplateCard />
      <UploadCard
        village={village}
        onUnauthenticated={onUnauthenticated}
        onUploaded={(uploaded) => {
          setResult(uploaded);
          setNotice(null);
          reload();
        }}
      />
      {result ? <UploadResultCard result={result} /> : null}
      {notice ? (
        <p className="success" role="status">
          {notice}
        </p>
      ) : null}
      {village ? (
        state.status === 'failed' ? (
          <div className="stack">
            <ErrorMessage error={state.error} />
            <button type="button" className="button button-secondary" onClick={reload}>
              {t('app.retry')}
            </button>
          </div>
        ) : state.status === 'loading' ? (
          <p className="muted" role="status">
            {t('app.loading')}
          </p>
        ) : (
          <>
            <DraftCard
              draft={draft}
              canSubmit={user.permissions.includes('enrolment.submit')}
              showReport={result === null}
              onSubmitted={() => {
                setResult(null);
                setNotice(t('enrolment.submit.done'));
                reload();
              }}
            />
            <BatchHistory batches={earlier} />
          </>
        )
      ) : null}
    </div>
  );
}

import { type ReactNode, useState } from 'react';
import { getBatchBudgetCheck } from '../api/budget.ts';
import { activateBatch, getBatch, listBatches, rejectBatch, verifyBatch } from '../api/enrolment.ts';
import type { Batch, BatchDetail, RowReport, User } from '../api/types.ts';
import { BatchDates, BatchStatusBadge, fundingLabel } from '../components/BatchStatus.tsx';
import { BatchBudgetPanel } from '../components/BudgetWarnings.tsx';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { RejectForm } from '../components/RejectForm.tsx';
import { IssueList, ProblemTable } from '../components/RowIssues.tsx';
import { formatCount, formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';
import { type LoadState, useLoad } from './useLoad.ts';

// The district officer's verification and the branch officer's activation: the same list of
// waiting batches and the same batch view, with a different step and wording.

export type ReviewMode = 'verify' | 'activate';

const MODES = {
  verify: {
    path: '/verifikasi',
    waiting: 'submitted',
    permission: 'enrolment.verify',
    title: 'review.verify.title',
    intro: 'review.verify.intro',
    empty: 'review.verify.empty',
  },
  activate: {
    path: '/aktivasi',
    waiting: 'verified',
    permission: 'enrolment.activate',
    title: 'review.activate.title',
    intro: 'review.activate.intro',
    empty: 'review.activate.empty',
  },
} as const;

interface ReviewPageProps {
  mode: ReviewMode;
  batchId: string | null;
  user: User;
  onUnauthenticated: () => void;
}

export function reviewBatchPath(mode: ReviewMode, id: Batch['id']): string {
  return `${MODES[mode].path}/${encodeURIComponent(String(id))}`;
}

function Loading<T>({
  state,
  retry,
  children,
}: {
  state: LoadState<T>;
  retry: () => void;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (state.status === 'loading') {
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="stack">
        <ErrorMessage error={state.error} />
        <button type="button" className="button button-secondary" onClick={retry}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  return <>{children(state.data)}</>;
}

function WaitingList({ mode, onUnauthenticated }: { mode: ReviewMode; onUnauthenticated: () => void }) {
  const { t, language } = useI18n();
  const config = MODES[mode];
  const { state, reload } = useLoad(
    `${mode}:${language}`,
    () => listBatches(config.waiting),
    onUnauthenticated,
  );
  return (
    <div className="stack">
      <div className="stack page-head">
        <h1>{t(config.title)}</h1>
        <p className="muted">{t(config.intro)}</p>
      </div>
      <Loading state={state} retry={reload}>
        {(batches) =>
          batches.length === 0 ? (
            <p className="muted">{t(config.empty)}</p>
          ) : (
            <section className="stack" aria-labelledby="waiting-title">
              <h2 id="waiting-title">{t('review.list', { count: formatCount(batches.length, language) })}</h2>
              <ul className="link-list" aria-labelledby="waiting-title">
                {batches.map((batch) => {
                  const at = mode === 'verify' ? batch.submittedAt : batch.verifiedAt;
                  return (
                    <li key={batch.id}>
                      <Link to={reviewBatchPath(mode, batch.id)}>
                        <span className="link-main">
                          <span className="link-title">{batch.villageName}</span>
                          <span className="link-detail">
                            {t('batch.validCount', { count: formatCount(batch.valid, language) })}
                            {at ? (
                              <>
                                {' · '}
                                {t(mode === 'verify' ? 'batch.submittedAt' : 'batch.verifiedAt', {
                                  date: formatDateTime(at, language),
                                })}
                              </>
                            ) : null}
                          </span>
                        </span>
                        <span className="chevron" aria-hidden="true">
                          ›
                        </span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </section>
          )
        }
      </Loading>
    </div>
  );
}

/** The workers a batch proposes; NIK and name arrive masked when the role may not see them. */
function WorkerTable({ rows }: { rows: RowReport[] }) {
  const { t, language } = useI18n();
  return (
    <table className="table-cards worker-table">
      <caption>{t('review.workers', { count: formatCount(rows.length, language) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.number')}</th>
          <th scope="col">{t('field.nik')}</th>
          <th scope="col">{t('field.fullName')}</th>
          <th scope="col">{t('field.birthDate')}</th>
          <th scope="col">{t('field.sex')}</th>
          <th scope="col">{t('field.occupation')}</th>
          <th scope="col">{t('review.warnings')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={`${row.rowNumber}-${row.nik}`}>
            <th scope="row" data-label={t('review.number')}>
              {index + 1}
            </th>
            <td data-label={t('field.nik')} className="mono">
              {row.nik}
            </td>
            <td data-label={t('field.fullName')}>{row.fullName}</td>
            <td data-label={t('field.birthDate')}>{row.birthDate}</td>
            <td data-label={t('field.sex')}>{row.sex}</td>
            <td data-label={t('field.occupation')}>{row.occupation}</td>
            <td
              data-label={t('review.warnings')}
              className={row.warnings.length === 0 ? 'empty-cell' : undefined}
            >
              <IssueList errors={[]} warnings={row.warnings} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Verification: the batch's payer budget and quota for the year, loaded with the batch. */
function BudgetCheck({
  batch,
  acknowledged,
  onAcknowledge,
  onUnauthenticated,
}: {
  batch: Batch;
  acknowledged: boolean;
  onAcknowledge: ((value: boolean) => void) | null;
  onUnauthenticated: () => void;
}) {
  const { language } = useI18n();
  const { state, reload } = useLoad(
    `budget:${batch.id}:${batch.status}:${language}`,
    () => getBatchBudgetCheck(batch.id),
    onUnauthenticated,
  );
  return (
    <Loading state={state} retry={reload}>
      {(check) => (
        <BatchBudgetPanel
          check={check}
          fallbackName={batch.villageName}
          acknowledged={acknowledged}
          onAcknowledge={onAcknowledge}
        />
      )}
    </Loading>
  );
}

function BatchReview({
  mode,
  detail,
  user,
  onChanged,
  onUnauthenticated,
}: {
  mode: ReviewMode;
  detail: BatchDetail;
  user: User;
  onChanged: () => void;
  onUnauthenticated: () => void;
}) {
  const { t, language } = useI18n();
  const config = MODES[mode];
  const [done, setDone] = useState<{ message: string; participants: boolean } | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const { batch, rows } = detail;
  const workers = rows.filter((row) => row.state === 'valid');
  const excluded = rows.filter((row) => row.state === 'invalid');
  const actionable = batch.status === config.waiting && user.permissions.includes(config.permission);
  const count = formatCount(batch.valid, language);

  return (
    <div className="stack">
      <Link to={config.path} className="back-link">
        ‹ {t('action.back')}
      </Link>
      <div className="stack page-head">
        <p className="eyebrow">
          <span className="level">{t(config.title)}</span>
          <span className="code">{t('batch.number', { id: batch.id })}</span>
        </p>
        <h1>{batch.villageName}</h1>
        <div className="batch-head">
          <BatchStatusBadge status={batch.status} />
          {batch.fundingSource ? (
            <span className="muted">
              {t('batch.funding', { source: fundingLabel(batch.fundingSource, t) })}
            </span>
          ) : null}
        </div>
        <BatchDates batch={batch} />
        {batch.status === 'rejected' && batch.rejectReason ? (
          <p className="reject-reason">{t('batch.rejectReason', { reason: batch.rejectReason })}</p>
        ) : null}
      </div>
      {done ? (
        <div className="success stack" role="status">
          <p>{done.message}</p>
          {done.participants && user.permissions.includes('participants.read') ? (
            <Link to="/peserta" className="button button-secondary">
              {t('review.toParticipants')}
            </Link>
          ) : null}
        </div>
      ) : null}
      {mode === 'verify' && batch.status !== 'activated' && batch.status !== 'rejected' ? (
        <BudgetCheck
          batch={batch}
          acknowledged={acknowledged}
          onAcknowledge={actionable ? setAcknowledged : null}
          onUnauthenticated={onUnauthenticated}
        />
      ) : null}
      {actionable ? (
        <section className="card stack actions" aria-label={t(config.title)}>
          {mode === 'verify' ? (
            <ConfirmAction
              label={t('review.verify')}
              question={t('review.verify.confirm', { village: batch.villageName, count })}
              confirmLabel={t('review.verify.yes')}
              onConfirm={async () => {
                // Unacknowledged budget warnings come back as the API's own 409 message.
                await verifyBatch(batch.id, acknowledged);
                setDone({ message: t('review.verify.done'), participants: false });
                onChanged();
              }}
            />
          ) : (
            <ConfirmAction
              label={t('review.activate')}
              question={t('review.activate.confirm', { village: batch.villageName, count })}
              confirmLabel={t('review.activate.yes')}
              onConfirm={async () => {
                const { participantsCreated } = await activateBatch(batch.id);
                setDone({
                  message: t('review.activate.done', { count: formatCount(participantsCreated, language) }),
                  participants: true,
                });
                onChanged();
              }}
            />
          )}
          <RejectForm
            onReject={async (reason) => {
              await rejectBatch(batch.id, reason);
              setDone({ message: t('review.reject.done'), participants: false });
              onChanged();
            }}
          />
        </section>
      ) : null}
      <WorkerTable rows={workers} />
      {excluded.length > 0 ? (
        <details className="excluded">
          <summary>{t('review.excluded', { count: formatCount(excluded.length, language) })}</summary>
          <ProblemTable
            rows={excluded}
            caption={t('review.excluded', { count: formatCount(excluded.length, language) })}
          />
        </details>
      ) : null}
    </div>
  );
}

function BatchView({ mode, batchId, user, onUnauthenticated }: ReviewPageProps & { batchId: string }) {
  const { language } = useI18n();
  const { state, reload } = useLoad(`${batchId}:${language}`, () => getBatch(batchId), onUnauthenticated);
  return (
    <Loading state={state} retry={reload}>
      {(detail) => (
        <BatchReview
          mode={mode}
          detail={detail}
          user={user}
          onChanged={reload}
          onUnauthenticated={onUnauthenticated}
        />
      )}
    </Loading>
  );
}

export function ReviewPage(props: ReviewPageProps) {
  if (props.batchId) return <BatchView {...props} batchId={props.batchId} />;
  return <WaitingList mode={props.mode} onUnauthenticated={props.onUnauthenticated} />;
}

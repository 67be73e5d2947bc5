import { useState } from 'react';
import { activateBatch, getBatch, listBatches, rejectBatch, verifyBatch } from '../api/enrolment.ts';
import type { Batch, BatchDetail, User } from '../api/types.ts';
import { BatchDates, BatchStatusBadge, fundingLabel } from '../components/BatchStatus.tsx';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { FullViewNotice } from '../components/FullViewNotice.tsx';
import { LinkRow } from '../components/LinkRow.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { RejectForm } from '../components/RejectForm.tsx';
import { ProblemTable } from '../components/RowIssues.tsx';
import { formatCount, formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';
import { BudgetCheck } from './review/BudgetCheck.tsx';
import { WorkerTable } from './review/WorkerTable.tsx';
import { useLoad } from './useLoad.ts';

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
      <PageHead title={t(config.title)} intro={t(config.intro)} />
      <LoadView state={state} retry={reload}>
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
                      <LinkRow to={reviewBatchPath(mode, batch.id)}>
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
                      </LinkRow>
                    </li>
                  );
                })}
              </ul>
            </section>
          )
        }
      </LoadView>
    </div>
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
      <PageHead
        back={config.path}
        level={t(config.title)}
        code={t('batch.number', { id: batch.id })}
        title={batch.villageName}
      >
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
      </PageHead>
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
      <FullViewNotice shown={detail.personalDataInFull && rows.length > 0} />
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
    <LoadView state={state} retry={reload}>
      {(detail) => (
        <BatchReview
          mode={mode}
          detail={detail}
          user={user}
          onChanged={reload}
          onUnauthenticated={onUnauthenticated}
        />
      )}
    </LoadView>
  );
}

export function ReviewPage(props: ReviewPageProps) {
  if (props.batchId) return <BatchView {...props} batchId={props.batchId} />;
  return <WaitingList mode={props.mode} onUnauthenticated={props.onUnauthenticated} />;
}

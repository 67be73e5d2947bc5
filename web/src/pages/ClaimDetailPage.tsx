import { useState } from 'react';
import {
  appealClaim,
  type ClaimDetail,
  type ClaimEvent,
  type ClaimStatus,
  getClaim,
  submitClaim,
} from '../api/claims.ts';
import type { User } from '../api/types.ts';
import { FormCard, SubmitButton } from '../components/Card.tsx';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Facts, Stats } from '../components/Facts.tsx';
import { TextAreaField } from '../components/FormFields.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { formatRupiah } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ClaimDecision } from './ClaimDecision.tsx';
import { ClaimDocuments } from './ClaimDocuments.tsx';
import { ClaimExplanationView } from './ClaimExplanation.tsx';
import { CLAIM_CHECK_PATH, CLAIMS_PATH, type QueueMode } from './ClaimQueuePage.tsx';
import { ClaimStatusBadge, maskDigits, pick, safeDate, safeDateTime } from './ClaimStatus.tsx';
import { loadClaimCatalog, useClaimCatalog } from './useCatalogs.ts';
import { useLoad } from './useLoad.ts';
import '../claims.css';
import { DataTable } from '../components/DataTable.tsx';
import { Link } from '../router.tsx';
import { participantPath } from './participant/paths.ts';
import { useAction } from './useAction.ts';

// One claim: its status and amount, the facts of the case, the explanation the rules wrote,
// the document checklist, the maker's and checker's actions, and the claim's event history
// (every step with who and when: the audit history the family can be shown).

function SubmitPanel({ claim, onDone }: { claim: ClaimDetail; onDone: () => void }) {
  const { t } = useI18n();
  const missing = claim.checklist.filter((c) => !c.present).length;
  return (
    <section className="card stack">
      <h2>{t('claim.submitTitle')}</h2>
      <p className="muted">
        {missing ? t('claim.submitMissing', { count: missing }) : t('claim.submitReady')}
      </p>
      {missing ? (
        <button type="button" className="button button-primary" disabled>
          {t('claim.submit')}
        </button>
      ) : (
        <ConfirmAction
          label={t('claim.submit')}
          question={t('claim.submitQuestion', { number: claim.number })}
          confirmLabel={t('claim.submitConfirm')}
          onConfirm={async () => {
            await submitClaim(claim.id);
            onDone();
          }}
        />
      )}
    </section>
  );
}

function AppealForm({ claimId, onDone }: { claimId: number; onDone: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useAction();

  async function submit() {
    if (busy) return;
    if (!note.trim()) return setError(t('appeal.required'));
    await run(async () => {
      await appealClaim(claimId, note.trim());
      onDone();
    });
  }

  return (
    <FormCard title={t('appeal.title')} onSubmit={submit}>
      <TextAreaField label={t('appeal.note')} maxLength={1000} value={note} onChange={setNote} />
      <SubmitButton busy={busy} variant="secondary">
        {t('appeal.submit')}
      </SubmitButton>
      {error ? <ErrorMessage error={error} /> : null}
    </FormCard>
  );
}

function eventAction(action: string, t: ReturnType<typeof useI18n>['t']): string {
  const known = [
    'file',
    'document',
    'submit',
    'approve',
    'reject',
    'appeal',
    'batch',
    'pay',
    'fail',
    'return',
  ] as const;
  return (known as readonly string[]).includes(action)
    ? t(`claim.event.${action as (typeof known)[number]}`)
    : action;
}

function statusLabel(status: string, known: readonly string[], t: ReturnType<typeof useI18n>['t']): string {
  return known.includes(status) ? t(`claim.status.${status as ClaimStatus}`) : status;
}

function EventHistory({ events }: { events: ClaimEvent[] }) {
  const { t, language } = useI18n();
  const known = useClaimCatalog()?.statuses ?? [];
  return (
    <DataTable
      className="claim-history"
      caption={t('claim.history')}
      rows={events}
      rowKey={(e, i) => e.id ?? i}
      rowProps={(e) => ({ 'data-action': e.action })}
      columns={(c) => [
        c.text('at', t('claim.history.at'), (e) => safeDateTime(e.at, language)),
        c.text('action', t('claim.history.action'), (e) => eventAction(e.action, t), { rowHeader: true }),
        c.text('status', t('claim.status'), (e) => (
          <>
            {e.fromStatus && e.fromStatus !== e.toStatus ? `${statusLabel(e.fromStatus, known, t)} → ` : ''}
            {statusLabel(e.toStatus, known, t)}
          </>
        )),
        c.text('actor', t('claim.history.actor'), (e) => e.actor),
        c.text(
          'note',
          t('claim.history.note'),
          (e) =>
            [
              e.amountRp !== null && e.amountRp !== undefined ? formatRupiah(e.amountRp, language) : null,
              e.reasonCode,
              e.note,
            ]
              .filter(Boolean)
              .join(' · ') || '–',
        ),
      ]}
    />
  );
}

function ClaimView({
  claim,
  user,
  mode,
  reload,
  onUnauthenticated,
}: {
  claim: ClaimDetail;
  user: User;
  mode: QueueMode;
  reload: () => void;
  onUnauthenticated: () => void;
}) {
  const { t, language } = useI18n();
  const can = (p: string) => user.permissions.includes(p);
  const maker = can('claims.file');
  const decides = can('claims.decide') && (claim.status === 'submitted' || claim.status === 'appealed');
  return (
    <div className="stack claims-page">
      <PageHead
        back={mode === 'checker' ? CLAIM_CHECK_PATH : CLAIMS_PATH}
        level={t('claim.title')}
        code={
          <>
            {claim.program} · {pick(claim.kindLabel, language)}
          </>
        }
        title={claim.number}
        titleClass="mono-heading"
      >
        <div className="batch-head">
          <ClaimStatusBadge status={claim.status} />
          {claim.overdue ? <span className="badge claim-overdue-badge">{t('claim.overdue')}</span> : null}
          <span className="muted">{claim.participantName}</span>
        </div>
      </PageHead>
      <Stats
        aria-label={t('claim.amount')}
        items={[
          {
            label: t('claim.amount'),
            value: claim.amountRp === null ? t('claim.notDecided') : formatRupiah(claim.amountRp, language),
            valueClass: 'stat-money claim-amount',
          },
        ]}
      />
      {claim.refusal ? (
        <p className="alert" role="status">
          {t('claim.refusal')}: {pick(claim.refusal, language)}
        </p>
      ) : null}
      <Facts
        items={[
          {
            label: 'KPJ',
            value: <Link to={participantPath(claim.kpj)}>{claim.kpj}</Link>,
            valueClass: 'mono',
          },
          { label: t('claim.eventDate'), value: safeDate(claim.eventDate, language) },
          {
            label: t('intake.claimant'),
            value: (
              <>
                {claim.claimant.name} · {t(`relation.${claim.claimant.relation as 'peserta'}`)} · NIK{' '}
                <span className="mono">{maskDigits(claim.claimant.nik)}</span>
              </>
            ),
          },
          {
            label: t('intake.bank'),
            value: (
              <>
                {claim.bank.name} <span className="mono claim-account">{claim.bank.account}</span> ·{' '}
                {claim.bank.holder}
              </>
            ),
          },
          {
            label: t('claim.slaDue'),
            value: claim.slaDueDate ? safeDate(claim.slaDueDate, language) : t('claim.slaNotStarted'),
          },
          claim.filedBy
            ? {
                label: t('claim.filedBy'),
                value: (
                  <>
                    {claim.filedBy} · {safeDateTime(claim.filedAt, language)}
                  </>
                ),
              }
            : null,
        ]}
      />
      {decides ? (
        <>
          <ClaimExplanationView explanation={claim.explanation} />
          <ClaimDecision claim={claim} onDone={reload} onUnauthenticated={onUnauthenticated} />
        </>
      ) : null}
      {maker && claim.status === 'filed' ? <SubmitPanel claim={claim} onDone={reload} /> : null}
      <ClaimDocuments claim={claim} canUpload={maker} onChanged={reload} />
      {decides ? null : <ClaimExplanationView explanation={claim.explanation} />}
      {maker && claim.status === 'rejected' ? <AppealForm claimId={claim.id} onDone={reload} /> : null}
      <EventHistory events={claim.events} />
    </div>
  );
}

export function ClaimDetailPage({
  claimId,
  user,
  mode,
  onUnauthenticated,
}: {
  claimId: string;
  user: User;
  mode: QueueMode;
  onUnauthenticated: () => void;
}) {
  const { language } = useI18n();
  const { state, reload } = useLoad(
    `claim:${claimId}:${language}`,
    async () => (await Promise.all([getClaim(claimId), loadClaimCatalog()]))[0],
    onUnauthenticated,
  );
  return (
    <LoadView state={state} retry={reload}>
      {(claim) => (
        <ClaimView
          claim={claim}
          user={user}
          mode={mode}
          reload={reload}
          onUnauthenticated={onUnauthenticated}
        />
      )}
    </LoadView>
  );
}

import { type FormEvent, useId, useState } from 'react';
import {
  type ClaimantRelation,
  type ClaimCatalog,
  type ClaimProgram,
  type ClaimStep,
  type FileClaimBody,
  fileClaim,
} from '../api/claims.ts';
import { listParticipants } from '../api/participants.ts';
import type { ParticipantStatus } from '../api/reports.ts';
import type { Participant } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Icon } from '../components/Icon.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { todayWita } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link, navigate } from '../router.tsx';
import { CLAIMS_PATH, claimPath } from './ClaimQueuePage.tsx';
import { maskDigits, pick, safeDate } from './ClaimStatus.tsx';
import { loadClaimCatalog, useMembershipCatalog } from './useCatalogs.ts';
import { useLoad } from './useLoad.ts';

// Claim intake at the branch: find the participant by KPJ, say what happened and who claims,
// where the benefit goes; the claim is then saved (the rules check membership at once) and
// its document checklist opens on the claim's own page.

/** `2026-11-20T08:30` typed in WITA → `2026-11-20T08:30:00+08:00`. */
function witaInstant(local: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+08:00` : undefined;
}

function ParticipantLookup({ onFound }: { onFound: (p: Participant | null) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [kpj, setKpj] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const wanted = kpj.replace(/\D/g, '');
    if (!wanted) return setError(t('intake.kpjRequired'));
    setBusy(true);
    setError(null);
    try {
      const page = await listParticipants({ region: null, q: wanted, offset: 0 });
      const found = page.participants.find((p) => p.kpj === wanted) ?? null;
      if (!found) setError(t('intake.kpjNotFound', { kpj: wanted }));
      onFound(found);
    } catch (caught) {
      setError(caught);
      onFound(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="filter-form" onSubmit={search} noValidate>
      <div className="field">
        <label htmlFor={`${id}-kpj`}>{t('intake.kpj')}</label>
        <input
          id={`${id}-kpj`}
          inputMode="numeric"
          autoComplete="off"
          value={kpj}
          onChange={(event) => setKpj(event.target.value)}
        />
      </div>
      <button type="submit" className="button button-secondary" disabled={busy}>
        {t('intake.find')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
    </form>
  );
}

function ParticipantSummary({ participant }: { participant: Participant }) {
  const { t, language } = useI18n();
  const known: readonly string[] = useMembershipCatalog()?.statuses ?? [];
  return (
    <dl className="facts participant-summary" aria-label={t('intake.participant')}>
      <div>
        <dt>{t('intake.name')}</dt>
        <dd>{participant.fullName}</dd>
      </div>
      <div>
        <dt>NIK</dt>
        <dd className="mono">{maskDigits(participant.nik)}</dd>
      </div>
      <div>
        <dt>{t('intake.birthDate')}</dt>
        <dd>{safeDate(participant.birthDate, language)}</dd>
      </div>
      <div>
        <dt>{t('intake.village')}</dt>
        <dd>{participant.villageName}</dd>
      </div>
      <div>
        <dt>{t('intake.memberStatus')}</dt>
        <dd>
          {known.includes(participant.status)
            ? t(`participant.status.${participant.status as ParticipantStatus}`)
            : participant.status}{' '}
          · {safeDate(participant.statusSince, language)}
        </dd>
      </div>
      <div>
        <dt>{t('intake.programs')}</dt>
        <dd>{participant.programs.join(', ')}</dd>
      </div>
    </dl>
  );
}

function ClaimForm({ participant, catalog }: { participant: Participant; catalog: ClaimCatalog }) {
  const { t, language } = useI18n();
  const heirChoices = catalog.relations.filter((r) => r !== 'peserta');
  const id = useId();
  const programs = catalog.programs.filter((p) => participant.programs.includes(p));
  const [program, setProgram] = useState<ClaimProgram | ''>(programs.includes('JKM') ? 'JKM' : '');
  const kinds = program ? catalog.kinds.filter((k) => k.program === program) : [];
  const [kindName, setKindName] = useState(program === 'JKM' ? 'kematian' : '');
  const kind = kinds.find((k) => k.kind === kindName) ?? null;
  const [eventDate, setEventDate] = useState('');
  const [cause, setCause] = useState('');
  const [accidentAt, setAccidentAt] = useState('');
  const [reportedAt, setReportedAt] = useState('');
  const [reportedBy, setReportedBy] = useState('');
  const [reason, setReason] = useState('');
  const [relation, setRelation] = useState<ClaimantRelation | ''>('');
  const [claimantName, setClaimantName] = useState('');
  const [claimantNik, setClaimantNik] = useState('');
  const [heirs, setHeirs] = useState<ClaimantRelation[]>([]);
  const [bankCode, setBankCode] = useState('');
  const [account, setAccount] = useState('');
  const [holder, setHolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [refused, setRefused] = useState<ClaimStep | null>(null);

  const death = kind?.death === true || (program === 'JHT' && reason === 'death');
  const selfClaim = kind !== null && !death;
  const reasons =
    program === 'JKP'
      ? catalog.jkpReasons
      : program === 'JHT' && kindName === 'penuh'
        ? catalog.jhtFullReasons
        : [];

  function chooseProgram(next: ClaimProgram | '') {
    setProgram(next);
    setKindName(next ? (catalog.kinds.find((k) => k.program === next)?.kind ?? '') : '');
    setReason('');
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!program || !kind) return setError(t('intake.kindRequired'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(eventDate)) return setError(t('intake.eventDateRequired'));
    if (eventDate > todayWita()) return setError(t('intake.eventDateFuture'));
    const claimant = selfClaim
      ? { relation: 'peserta' as const, name: participant.fullName, nik: participant.nik }
      : { relation: relation as ClaimantRelation, name: claimantName.trim(), nik: claimantNik.trim() };
    if (!selfClaim && !relation) return setError(t('intake.relationRequired'));
    if (!claimant.name) return setError(t('intake.claimantNameRequired'));
    if (!/^\d{16}$/.test(claimant.nik)) return setError(t('intake.nikInvalid'));
    if (program === 'JKK' && (!witaInstant(accidentAt) || !witaInstant(reportedAt) || !reportedBy.trim())) {
      return setError(t('intake.jkkRequired'));
    }
    if (!bankCode) return setError(t('intake.bankRequired'));
    if (!/^\d{6,20}$/.test(account)) return setError(t('intake.accountInvalid'));
    if (!holder.trim()) return setError(t('intake.holderRequired'));
    const accident = witaInstant(accidentAt);
    const reported = witaInstant(reportedAt);
    const body: FileClaimBody = {
      kpj: participant.kpj,
      program,
      kind: kind.kind,
      eventDate,
      eventDetail: {
        ...(cause.trim() ? { cause: cause.trim() } : {}),
        ...(program === 'JKK' && accident && reported
          ? { accidentAt: accident, reportedAt: reported, reportedBy: reportedBy.trim() }
          : {}),
        ...(reason && reasons.length ? { reason: reason as (typeof reasons)[number] } : {}),
      },
      claimant,
      ...(!selfClaim && heirs.length ? { heirs } : {}),
      bank: { code: bankCode, account, holder: holder.trim() },
    };
    setBusy(true);
    setError(null);
    setRefused(null);
    try {
      const step = await fileClaim(body);
      if (step.status === 'filed') navigate(claimPath('maker', step.id));
      else setRefused(step);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const rank =
    relation && relation !== 'peserta'
      ? (catalog.heirRanks.find((h) => h.relation === relation)?.rank ?? null)
      : null;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <fieldset className="card stack">
        <legend>{t('intake.event')}</legend>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-program`}>{t('claim.program')}</label>
            <select
              id={`${id}-program`}
              value={program}
              onChange={(event) => chooseProgram(event.target.value as ClaimProgram | '')}
            >
              <option value="">{t('enrolment.pick.choose')}</option>
              {programs.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('intake.kind')}</label>
            <select id={`${id}-kind`} value={kindName} onChange={(event) => setKindName(event.target.value)}>
              <option value="">{t('enrolment.pick.choose')}</option>
              {kinds.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {pick(k.label, language)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('claim.eventDate')}</label>
            <input
              id={`${id}-date`}
              type="date"
              max={todayWita()}
              value={eventDate}
              onChange={(event) => setEventDate(event.target.value)}
            />
          </div>
          {reasons.length ? (
            <div className="field">
              <label htmlFor={`${id}-reason`}>{t('intake.reason')}</label>
              <select id={`${id}-reason`} value={reason} onChange={(event) => setReason(event.target.value)}>
                <option value="">{t('enrolment.pick.choose')}</option>
                {reasons.map((r) => (
                  <option key={r} value={r}>
                    {t(`intake.reason.${r}`)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-cause`}>{t('intake.cause')}</label>
          <input
            id={`${id}-cause`}
            maxLength={500}
            autoComplete="off"
            value={cause}
            onChange={(event) => setCause(event.target.value)}
          />
        </div>
        {program === 'JKK' ? (
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-accident`}>{t('intake.accidentAt')}</label>
              <input
                id={`${id}-accident`}
                type="datetime-local"
                value={accidentAt}
                onChange={(event) => setAccidentAt(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-reported`}>{t('intake.reportedAt')}</label>
              <input
                id={`${id}-reported`}
                type="datetime-local"
                value={reportedAt}
                onChange={(event) => setReportedAt(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-reporter`}>{t('intake.reportedBy')}</label>
              <input
                id={`${id}-reporter`}
                maxLength={200}
                value={reportedBy}
                onChange={(event) => setReportedBy(event.target.value)}
              />
            </div>
            <p className="muted field-hint">{t('intake.jkkHint')}</p>
          </div>
        ) : null}
      </fieldset>

      <fieldset className="card stack">
        <legend>{t('intake.claimant')}</legend>
        {selfClaim ? (
          <p className="muted">{t('intake.selfClaim', { name: participant.fullName })}</p>
        ) : (
          <>
            <div className="form-grid">
              <div className="field">
                <label htmlFor={`${id}-relation`}>{t('intake.relation')}</label>
                <select
                  id={`${id}-relation`}
                  value={relation}
                  aria-describedby={`${id}-heir-hint`}
                  onChange={(event) => setRelation(event.target.value as ClaimantRelation | '')}
                >
                  <option value="">{t('enrolment.pick.choose')}</option>
                  {heirChoices.map((r) => (
                    <option key={r} value={r}>
                      {t(`relation.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-cname`}>{t('intake.claimantName')}</label>
                <input
                  id={`${id}-cname`}
                  maxLength={120}
                  autoComplete="off"
                  value={claimantName}
                  onChange={(event) => setClaimantName(event.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-cnik`}>{t('intake.claimantNik')}</label>
                <input
                  id={`${id}-cnik`}
                  inputMode="numeric"
                  maxLength={16}
                  autoComplete="off"
                  value={claimantNik}
                  onChange={(event) => setClaimantNik(event.target.value.replace(/\D/g, ''))}
                />
              </div>
            </div>
            <p id={`${id}-heir-hint`} className="note">
              {t('intake.heirOrder')}
              {rank ? ` ${t('intake.heirRank', { rank })}` : ''}
            </p>
            <fieldset className="heir-list">
              <legend>{t('intake.otherHeirs')}</legend>
              {heirChoices
                .filter((h) => h !== 'wasiat')
                .map((h) => (
                  <label key={h} className="checkbox-field">
                    <input
                      type="checkbox"
                      checked={heirs.includes(h)}
                      onChange={(event) =>
                        setHeirs((list) =>
                          event.target.checked ? [...list, h] : list.filter((x) => x !== h),
                        )
                      }
                    />
                    {t(`relation.${h}`)}
                  </label>
                ))}
            </fieldset>
          </>
        )}
      </fieldset>

      <fieldset className="card stack">
        <legend>{t('intake.bank')}</legend>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-bank`}>{t('intake.bankName')}</label>
            <select id={`${id}-bank`} value={bankCode} onChange={(event) => setBankCode(event.target.value)}>
              <option value="">{t('enrolment.pick.choose')}</option>
              {catalog.banks.map((b) => (
                <option key={b.code} value={b.code}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-account`}>{t('intake.account')}</label>
            <input
              id={`${id}-account`}
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              aria-describedby={`${id}-account-hint`}
              value={account}
              onChange={(event) => setAccount(event.target.value.replace(/\D/g, ''))}
            />
            <p id={`${id}-account-hint`} className="muted field-hint">
              {t('intake.accountHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-holder`}>{t('intake.holder')}</label>
            <input
              id={`${id}-holder`}
              maxLength={120}
              autoComplete="off"
              value={holder}
              onChange={(event) => setHolder(event.target.value)}
            />
          </div>
        </div>
      </fieldset>

      {kind ? (
        <section className="card stack" aria-labelledby={`${id}-docs`}>
          <h2 id={`${id}-docs`}>{t('intake.documents')}</h2>
          <p className="muted">{t('intake.documentsLater')}</p>
          <ul className="doc-preview">
            {kind.documents.map((d) => (
              <li key={d}>
                {pick(catalog.documentTypes.find((x) => x.docType === d)?.label, language) || d}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <button type="submit" className="button button-primary" disabled={busy}>
        <Icon name="claim" />
        {busy ? t('intake.saving') : t('intake.submit')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
      {refused ? (
        <div className="alert stack" role="alert">
          <p>{t('intake.refused', { number: refused.number, reason: pick(refused.refusal, language) })}</p>
          <Link to={claimPath('maker', refused.id)}>{t('intake.openClaim')}</Link>
        </div>
      ) : null}
    </form>
  );
}

export function ClaimIntakePage({ onUnauthenticated }: { onUnauthenticated: () => void }) {
  const { t, language } = useI18n();
  const [participant, setParticipant] = useState<Participant | null>(null);
  const { state, reload } = useLoad(`claim-kinds:${language}`, loadClaimCatalog, onUnauthenticated);
  return (
    <div className="stack claims-page">
      <Link to={CLAIMS_PATH} className="back-link">
        ‹ {t('action.back')}
      </Link>
      <div className="stack page-head">
        <h1>{t('intake.title')}</h1>
        <p className="muted">{t('intake.intro')}</p>
      </div>
      <section className="card stack">
        <h2>{t('intake.participant')}</h2>
        <ParticipantLookup onFound={setParticipant} />
        {participant ? <ParticipantSummary participant={participant} /> : null}
      </section>
      {participant ? (
        <LoadView state={state} retry={reload}>
          {(catalog) => <ClaimForm key={participant.kpj} participant={participant} catalog={catalog} />}
        </LoadView>
      ) : null}
    </div>
  );
}

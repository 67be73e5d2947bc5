import { useId } from 'react';
import type { ClaimProgram } from '../../api/claims.ts';
import { todayWita } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { pick } from '../ClaimStatus.tsx';
import type { ClaimDraft, DraftFacts, SetDraftField } from './claimDraft.ts';

/** What happened: programme, kind, date, the reason where the kind has one, and the JKK report. */
export function EventFields({
  draft,
  set,
  facts,
  programs,
  onProgram,
}: {
  draft: ClaimDraft;
  set: SetDraftField;
  facts: DraftFacts;
  programs: readonly ClaimProgram[];
  onProgram: (program: ClaimProgram | '') => void;
}) {
  const { t, language } = useI18n();
  const id = useId();
  return (
    <fieldset className="card stack">
      <legend>{t('intake.event')}</legend>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-program`}>{t('claim.program')}</label>
          <select
            id={`${id}-program`}
            value={draft.program}
            onChange={(event) => onProgram(event.target.value as ClaimProgram | '')}
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
          <select
            id={`${id}-kind`}
            value={draft.kindName}
            onChange={(event) => set('kindName', event.target.value)}
          >
            <option value="">{t('enrolment.pick.choose')}</option>
            {facts.kinds.map((k) => (
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
            value={draft.eventDate}
            onChange={(event) => set('eventDate', event.target.value)}
          />
        </div>
        {facts.reasons.length ? (
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('intake.reason')}</label>
            <select
              id={`${id}-reason`}
              value={draft.reason}
              onChange={(event) => set('reason', event.target.value)}
            >
              <option value="">{t('enrolment.pick.choose')}</option>
              {facts.reasons.map((r) => (
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
          value={draft.cause}
          onChange={(event) => set('cause', event.target.value)}
        />
      </div>
      {draft.program === 'JKK' ? <AccidentFields draft={draft} set={set} /> : null}
    </fieldset>
  );
}

function AccidentFields({ draft, set }: { draft: ClaimDraft; set: SetDraftField }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="form-grid">
      <div className="field">
        <label htmlFor={`${id}-accident`}>{t('intake.accidentAt')}</label>
        <input
          id={`${id}-accident`}
          type="datetime-local"
          value={draft.accidentAt}
          onChange={(event) => set('accidentAt', event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reported`}>{t('intake.reportedAt')}</label>
        <input
          id={`${id}-reported`}
          type="datetime-local"
          value={draft.reportedAt}
          onChange={(event) => set('reportedAt', event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reporter`}>{t('intake.reportedBy')}</label>
        <input
          id={`${id}-reporter`}
          maxLength={200}
          value={draft.reportedBy}
          onChange={(event) => set('reportedBy', event.target.value)}
        />
      </div>
      <p className="muted field-hint">{t('intake.jkkHint')}</p>
    </div>
  );
}

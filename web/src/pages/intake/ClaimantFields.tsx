import { useId } from 'react';
import type { ClaimantRelation, ClaimCatalog } from '../../api/claims.ts';
import type { Participant } from '../../api/types.ts';
import { TextField } from '../../components/FormFields.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { ClaimDraft, SetDraftField } from './claimDraft.ts';

/** Who claims: the participant themself, or an heir with the other heirs the family declares. */
export function ClaimantFields({
  draft,
  set,
  selfClaim,
  participant,
  catalog,
}: {
  draft: ClaimDraft;
  set: SetDraftField;
  selfClaim: boolean;
  participant: Participant;
  catalog: ClaimCatalog;
}) {
  const { t } = useI18n();
  const id = useId();
  const heirChoices = catalog.relations.filter((r) => r !== 'peserta');
  const { relation, heirs } = draft;
  const rank =
    relation && relation !== 'peserta'
      ? (catalog.heirRanks.find((h) => h.relation === relation)?.rank ?? null)
      : null;
  return (
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
                onChange={(event) => set('relation', event.target.value as ClaimantRelation | '')}
              >
                <option value="">{t('enrolment.pick.choose')}</option>
                {heirChoices.map((r) => (
                  <option key={r} value={r}>
                    {t(`relation.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              label={t('intake.claimantName')}
              maxLength={120}
              autoComplete="off"
              value={draft.claimantName}
              onChange={(text) => set('claimantName', text)}
            />
            <TextField
              label={t('intake.claimantNik')}
              inputMode="numeric"
              maxLength={16}
              autoComplete="off"
              value={draft.claimantNik}
              onChange={(text) => set('claimantNik', text.replace(/\D/g, ''))}
            />
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
                      set('heirs', event.target.checked ? [...heirs, h] : heirs.filter((x) => x !== h))
                    }
                  />
                  {t(`relation.${h}`)}
                </label>
              ))}
          </fieldset>
        </>
      )}
    </fieldset>
  );
}

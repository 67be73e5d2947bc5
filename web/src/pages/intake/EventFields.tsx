import type { ClaimProgram } from '../../api/claims.ts';
import { ChoiceField, TextField } from '../../components/FormFields.tsx';
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
  return (
    <fieldset className="card stack">
      <legend>{t('intake.event')}</legend>
      <div className="form-grid">
        <ChoiceField
          label={t('claim.program')}
          value={draft.program}
          onChange={(text) => onProgram(text as ClaimProgram | '')}
          options={programs.map((p) => ({ value: p, label: p }))}
        />
        <ChoiceField
          label={t('intake.kind')}
          value={draft.kindName}
          onChange={(text) => set('kindName', text)}
          options={facts.kinds.map((k) => ({ value: k.kind, label: pick(k.label, language) }))}
        />
        <TextField
          label={t('claim.eventDate')}
          type="date"
          max={todayWita()}
          value={draft.eventDate}
          onChange={(text) => set('eventDate', text)}
        />
        {facts.reasons.length ? (
          <ChoiceField
            label={t('intake.reason')}
            value={draft.reason}
            onChange={(text) => set('reason', text)}
            options={facts.reasons.map((r) => ({ value: r, label: t(`intake.reason.${r}`) }))}
          />
        ) : null}
      </div>
      <TextField
        label={t('intake.cause')}
        maxLength={500}
        autoComplete="off"
        value={draft.cause}
        onChange={(text) => set('cause', text)}
      />
      {draft.program === 'JKK' ? <AccidentFields draft={draft} set={set} /> : null}
    </fieldset>
  );
}

function AccidentFields({ draft, set }: { draft: ClaimDraft; set: SetDraftField }) {
  const { t } = useI18n();
  return (
    <div className="form-grid">
      <TextField
        label={t('intake.accidentAt')}
        type="datetime-local"
        value={draft.accidentAt}
        onChange={(text) => set('accidentAt', text)}
      />
      <TextField
        label={t('intake.reportedAt')}
        type="datetime-local"
        value={draft.reportedAt}
        onChange={(text) => set('reportedAt', text)}
      />
      <TextField
        label={t('intake.reportedBy')}
        maxLength={200}
        value={draft.reportedBy}
        onChange={(text) => set('reportedBy', text)}
      />
      <p className="muted field-hint">{t('intake.jkkHint')}</p>
    </div>
  );
}

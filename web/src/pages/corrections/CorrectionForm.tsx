import { useState } from 'react';
import { type CorrectionChanges, proposeCorrection } from '../../api/corrections.ts';
import type { Participant } from '../../api/types.ts';
import { FormCard, SubmitCancel, SuccessNote } from '../../components/Card.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/FormFields.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAction } from '../useAction.ts';
import { WarningList } from './WarningList.tsx';

/** The maker's form: the member's data as it is, to be changed where wrong, with reason and evidence. */
export function CorrectionForm({ participant, onClose }: { participant: Participant; onClose: () => void }) {
  const { t } = useI18n();
  const [fullName, setFullName] = useState(participant.fullName);
  const [birthDate, setBirthDate] = useState(participant.birthDate.slice(0, 10));
  const [sex, setSex] = useState(participant.sex);
  const [nik, setNik] = useState(participant.nik);
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const { busy, error, setError, run } = useAction();
  const [done, setDone] = useState<{ id: number; warnings: string[] } | null>(null);

  async function submit() {
    if (busy) return;
    const changes: CorrectionChanges = {};
    if (fullName.trim() !== participant.fullName) changes.fullName = fullName.trim();
    if (birthDate.trim() !== participant.birthDate.slice(0, 10)) changes.birthDate = birthDate.trim();
    if (sex !== participant.sex) changes.sex = sex as 'L' | 'P';
    if (nik.trim() !== participant.nik) changes.nik = nik.trim();
    if (Object.keys(changes).length === 0) return setError(t('corrections.form.noChange'));
    if (!reason.trim() || !evidence.trim()) return setError(t('corrections.form.required'));
    setDone(null);
    await run(async () => {
      const r = await proposeCorrection({
        participantId: participant.id,
        changes,
        reason: reason.trim(),
        evidenceNote: evidence.trim(),
      });
      setDone({ id: r.correction.id, warnings: r.warnings });
    });
  }

  return (
    <FormCard
      title={t('corrections.form.title', { kpj: participant.kpj })}
      intro={t('corrections.form.intro')}
      onSubmit={submit}
      after={
        <>
          <SuccessNote>{done ? t('corrections.form.done', { id: done.id }) : null}</SuccessNote>
          {done ? <WarningList warnings={done.warnings} /> : null}
        </>
      }
    >
      <TextField
        label={t('corrections.field.fullName')}
        maxLength={100}
        value={fullName}
        onChange={setFullName}
      />
      <TextField
        label={t('corrections.field.birthDate')}
        type="date"
        value={birthDate}
        onChange={setBirthDate}
      />
      <SelectField label={t('corrections.field.sex')} value={sex} onChange={setSex}>
        <option value="L">{t('sex.L')}</option>
        <option value="P">{t('sex.P')}</option>
      </SelectField>
      <TextField
        label={t('corrections.field.nik')}
        inputMode="numeric"
        maxLength={16}
        spellCheck={false}
        value={nik}
        onChange={setNik}
      />
      <TextAreaField
        label={t('corrections.form.reason')}
        required
        maxLength={500}
        value={reason}
        onChange={setReason}
      />
      <TextAreaField
        label={t('corrections.form.evidence')}
        required
        maxLength={500}
        value={evidence}
        onChange={setEvidence}
      />
      {error ? <ErrorMessage error={error} /> : null}
      <SubmitCancel busy={busy} onCancel={onClose}>
        {t('corrections.form.submit')}
      </SubmitCancel>
    </FormCard>
  );
}

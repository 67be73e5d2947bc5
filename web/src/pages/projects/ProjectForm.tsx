import { type InputHTMLAttributes, useState } from 'react';
import { type Project, registerProject } from '../../api/employers.ts';
import { IsoDate, passes } from '../../api/fields.ts';
import type { User } from '../../api/types.ts';
import { FormCard, SubmitCancel } from '../../components/Card.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { TextField } from '../../components/FormFields.tsx';
import { parseRupiahInput } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAction } from '../useAction.ts';

export function RegisterProjectForm({
  user,
  onRegistered,
  onCancel,
}: {
  user: User;
  onRegistered: (project: Project) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState({
    projectNumber: '',
    name: '',
    ownerName: '',
    contractorNpp: '',
    contractValue: '',
    startDate: '',
    endDate: '',
    regionCode: user.homeRegion ?? '',
  });
  const { busy, error, setError, run } = useAction();
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function submit() {
    if (busy) return;
    const contractValueRp = parseRupiahInput(values.contractValue);
    const text = [
      values.projectNumber,
      values.name,
      values.ownerName,
      values.contractorNpp,
      values.regionCode,
    ];
    if (
      text.some((v) => !v.trim()) ||
      !passes(IsoDate, values.startDate) ||
      !passes(IsoDate, values.endDate)
    ) {
      return setError(t('form.required'));
    }
    if (contractValueRp === null || contractValueRp <= 0) return setError(t('payment.amountInvalid'));
    await run(async () => {
      const project = await registerProject({
        projectNumber: values.projectNumber.trim(),
        name: values.name.trim(),
        ownerName: values.ownerName.trim(),
        contractorNpp: values.contractorNpp.trim(),
        contractValueRp,
        startDate: values.startDate,
        endDate: values.endDate,
        regionCode: values.regionCode.trim(),
      });
      onRegistered(project);
    });
  }

  const fields: [keyof typeof values, string, InputHTMLAttributes<HTMLInputElement>][] = [
    ['projectNumber', t('project.number'), { autoCapitalize: 'characters', placeholder: 'PRJ-2026-001' }],
    ['name', t('project.name'), {}],
    ['ownerName', t('project.owner'), {}],
    ['contractorNpp', t('project.contractorNpp'), { autoCapitalize: 'characters' }],
    ['contractValue', t('project.contractValue'), { inputMode: 'numeric', placeholder: '1.500.000.000' }],
    ['startDate', t('project.startDate'), { type: 'date' }],
    ['endDate', t('project.endDate'), { type: 'date' }],
    ['regionCode', t('project.region'), { inputMode: 'decimal', placeholder: '53.04.01.2001' }],
  ];
  return (
    <FormCard title={t('project.register.title')} onSubmit={submit}>
      <div className="form-grid">
        {fields.map(([field, label, attrs]) => (
          <TextField
            key={field}
            label={label}
            autoComplete="off"
            {...attrs}
            value={values[field]}
            onChange={set(field)}
          />
        ))}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <SubmitCancel busy={busy} onCancel={onCancel}>
        {t('project.register.submit')}
      </SubmitCancel>
    </FormCard>
  );
}

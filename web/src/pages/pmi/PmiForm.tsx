import { type InputHTMLAttributes, useId, useState } from 'react';
import { IsoDate, passes } from '../../api/fields.ts';
import { type PmiInput, registerPmi } from '../../api/pmi.ts';
import type { User } from '../../api/types.ts';
import { FormCard, SubmitCancel } from '../../components/Card.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { SelectField, TextField } from '../../components/FormFields.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/id.ts';
import { useAction } from '../useAction.ts';

export type Registered = Awaited<ReturnType<typeof registerPmi>>;

type Values = {
  nik: string;
  fullName: string;
  birthDate: string;
  sex: string;
  regionCode: string;
  agencyLicense: string;
  agencyName: string;
  countryCode: string;
  contractStart: string;
  contractMonths: string;
  departureDate: string;
};

/** The body the server takes: person fields only when given, the agency only through a P3MI. */
function toInput(v: Values, viaAgency: boolean): PmiInput {
  return {
    nik: v.nik.trim(),
    ...(v.fullName.trim() ? { fullName: v.fullName.trim() } : {}),
    ...(v.birthDate ? { birthDate: v.birthDate } : {}),
    ...(v.sex === 'L' || v.sex === 'P' ? { sex: v.sex } : {}),
    regionCode: v.regionCode.trim(),
    ...(viaAgency ? { agency: { licenseNumber: v.agencyLicense.trim(), name: v.agencyName.trim() } } : {}),
    countryCode: v.countryCode.trim().toUpperCase(),
    contractStart: v.contractStart,
    contractMonths: Number(v.contractMonths),
    departureDate: v.departureDate,
  };
}

export function RegisterPmiForm({
  user,
  onRegistered,
  onCancel,
}: {
  user: User;
  onRegistered: (result: Registered) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [viaAgency, setViaAgency] = useState(true);
  const [values, setValues] = useState<Values>({
    nik: '',
    fullName: '',
    birthDate: '',
    sex: '',
    regionCode: user.homeRegion ?? '',
    agencyLicense: '',
    agencyName: '',
    countryCode: '',
    contractStart: '',
    contractMonths: '24',
    departureDate: '',
  });
  const { busy, error, setError, run } = useAction();
  const set = (field: keyof Values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function submit() {
    if (busy) return;
    const required = [values.nik, values.regionCode, values.countryCode];
    if (viaAgency) required.push(values.agencyLicense, values.agencyName);
    if (
      required.some((v) => !v.trim()) ||
      !passes(IsoDate, values.contractStart) ||
      !passes(IsoDate, values.departureDate)
    ) {
      return setError(t('form.required'));
    }
    const months = Number(values.contractMonths);
    if (!Number.isInteger(months) || months < 1 || months > 120) return setError(t('pmi.monthsInvalid'));
    await run(async () => onRegistered(await registerPmi(toInput(values, viaAgency))));
  }

  const input = (
    field: keyof Values,
    label: MessageKey,
    attrs: InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <TextField
      key={field}
      label={t(label)}
      autoComplete="off"
      {...attrs}
      value={values[field]}
      onChange={set(field)}
    />
  );
  return (
    <FormCard title={t('pmi.register.title')} onSubmit={submit}>
      <fieldset className="stack">
        <legend>{t('pmi.kind')}</legend>
        {[true, false].map((agency) => (
          <label key={String(agency)} className="checkbox">
            <input
              type="radio"
              name={`${id}-payer`}
              checked={viaAgency === agency}
              onChange={() => setViaAgency(agency)}
            />
            {t(agency ? 'pmi.viaAgency' : 'pmi.perseorangan')}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        {input('nik', 'pmi.nik', { inputMode: 'numeric', maxLength: 16 })}
        {input('fullName', 'pmi.fullName')}
        {input('birthDate', 'pmi.birthDate', { type: 'date' })}
        <SelectField
          label={t('pmi.sex')}
          value={values.sex}
          onChange={(sex) => setValues((v) => ({ ...v, sex }))}
        >
          <option value="">{t('pmi.sex.none')}</option>
          <option value="L">{t('pmi.sex.L')}</option>
          <option value="P">{t('pmi.sex.P')}</option>
        </SelectField>
        {input('regionCode', 'pmi.village', { inputMode: 'decimal', placeholder: '53.04.01.2001' })}
        {viaAgency ? input('agencyLicense', 'pmi.agencyLicense', { autoCapitalize: 'characters' }) : null}
        {viaAgency ? input('agencyName', 'pmi.agencyName') : null}
        {input('countryCode', 'pmi.country', {
          autoCapitalize: 'characters',
          maxLength: 2,
          placeholder: 'MY',
        })}
        {input('departureDate', 'pmi.departure', { type: 'date' })}
        {input('contractStart', 'pmi.contractStart', { type: 'date' })}
        {input('contractMonths', 'pmi.contractMonths', { inputMode: 'numeric' })}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <SubmitCancel busy={busy} onCancel={onCancel}>
        {t('pmi.register.submit')}
      </SubmitCancel>
    </FormCard>
  );
}

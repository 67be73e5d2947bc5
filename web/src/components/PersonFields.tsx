import { useI18n } from '../i18n/I18nProvider.tsx';

export type Sex = '' | 'L' | 'P';

export interface PersonValues {
  nik: string;
  fullName: string;
  birthDate: string;
  sex: Sex;
}

/** The four identity fields every worker form asks for (NIK, name, birth date, sex), inside a form-grid. */
export function PersonFields({
  id,
  value,
  onChange,
}: {
  id: string;
  value: PersonValues;
  onChange: (next: Partial<PersonValues>) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-nik`}>{t('field.nik')}</label>
        <input
          id={`${id}-nik`}
          inputMode="numeric"
          autoComplete="off"
          maxLength={16}
          value={value.nik}
          onChange={(e) => onChange({ nik: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('employee.fullName')}</label>
        <input
          id={`${id}-name`}
          maxLength={100}
          value={value.fullName}
          onChange={(e) => onChange({ fullName: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-birth`}>{t('employee.birthDate')}</label>
        <input
          id={`${id}-birth`}
          type="date"
          value={value.birthDate}
          onChange={(e) => onChange({ birthDate: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-sex`}>{t('employee.sex')}</label>
        <select id={`${id}-sex`} value={value.sex} onChange={(e) => onChange({ sex: e.target.value as Sex })}>
          <option value="">{t('enrolment.pick.choose')}</option>
          <option value="L">{t('sex.L')}</option>
          <option value="P">{t('sex.P')}</option>
        </select>
      </div>
    </>
  );
}

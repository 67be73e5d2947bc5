import { useState } from 'react';
import { IsoDate, passes } from '../api/fields.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { SelectField, TextField } from './FormFields.tsx';

export type Sex = '' | 'L' | 'P';

export interface PersonValues {
  nik: string;
  fullName: string;
  birthDate: string;
  sex: Sex;
}

const NO_PERSON: PersonValues = { nik: '', fullName: '', birthDate: '', sex: '' };

/** The person being typed in, a change to some of its fields, and a reset after a save. */
export function usePerson() {
  const [person, setPerson] = useState(NO_PERSON);
  return {
    person,
    change: (next: Partial<PersonValues>) => setPerson((current) => ({ ...current, ...next })),
    reset: () => setPerson(NO_PERSON),
  };
}

/** The person as the API takes it: the NIK trimmed, the other fields only when filled in. */
export function personInput(person: PersonValues) {
  return {
    nik: person.nik.trim(),
    ...(person.fullName.trim() ? { fullName: person.fullName.trim() } : {}),
    ...(passes(IsoDate, person.birthDate) ? { birthDate: person.birthDate } : {}),
    ...(person.sex ? { sex: person.sex } : {}),
  };
}

/** The four identity fields every worker form asks for (NIK, name, birth date, sex), inside a form-grid. */
export function PersonFields({
  value,
  onChange,
}: {
  value: PersonValues;
  onChange: (next: Partial<PersonValues>) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        label={t('field.nik')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={16}
        value={value.nik}
        onChange={(text) => onChange({ nik: text })}
      />
      <TextField
        label={t('employee.fullName')}
        maxLength={100}
        value={value.fullName}
        onChange={(text) => onChange({ fullName: text })}
      />
      <TextField
        label={t('employee.birthDate')}
        type="date"
        value={value.birthDate}
        onChange={(text) => onChange({ birthDate: text })}
      />
      <SelectField
        label={t('employee.sex')}
        value={value.sex}
        onChange={(text) => onChange({ sex: text as Sex })}
      >
        <option value="">{t('enrolment.pick.choose')}</option>
        <option value="L">{t('sex.L')}</option>
        <option value="P">{t('sex.P')}</option>
      </SelectField>
    </>
  );
}

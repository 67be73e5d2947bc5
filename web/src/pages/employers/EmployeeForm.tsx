import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { type Employer, type Employment, registerEmployee, type WorkUnit } from '../../api/employers.ts';
import { IsoDate, passes } from '../../api/fields.ts';
import { FormCard, SubmitButton } from '../../components/Card.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { CheckField, NumberField, SelectField, TextField } from '../../components/FormFields.tsx';
import { PersonFields, personInput, usePerson } from '../../components/PersonFields.tsx';
import { parseRupiahInput } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAction } from '../useAction.ts';

/** One person, one active membership per programme: the refusal's code is shown beside its words. */
const MEMBERSHIP_CODES = new Set([
  'ALREADY_PMI',
  'ALREADY_PU',
  'ALREADY_JAKON',
  'ALREADY_COVERED',
  'MEMBERSHIP_CONFLICT',
]);

function MembershipError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!(error instanceof ApiError) || !MEMBERSHIP_CODES.has(error.code))
    return <ErrorMessage error={error} />;
  return (
    <div className="alert" role="alert">
      <strong>
        {t('employee.conflict')}: <code>{error.code}</code>
      </strong>
      <p>{error.message}</p>
      <p className="muted">{t('employee.conflictRule')}</p>
    </div>
  );
}

export function EmployeeForm({
  employer,
  units,
  onRegistered,
}: {
  employer: Employer;
  /** The work units (OPD) of a government employer. */
  units: WorkUnit[];
  onRegistered: (e: Employment) => void;
}) {
  const { t } = useI18n();
  const { person, change, reset } = usePerson();
  const [startDate, setStartDate] = useState('');
  const [wage, setWage] = useState('');
  const [jp, setJp] = useState(true);
  const [jkp, setJkp] = useState(false);
  const [jht, setJht] = useState(true);
  const [workUnitCode, setWorkUnitCode] = useState('');
  const { busy, error, setError, run } = useAction();
  const [tookOver, setTookOver] = useState(0);
  // Non-ASN staff of a government employer: JKK + JKM, JHT and JP optional (paket-pu.ts).
  const nonAsn = employer.isGovernment;
  const jpOptional = nonAsn || employer.scale === 'micro' || employer.scale === 'small';

  async function submit() {
    if (busy) return;
    const wageRp = parseRupiahInput(wage);
    if (!person.nik.trim() || !passes(IsoDate, startDate)) return setError(t('form.required'));
    if (wageRp === null || wageRp <= 0) return setError(t('payment.amountInvalid'));
    await run(async () => {
      const { employment, endedMemberships } = await registerEmployee(employer.npp, {
        ...personInput(person),
        startDate,
        wageRp,
        jp: jpOptional ? jp : true,
        jht: nonAsn ? jht : true,
        jkp,
        ...(nonAsn && workUnitCode ? { workUnitCode } : {}),
      });
      reset();
      setWage('');
      setTookOver(endedMemberships);
      onRegistered(employment);
    });
  }

  return (
    <FormCard title={t('employee.title')} intro={t('employee.intro')} onSubmit={submit}>
      <div className="form-grid">
        <PersonFields value={person} onChange={change} />
        <TextField label={t('employee.startDate')} type="date" value={startDate} onChange={setStartDate} />
        <NumberField label={t('employee.wage')} placeholder="2.500.000" value={wage} onChange={setWage} />
        {nonAsn ? (
          <SelectField label={t('employee.workUnit')} value={workUnitCode} onChange={setWorkUnitCode}>
            <option value="">{t('employee.workUnitNone')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.code}>
                {u.code} — {u.name}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      {nonAsn ? <p className="note">{t('employee.nonAsn')}</p> : null}
      <div className="checks">
        {nonAsn ? <CheckField label={t('employee.jht')} checked={jht} onChange={setJht} /> : null}
        {jpOptional ? <CheckField label={t('employee.jp')} checked={jp} onChange={setJp} /> : null}
        <CheckField label={t('employee.jkp')} checked={jkp} onChange={setJkp} />
      </div>
      {error ? <MembershipError error={error} /> : null}
      {tookOver > 0 ? (
        <p className="success" role="status">
          {t('employee.tookOver', { count: String(tookOver) })}
        </p>
      ) : null}
      <SubmitButton busy={busy}>{t('employee.submit')}</SubmitButton>
    </FormCard>
  );
}

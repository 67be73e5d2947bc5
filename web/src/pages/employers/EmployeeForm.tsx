import { type FormEvent, useId, useState } from 'react';
import { type Employer, type Employment, registerEmployee } from '../../api/employers.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { TextField } from '../../components/FormFields.tsx';
import { PersonFields } from '../../components/PersonFields.tsx';
import { parseRupiahInput } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DATE_PATTERN } from '../../input-patterns.ts';
import { useAction } from '../useAction.ts';

export function EmployeeForm({
  employer,
  onRegistered,
}: {
  employer: Employer;
  onRegistered: (e: Employment) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [nik, setNik] = useState('');
  const [fullName, setFullName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [sex, setSex] = useState<'' | 'L' | 'P'>('');
  const [startDate, setStartDate] = useState('');
  const [wage, setWage] = useState('');
  const [jp, setJp] = useState(true);
  const [jkp, setJkp] = useState(false);
  const { busy, error, setError, run } = useAction();
  const jpOptional = employer.scale === 'micro' || employer.scale === 'small';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const wageRp = parseRupiahInput(wage);
    if (!nik.trim() || !DATE_PATTERN.test(startDate)) return setError(t('form.required'));
    if (wageRp === null || wageRp <= 0) return setError(t('payment.amountInvalid'));
    await run(async () => {
      const employment = await registerEmployee(employer.npp, {
        nik: nik.trim(),
        ...(fullName.trim() ? { fullName: fullName.trim() } : {}),
        ...(DATE_PATTERN.test(birthDate) ? { birthDate } : {}),
        ...(sex ? { sex } : {}),
        startDate,
        wageRp,
        jp: jpOptional ? jp : true,
        jkp,
      });
      setNik('');
      setFullName('');
      setBirthDate('');
      setSex('');
      setWage('');
      onRegistered(employment);
    });
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('employee.title')}</h2>
      <p className="muted">{t('employee.intro')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="form-grid">
          <PersonFields
            value={{ nik, fullName, birthDate, sex }}
            onChange={(next) => {
              if (next.nik !== undefined) setNik(next.nik);
              if (next.fullName !== undefined) setFullName(next.fullName);
              if (next.birthDate !== undefined) setBirthDate(next.birthDate);
              if (next.sex !== undefined) setSex(next.sex);
            }}
          />
          <TextField label={t('employee.startDate')} type="date" value={startDate} onChange={setStartDate} />
          <TextField
            label={t('employee.wage')}
            inputMode="numeric"
            autoComplete="off"
            placeholder="2.500.000"
            value={wage}
            onChange={setWage}
          />
        </div>
        <div className="checks">
          {jpOptional ? (
            <label className="check">
              <input
                className="check-box"
                type="checkbox"
                checked={jp}
                onChange={(e) => setJp(e.target.checked)}
              />
              <span>{t('employee.jp')}</span>
            </label>
          ) : null}
          <label className="check">
            <input
              className="check-box"
              type="checkbox"
              checked={jkp}
              onChange={(e) => setJkp(e.target.checked)}
            />
            <span>{t('employee.jkp')}</span>
          </label>
        </div>
        {error ? <ErrorMessage error={error} /> : null}
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('employee.submit')}
        </button>
      </form>
    </section>
  );
}

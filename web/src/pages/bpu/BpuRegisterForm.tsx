import { type ReactNode, useId, useState } from 'react';
import { BPU_FREQUENCIES, type BpuInput, fieldProblems, registerBpu } from '../../api/bpu.ts';
import { ApiError } from '../../api/client.ts';
import { IsoDate, passes } from '../../api/fields.ts';
import type { User } from '../../api/types.ts';
import { FormCard, SubmitCancel } from '../../components/Card.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { CheckField, SelectField, TextField } from '../../components/FormFields.tsx';
import { isVillageCode, type VillageChoice, VillagePicker } from '../../components/VillagePicker.tsx';
import { parseRupiahInput } from '../../format.ts';
import { type Translate, useI18n } from '../../i18n/I18nProvider.tsx';
import { useAction } from '../useAction.ts';
import { problemText } from './problem-text.ts';

// One worker at the counter or in the village: the person by NIK (name, birth date and sex only
// for a NIK new to the registry), the declared income, JHT or not, the months one payment covers,
// and who pays. Each field shows its own problem, found here or named by the server.

export type BpuRegistered = Awaited<ReturnType<typeof registerBpu>>;

type Field = 'nik' | 'fullName' | 'birthDate' | 'sex' | 'occupation' | 'regionCode' | 'income' | 'agentName';
type Values = Record<Exclude<Field, 'regionCode'>, string> & {
  jht: boolean;
  frequency: string;
  agent: boolean;
};
type Problems = Partial<Record<Field, string>>;

/** The form's own checks, before anything is sent. */
function check(v: Values, village: string | null, t: Translate): Problems {
  const p: Problems = {};
  if (!/^\d{16}$/.test(v.nik.trim())) p.nik = v.nik.trim() ? t('bpu.error.nik') : t('bpu.error.required');
  if (v.birthDate && !passes(IsoDate, v.birthDate)) p.birthDate = t('bpu.error.date');
  const income = parseRupiahInput(v.income);
  if (income === null || income <= 0)
    p.income = v.income.trim() ? t('bpu.error.income') : t('bpu.error.required');
  if (!village) p.regionCode = t('bpu.error.village');
  const agent = v.agentName.trim();
  if (v.agent && (agent.length < 3 || agent.length > 120)) p.agentName = t('bpu.error.agent');
  return p;
}

/** The fields a refusal names: each detail's field, or the one field a coded refusal is about. */
function serverProblems(error: unknown, t: Translate): Problems {
  const p: Problems = {};
  const fieldOf = (name: string): Field | null => {
    if (name === 'declaredIncomeRp') return 'income';
    return ['nik', 'fullName', 'birthDate', 'sex', 'occupation', 'regionCode', 'agentName'].includes(name)
      ? (name as Field)
      : null;
  };
  for (const d of fieldProblems(error)) {
    const field = fieldOf(d.field);
    if (field && !p[field]) p[field] = problemText(t, d.code, d.message);
  }
  if (error instanceof ApiError && !(error.code === 'VALIDATION_FAILED')) {
    if (error.code.startsWith('NIK_') || error.code.startsWith('ALREADY_')) p.nik = error.message;
    if (error.code === 'REGION_NOT_FOUND') p.regionCode = error.message;
  }
  return p;
}

function toInput(v: Values, regionCode: string): BpuInput {
  return {
    nik: v.nik.trim(),
    ...(v.fullName.trim() ? { fullName: v.fullName.trim() } : {}),
    ...(v.birthDate ? { birthDate: v.birthDate } : {}),
    ...(v.sex === 'L' || v.sex === 'P' ? { sex: v.sex } : {}),
    ...(v.occupation.trim() ? { occupation: v.occupation.trim() } : {}),
    regionCode,
    declaredIncomeRp: parseRupiahInput(v.income) ?? 0,
    jht: v.jht,
    frequencyMonths: Number(v.frequency) as BpuInput['frequencyMonths'],
    ...(v.agent ? { agentName: v.agentName.trim() } : {}),
  };
}

/** A field's problem under it, read with the field (the hint slot is its aria-describedby). */
function problemHint(problem: string | undefined, hint?: ReactNode): ReactNode {
  if (!problem) return hint;
  return <span className="field-error">{problem}</span>;
}

export function BpuRegisterForm({
  user,
  onRegistered,
  onCancel,
  onUnauthenticated,
}: {
  user: User;
  onRegistered: (result: BpuRegistered) => void;
  onCancel: () => void;
  onUnauthenticated: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const home = user.homeRegion;
  const fixedVillage = isVillageCode(home) ? home : null;
  const [village, setVillage] = useState<VillageChoice | null>(null);
  const [values, setValues] = useState<Values>({
    nik: '',
    fullName: '',
    birthDate: '',
    sex: '',
    occupation: '',
    income: '',
    jht: false,
    frequency: '1',
    agent: false,
    agentName: '',
  });
  const [problems, setProblems] = useState<Problems>({});
  const { busy, error, setError, run } = useAction(onUnauthenticated);
  const set = (field: keyof Values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const regionCode = fixedVillage ?? village?.code ?? null;

  async function submit() {
    if (busy) return;
    const found = check(values, regionCode, t);
    setProblems(found);
    if (Object.keys(found).length > 0 || !regionCode) return setError(t('bpu.fixFields'));
    await run(async () => {
      try {
        onRegistered(await registerBpu(toInput(values, regionCode)));
      } catch (caught) {
        setProblems(serverProblems(caught, t));
        throw caught;
      }
    });
  }

  const text = (field: Exclude<Field, 'regionCode' | 'sex'>, label: string, attrs = {}, hint?: ReactNode) => (
    <TextField
      label={label}
      autoComplete="off"
      {...attrs}
      aria-invalid={problems[field] ? true : undefined}
      hint={problemHint(problems[field], hint)}
      value={values[field]}
      onChange={set(field)}
    />
  );
  return (
    <FormCard title={t('bpu.register.title')} intro={t('bpu.register.intro')} onSubmit={submit}>
      <div className="form-grid">
        {text('nik', t('bpu.nik'), { inputMode: 'numeric', maxLength: 16, spellCheck: false })}
        {text('fullName', t('bpu.fullName'))}
        {text('birthDate', t('bpu.birthDate'), { type: 'date' })}
        <SelectField
          label={t('bpu.sex')}
          value={values.sex}
          aria-invalid={problems.sex ? true : undefined}
          hint={problemHint(problems.sex)}
          onChange={set('sex')}
        >
          <option value="">{t('bpu.sex.none')}</option>
          <option value="L">{t('bpu.sex.L')}</option>
          <option value="P">{t('bpu.sex.P')}</option>
        </SelectField>
        {text('occupation', t('bpu.occupation'), { maxLength: 100 })}
        {text(
          'income',
          t('bpu.income.label'),
          { inputMode: 'numeric', placeholder: '1.500.000' },
          t('bpu.income.hint'),
        )}
        <SelectField label={t('bpu.frequency.label')} value={values.frequency} onChange={set('frequency')}>
          {BPU_FREQUENCIES.map((n) => (
            <option key={n} value={n}>
              {t('bpu.frequency.n', { n })}
            </option>
          ))}
        </SelectField>
      </div>
      {fixedVillage ? (
        <p className="muted">{t('bpu.villageFixed', { code: fixedVillage })}</p>
      ) : home ? (
        <>
          <VillagePicker home={home} value={village} onChange={setVillage} />
          {problems.regionCode ? <p className="field-error">{problems.regionCode}</p> : null}
        </>
      ) : null}
      <CheckField
        label={t('bpu.jht')}
        checked={values.jht}
        onChange={(jht) => setValues((v) => ({ ...v, jht }))}
      />
      <fieldset className="stack">
        <legend>{t('bpu.collector')}</legend>
        {[false, true].map((agent) => (
          <label key={String(agent)} className="checkbox">
            <input
              type="radio"
              name={`${id}-collector`}
              checked={values.agent === agent}
              onChange={() => setValues((v) => ({ ...v, agent }))}
            />
            {t(agent ? 'bpu.collector.agent' : 'bpu.collector.self')}
          </label>
        ))}
      </fieldset>
      {values.agent ? text('agentName', t('bpu.agentName'), { maxLength: 120 }) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <SubmitCancel busy={busy} onCancel={onCancel}>
        {busy ? t('bpu.register.saving') : t('bpu.register.submit')}
      </SubmitCancel>
    </FormCard>
  );
}

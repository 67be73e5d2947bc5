import { useId, useState } from 'react';
import { type EmployerScale, listBusinessTypes, registerEmployer } from '../../api/employers.ts';
import type { User } from '../../api/types.ts';
import { FormCard, SubmitCancel } from '../../components/Card.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { CheckField, SelectField, TextField } from '../../components/FormFields.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../router.tsx';
import { useAction } from '../useAction.ts';
import { useMembershipCatalog } from '../useCatalogs.ts';
import { useLoad } from '../useLoad.ts';
import { employerPath } from './paths.ts';

export function RegisterEmployerForm({ user, onCancel }: { user: User; onCancel: () => void }) {
  const { t } = useI18n();
  const scales = useMembershipCatalog()?.employerScales ?? [];
  const id = useId();
  const { state: types, reload } = useLoad('business-types', listBusinessTypes, () => {});
  const [npp, setNpp] = useState('');
  const [name, setName] = useState('');
  const [businessTypeCode, setBusinessTypeCode] = useState('');
  const [scale, setScale] = useState<EmployerScale>('small');
  const [isGovernment, setIsGovernment] = useState(false);
  const [regionCode, setRegionCode] = useState(user.homeRegion ?? '');
  const { busy, error, setError, run } = useAction();

  async function submit() {
    if (busy) return;
    if (!npp.trim() || !name.trim() || !businessTypeCode || !regionCode.trim()) {
      return setError(t('form.required'));
    }
    await run(async () => {
      const employer = await registerEmployer({
        npp: npp.trim(),
        name: name.trim(),
        businessTypeCode,
        scale,
        isGovernment,
        regionCode: regionCode.trim(),
      });
      navigate(employerPath(employer.npp));
    });
  }

  return (
    <FormCard title={t('employer.register.title')} onSubmit={submit}>
      <div className="form-grid">
        <TextField
          label={t('employer.npp')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          value={npp}
          onChange={setNpp}
        />
        <TextField label={t('employer.name')} maxLength={200} value={name} onChange={setName} />
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('employer.businessType')}</label>
          {types.status === 'failed' ? (
            <>
              <ErrorMessage error={types.error} />
              <button type="button" className="button button-secondary" onClick={reload}>
                {t('app.retry')}
              </button>
            </>
          ) : (
            <select
              id={`${id}-type`}
              value={businessTypeCode}
              disabled={types.status !== 'loaded'}
              onChange={(event) => setBusinessTypeCode(event.target.value)}
            >
              <option value="">{t('enrolment.pick.choose')}</option>
              {types.status === 'loaded'
                ? types.data.map((type) => (
                    <option key={type.code} value={type.code}>
                      {t('employer.businessTypeOption', { name: type.name, group: type.riskGroup })}
                    </option>
                  ))
                : null}
            </select>
          )}
        </div>
        <SelectField
          label={t('employer.scale')}
          value={scale}
          onChange={(text) => setScale(text as EmployerScale)}
        >
          {scales.map((s) => (
            <option key={s} value={s}>
              {t(`employer.scale.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('employer.region')}
          inputMode="decimal"
          placeholder="53.04.01.2001"
          hint={t('employer.regionHint')}
          value={regionCode}
          onChange={setRegionCode}
        />
      </div>
      <CheckField label={t('employer.government')} checked={isGovernment} onChange={setIsGovernment} />
      {error ? <ErrorMessage error={error} /> : null}
      <SubmitCancel busy={busy} onCancel={onCancel}>
        {t('employer.register.submit')}
      </SubmitCancel>
    </FormCard>
  );
}

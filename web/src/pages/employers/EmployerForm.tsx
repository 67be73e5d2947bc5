import { type FormEvent, useId, useState } from 'react';
import { type EmployerScale, listBusinessTypes, registerEmployer } from '../../api/employers.ts';
import type { User } from '../../api/types.ts';
import { CancelButton } from '../../components/CancelButton.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { SelectField, TextField } from '../../components/FormFields.tsx';
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

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
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
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('employer.register.title')}</h2>
      <form className="stack" onSubmit={submit} noValidate>
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
          <div className="field">
            <label htmlFor={`${id}-region`}>{t('employer.region')}</label>
            <input
              id={`${id}-region`}
              inputMode="decimal"
              placeholder="53.04.01.2001"
              aria-describedby={`${id}-region-hint`}
              value={regionCode}
              onChange={(event) => setRegionCode(event.target.value)}
            />
            <p id={`${id}-region-hint`} className="muted field-hint">
              {t('employer.regionHint')}
            </p>
          </div>
        </div>
        <label className="check">
          <input
            className="check-box"
            type="checkbox"
            checked={isGovernment}
            onChange={(event) => setIsGovernment(event.target.checked)}
          />
          <span>{t('employer.government')}</span>
        </label>
        {error ? <ErrorMessage error={error} /> : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('employer.register.submit')}
          </button>
          <CancelButton disabled={busy} onClick={onCancel} />
        </div>
      </form>
    </section>
  );
}

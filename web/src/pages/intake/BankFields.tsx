import { useId } from 'react';
import type { ClaimCatalog } from '../../api/claims.ts';
import { SelectField, TextField } from '../../components/FormFields.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { ClaimDraft, SetDraftField } from './claimDraft.ts';

/** Where the benefit is paid: bank, account number and the account holder's name. */
export function BankFields({
  draft,
  set,
  banks,
}: {
  draft: ClaimDraft;
  set: SetDraftField;
  banks: ClaimCatalog['banks'];
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="card stack">
      <legend>{t('intake.bank')}</legend>
      <div className="form-grid">
        <SelectField
          label={t('intake.bankName')}
          value={draft.bankCode}
          onChange={(text) => set('bankCode', text)}
        >
          <option value="">{t('enrolment.pick.choose')}</option>
          {banks.map((b) => (
            <option key={b.code} value={b.code}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor={`${id}-account`}>{t('intake.account')}</label>
          <input
            id={`${id}-account`}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            aria-describedby={`${id}-account-hint`}
            value={draft.account}
            onChange={(event) => set('account', event.target.value.replace(/\D/g, ''))}
          />
          <p id={`${id}-account-hint`} className="muted field-hint">
            {t('intake.accountHint')}
          </p>
        </div>
        <TextField
          label={t('intake.holder')}
          maxLength={120}
          autoComplete="off"
          value={draft.holder}
          onChange={(text) => set('holder', text)}
        />
      </div>
    </fieldset>
  );
}

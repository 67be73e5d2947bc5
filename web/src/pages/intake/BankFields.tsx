import { useId } from 'react';
import type { ClaimCatalog } from '../../api/claims.ts';
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
        <div className="field">
          <label htmlFor={`${id}-bank`}>{t('intake.bankName')}</label>
          <select
            id={`${id}-bank`}
            value={draft.bankCode}
            onChange={(event) => set('bankCode', event.target.value)}
          >
            <option value="">{t('enrolment.pick.choose')}</option>
            {banks.map((b) => (
              <option key={b.code} value={b.code}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
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
        <div className="field">
          <label htmlFor={`${id}-holder`}>{t('intake.holder')}</label>
          <input
            id={`${id}-holder`}
            maxLength={120}
            autoComplete="off"
            value={draft.holder}
            onChange={(event) => set('holder', event.target.value)}
          />
        </div>
      </div>
    </fieldset>
  );
}

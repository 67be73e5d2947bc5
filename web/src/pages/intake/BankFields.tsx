import type { ClaimCatalog } from '../../api/claims.ts';
import { ChoiceField, NumberField, TextField } from '../../components/FormFields.tsx';
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
  return (
    <fieldset className="card stack">
      <legend>{t('intake.bank')}</legend>
      <div className="form-grid">
        <ChoiceField
          label={t('intake.bankName')}
          value={draft.bankCode}
          onChange={(text) => set('bankCode', text)}
          options={banks.map((b) => ({ value: b.code, label: b.name }))}
        />
        <NumberField
          label={t('intake.account')}
          maxLength={20}
          hint={t('intake.accountHint')}
          value={draft.account}
          onChange={(text) => set('account', text.replace(/\D/g, ''))}
        />
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

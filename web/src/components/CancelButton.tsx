import { useI18n } from '../i18n/I18nProvider.tsx';

/** The secondary "Batal" button beside a form's submit button. */
export function CancelButton({ disabled, onClick }: { disabled: boolean; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button button-secondary" disabled={disabled} onClick={onClick}>
      {t('action.cancel')}
    </button>
  );
}

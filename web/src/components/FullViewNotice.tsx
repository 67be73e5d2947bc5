import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * Tells the reader that the NIK and names on this screen are unmasked and that the server wrote
 * this view to the audit log (the API's `personalDataInFull`); nothing is shown otherwise.
 */
export function FullViewNotice({ shown }: { shown: boolean }) {
  const { t } = useI18n();
  if (!shown) return null;
  return <p className="muted full-view-notice">{t('privacy.fullView')}</p>;
}

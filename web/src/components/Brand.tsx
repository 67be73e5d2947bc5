import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';

export function Brand() {
  const { t } = useI18n();
  return (
    <Link to="/" className="brand">
      <span className="brand-mark" aria-hidden="true">
        L
      </span>
      <span className="brand-text">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </span>
    </Link>
  );
}

import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="stack">
      <h1>{t('page.notFound')}</h1>
      <Link to="/" className="button button-secondary">
        {t('page.home')}
      </Link>
    </div>
  );
}

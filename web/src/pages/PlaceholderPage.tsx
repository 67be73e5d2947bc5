import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/id.ts';

/** A section the user's role may use but that is not built yet. */
export function PlaceholderPage({ title }: { title: MessageKey }) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <h1>{t(title)}</h1>
      <p className="muted">{t('page.comingSoon')}</p>
    </div>
  );
}

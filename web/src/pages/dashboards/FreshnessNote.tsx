import type { Freshness } from '../../api/reports.ts';
import { formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

// Figures read on the read replica (DATABASE_READ_URL, docs/replicas.md) say how far behind the
// primary they may be; from the primary nothing is shown.

export function FreshnessNote({ freshness }: { freshness: Freshness }) {
  const { t, language } = useI18n();
  if (!freshness.replica) return null;
  return (
    <p className="freshness-note" data-testid="freshness-note">
      {freshness.staleSeconds === null
        ? t('dash.replica.unknown')
        : t('dash.replica.behind', { n: formatCount(freshness.staleSeconds, language) })}
    </p>
  );
}

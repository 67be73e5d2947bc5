import type { RegionAncestor } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link, regionPath } from '../router.tsx';

interface BreadcrumbProps {
  ancestors: readonly RegionAncestor[];
  current: string;
  /** Ancestors above the user's scope are shown as text: the API would answer 404. */
  canOpen: (code: string) => boolean;
}

export function Breadcrumb({ ancestors, current, canOpen }: BreadcrumbProps) {
  const { t } = useI18n();
  return (
    <nav className="breadcrumb" aria-label={t('region.breadcrumb')}>
      <ol>
        {ancestors.map((ancestor) => (
          <li key={ancestor.code}>
            {canOpen(ancestor.code) ? (
              <Link to={regionPath(ancestor.code)}>{ancestor.name}</Link>
            ) : (
              <span>{ancestor.name}</span>
            )}
          </li>
        ))}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}

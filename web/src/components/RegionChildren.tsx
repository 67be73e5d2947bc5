import type { Region, RegionSummary } from '../api/types.ts';
import { formatCount } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { regionPath } from '../router.tsx';
import { LinkRow } from './LinkRow.tsx';
import { childrenHeading, childSummary, levelLabel } from './regionLabels.ts';

interface RegionChildrenProps {
  region: Region;
  items: readonly RegionSummary[];
}

export function RegionChildren({ region, items }: RegionChildrenProps) {
  const { t, language } = useI18n();
  if (region.level === 'village') return null;
  if (items.length === 0) return <p className="muted">{t('region.children.none')}</p>;
  const formatNumber = (n: number) => formatCount(n, language);
  return (
    <section className="region-children" aria-labelledby="region-children-heading">
      <h2 id="region-children-heading">{childrenHeading(region.level, items.length, t)}</h2>
      <ul className="link-list" aria-labelledby="region-children-heading">
        {items.map((child) => (
          <li key={child.code}>
            <LinkRow to={regionPath(child.code)}>
              <span className="link-title">{child.name}</span>
              <span className="link-detail">
                {child.level === 'village' ? levelLabel(child, t) : childSummary(child, t, formatNumber)}
              </span>
            </LinkRow>
          </li>
        ))}
      </ul>
    </section>
  );
}

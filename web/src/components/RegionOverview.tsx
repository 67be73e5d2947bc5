import type { Region } from '../api/types.ts';
import { formatCount } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { countsShownAt, levelLabel } from './regionLabels.ts';

export function RegionOverview({ region }: { region: Region }) {
  const { t, language } = useI18n();
  const counts = countsShownAt(region.level);
  return (
    <section className="region-overview" aria-labelledby="region-name">
      <p className="eyebrow">
        <span className="level">{levelLabel(region, t)}</span>
        <span className="code">{t('region.code', { code: region.code })}</span>
      </p>
      <h1 id="region-name">{region.name}</h1>
      {counts.length > 0 ? (
        <dl className="stats" aria-label={t('region.counts')}>
          {counts.map((key) => (
            <div key={key} className="stat">
              <dt>{t(`region.count.${key}`)}</dt>
              <dd>{formatCount(region.counts[key], language)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}

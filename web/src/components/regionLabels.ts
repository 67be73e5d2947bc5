import type { RegionCounts, RegionLevel, RegionSummary } from '../api/types.ts';
import type { Translate } from '../i18n/I18nProvider.tsx';

// How a region's level and counts read in the UI.

export function levelLabel(region: Pick<RegionSummary, 'level' | 'kind'>, t: Translate): string {
  if (region.level === 'village' && region.kind) return t(`kind.${region.kind}`);
  return t(`level.${region.level}`);
}

/** Which counts mean something at a level: a regency has all three, a kecamatan only villages. */
export function countsShownAt(level: RegionLevel): (keyof RegionCounts)[] {
  if (level === 'province' || level === 'regency') return ['districts', 'desa', 'kelurahan'];
  if (level === 'district') return ['desa', 'kelurahan'];
  return [];
}

export function childrenHeading(level: RegionLevel, count: number, t: Translate): string {
  if (level === 'province') return t('region.children.regencies', { count });
  if (level === 'regency') return t('region.children.districts', { count });
  return t('region.children.villages', { count });
}

/** `9 desa · 2 kelurahan` for a child row; zero counts are left out. */
export function childSummary(
  child: RegionSummary,
  t: Translate,
  formatNumber: (n: number) => string,
): string {
  const parts = countsShownAt(child.level)
    .filter((key) => child.counts[key] > 0)
    .map((key) => t(`region.childSummary.${key}`, { count: formatNumber(child.counts[key]) }));
  return parts.join(' · ');
}

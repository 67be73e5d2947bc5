// Dashboard rows per kecamatan and village from the grouped counts: every status counted in
// byStatus; bySegment and byFunding count the active participants (who are covered today).
import type { AreaRegion, CountRow } from '../../db/report-counts.ts';

export const SEGMENTS = ['PU', 'BPU', 'JAKON', 'PMI'] as const;
export const STATUSES = ['active', 'lapsed', 'ended', 'proposed', 'verified'] as const;
export const FUNDINGS = ['SELF', 'EMPLOYER', 'APBN', 'APBD', 'APBDES', 'CSR'] as const;

export interface Area extends AreaRegion {
  active: number;
  bySegment: Record<(typeof SEGMENTS)[number], number>;
  byStatus: Record<(typeof STATUSES)[number], number>;
  byFunding: Record<(typeof FUNDINGS)[number], number>;
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function emptyArea(r: AreaRegion): Area {
  return {
    ...r,
    active: 0,
    bySegment: zeros(SEGMENTS),
    byStatus: zeros(STATUSES),
    byFunding: zeros(FUNDINGS),
  };
}

function add(area: Area, c: CountRow): void {
  area.byStatus[c.status as keyof Area['byStatus']] += c.n;
  if (c.status !== 'active') return;
  area.active += c.n;
  area.bySegment[c.segment as keyof Area['bySegment']] += c.n;
  area.byFunding[c.fundingSource as keyof Area['byFunding']] += c.n;
}

/** One row per region in scope; a village's counts also go to its kecamatan when that is listed. */
export function buildAreas(regions: readonly AreaRegion[], counts: readonly CountRow[]): Area[] {
  const byCode = new Map(regions.map((r) => [r.code, emptyArea(r)]));
  for (const c of counts) {
    const own = byCode.get(c.regionCode);
    if (own) add(own, c);
    const district = c.regionCode.length > 8 ? byCode.get(c.regionCode.slice(0, 8)) : undefined;
    if (district) add(district, c);
  }
  return [...byCode.values()];
}

// Non-ASN government workers shown apart (issue 13 point 4): active Non-ASN participants on a date,
// in total and per government employer and work unit (OPD). The district dashboard and the branch
// report both take their figure from here, one query (db/work-units.ts nonAsnCountsAsOf), so the
// two screens cannot disagree. Non-ASN workers are PU participants: they stay inside the formal
// figure, and this line shows how many of the formal ones they are.

import type { Queryable } from '../../db/types.ts';
import { nonAsnCountsAsOf } from '../../db/work-units.ts';

export interface NonAsnUnit {
  npp: string;
  employerName: string;
  /** null: workers not yet placed in a unit. */
  workUnitCode: string | null;
  workUnitName: string | null;
  active: number;
}

export interface NonAsnCounts {
  active: number;
  byWorkUnit: NonAsnUnit[];
}

export async function nonAsnCounts(
  q: Queryable,
  a: { regencyCode: string; asOf: string },
): Promise<NonAsnCounts> {
  const rows = await nonAsnCountsAsOf(q, a);
  return {
    active: rows.reduce((s, r) => s + r.n, 0),
    byWorkUnit: rows.map(({ n, ...r }) => ({ ...r, active: n })),
  };
}

/** How a report names a unit: its code and name, or the workers not yet placed in one. */
export function opdLabel(u: Pick<NonAsnUnit, 'workUnitCode' | 'workUnitName'>): string {
  return u.workUnitCode ? `${u.workUnitCode} — ${u.workUnitName}` : 'Belum ditempatkan di OPD';
}

// Which regency a report is about, and how much of it the caller may see: the whole regency
// (district, branch, auditor, admin), or only the villages below it in the caller's scope
// (a village operator). A regency outside the caller's scope answers 404.
import { regencyReach } from '../../db/region-scope.ts';
import type { Queryable } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { requirePermission } from '../access.ts';
import type { Actor } from '../actor.ts';

export interface ReportRegency {
  code: string;
  name: string;
  /** The caller sees every area of the regency (not only a village or kecamatan of it). */
  whole: boolean;
}

export async function reportRegency(q: Queryable, actor: Actor, code: string): Promise<ReportRegency> {
  requirePermission(actor, 'reports.read');
  const row = await regencyReach(q, code, actor.regionScopes);
  if (!row || !(row.whole || row.below)) throw new AppError('REGION_NOT_FOUND', { code });
  return { code, name: row.name, whole: row.whole };
}

/** Reports about the regency as a whole (claims, payouts, coverage) need the whole regency in scope. */
export async function wholeRegency(q: Queryable, actor: Actor, code: string): Promise<ReportRegency> {
  const regency = await reportRegency(q, actor, code);
  if (!regency.whole) throw new AppError('REGION_NOT_FOUND', { code });
  return regency;
}

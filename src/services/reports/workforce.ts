// The workforce of a regency per year — the denominator of Universal Coverage Jamsostek — with
// its published source (e.g. BPS Sakernas) and the district's coverage target for that year.
import { z } from 'zod';
import { recordAudit } from '../../db/audit.ts';
import type { Queryable } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { type Actor, can, type Deps } from '../actor.ts';
import { reportRegency } from './scope.ts';

export const WorkforceInput = z.object({
  regencyCode: z.string().regex(/^\d{2}\.\d{2}$/, 'regency code such as 53.04'),
  year: z.number().int().min(2000).max(2100),
  workforce: z.number().int().positive().max(2_000_000_000),
  source: z.string().trim().min(3).max(300),
  /** Percent of the workforce, at most two decimals (75.5 = 75,5%). */
  targetPercent: z
    .number()
    .min(0)
    .max(100)
    .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, {
      message: 'at most two decimals',
    }),
});
export type WorkforceInput = z.infer<typeof WorkforceInput>;

export interface WorkforceRow {
  regencyCode: string;
  year: number;
  workforce: number;
  source: string;
  targetPercent: number;
  updatedBy: string;
  updatedAt: string;
}

const SELECT = `SELECT regency_code AS "regencyCode", year, workforce, source,
  target_percent_bp / 100.0 AS "targetPercent", updated_by AS "updatedBy", updated_at AS "updatedAt" FROM workforce`;

function toRow(r: WorkforceRow): WorkforceRow {
  // numeric arrives as text from node-postgres and PGlite alike
  return { ...r, targetPercent: Number(r.targetPercent) };
}

/** The workforce entered for a regency and year, or null. */
export async function workforceOf(q: Queryable, regencyCode: string, year: number) {
  const r = await q.query<WorkforceRow>(`${SELECT} WHERE regency_code = $1 AND year = $2`, [
    regencyCode,
    year,
  ]);
  return r.rows[0] ? toRow(r.rows[0]) : null;
}

export async function listWorkforce(deps: Deps, actor: Actor, regencyCode: string) {
  const regency = await reportRegency(deps.db, actor, regencyCode);
  const r = await deps.db.query<WorkforceRow>(`${SELECT} WHERE regency_code = $1 ORDER BY year DESC`, [
    regency.code,
  ]);
  return { regencyCode: regency.code, regencyName: regency.name, years: r.rows.map(toRow) };
}

/** Enters or corrects a year's workforce and target (district officer or admin), audited. */
export async function setWorkforce(deps: Deps, actor: Actor, input: WorkforceInput) {
  if (!can(actor, 'workforce.manage')) throw new AppError('FORBIDDEN');
  const parsed = WorkforceInput.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('VALIDATION_FAILED', { detail });
  }
  const w = parsed.data;
  const regency = await reportRegency(deps.db, actor, w.regencyCode);
  if (!regency.whole) throw new AppError('REGION_NOT_FOUND', { code: w.regencyCode });
  const targetBp = Math.round(w.targetPercent * 100);
  return deps.db.transaction(async (tx) => {
    const before = await workforceOf(tx, w.regencyCode, w.year);
    const at = deps.clock.now();
    await tx.query(
      `INSERT INTO workforce (regency_code, year, workforce, source, target_percent_bp, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (regency_code, year) DO UPDATE SET workforce = $3, source = $4, target_percent_bp = $5,
         updated_by = $6, updated_at = $7`,
      [w.regencyCode, w.year, w.workforce, w.source, targetBp, actor.username, at],
    );
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'workforce.set',
      entity: 'workforce',
      entityId: `${w.regencyCode}/${w.year}`,
      regionCode: w.regencyCode,
      before: before ? { ...before } : null,
      after: { ...w },
    });
    return (await workforceOf(tx, w.regencyCode, w.year))!;
  });
}

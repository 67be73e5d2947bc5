// The workforce of a regency per year (the denominator of Universal Coverage Jamsostek), with its
// published source and the district's coverage target, stored as basis points.
import type { Queryable } from './types.ts';

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

/** Every year entered for a regency, newest first. */
export async function workforceYears(q: Queryable, regencyCode: string) {
  const r = await q.query<WorkforceRow>(`${SELECT} WHERE regency_code = $1 ORDER BY year DESC`, [
    regencyCode,
  ]);
  return r.rows.map(toRow);
}

export async function upsertWorkforce(
  q: Queryable,
  w: {
    regencyCode: string;
    year: number;
    workforce: number;
    source: string;
    targetBp: number;
    by: string;
    at: string;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO workforce (regency_code, year, workforce, source, target_percent_bp, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (regency_code, year) DO UPDATE SET workforce = $3, source = $4, target_percent_bp = $5,
       updated_by = $6, updated_at = $7`,
    [w.regencyCode, w.year, w.workforce, w.source, w.targetBp, w.by, w.at],
  );
}

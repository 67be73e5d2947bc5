import type { Queryable } from './types.ts';

// Work units (OPD) of government employers and the Non-ASN workers counted per unit (0025_non_asn.sql).

export interface WorkUnitRow {
  id: number;
  code: string;
  name: string;
  /** Non-ASN workers of the unit with an open employment. */
  activeEmployees: number;
}

export async function listWorkUnits(q: Queryable, employerId: number): Promise<WorkUnitRow[]> {
  const r = await q.query<WorkUnitRow>(
    `SELECT u.id, u.code, u.name,
            (SELECT count(*)::int FROM employment m WHERE m.work_unit_id = u.id AND m.end_date IS NULL) AS "activeEmployees"
     FROM work_unit u WHERE u.employer_id = $1 ORDER BY u.code`,
    [employerId],
  );
  return r.rows;
}

export async function findWorkUnit(q: Queryable, employerId: number, code: string) {
  const r = await q.query<{ id: number; code: string; name: string }>(
    'SELECT id, code, name FROM work_unit WHERE employer_id = $1 AND code = $2',
    [employerId, code],
  );
  return r.rows[0] ?? null;
}

export async function insertWorkUnit(
  q: Queryable,
  u: { employerId: number; code: string; name: string; by: string; at: string },
): Promise<number> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO work_unit (employer_id, regency_code, code, name, created_by, created_at)
     SELECT e.id, e.regency_code, $2, $3, $4, $5 FROM employer e WHERE e.id = $1 RETURNING id`,
    [u.employerId, u.code, u.name, u.by, u.at],
  );
  return r.rows[0]!.id;
}

export interface NonAsnCountRow {
  npp: string;
  employerName: string;
  /** null: workers whose employment names no unit yet. */
  workUnitCode: string | null;
  workUnitName: string | null;
  n: number;
}

/**
 * Active Non-ASN participants of a regency on `asOf`, per government employer and work unit: the
 * workers of employers marked as government whose participant status on that day (the latest
 * participant_status row by effective date, the order the count deltas use) is active. The
 * dashboard and the branch report both read this one query, so their figures agree.
 */
export async function nonAsnCountsAsOf(
  q: Queryable,
  a: { regencyCode: string; asOf: string },
): Promise<NonAsnCountRow[]> {
  const r = await q.query<NonAsnCountRow>(
    `SELECT e.npp, e.name AS "employerName", u.code AS "workUnitCode", u.name AS "workUnitName",
            count(*)::int AS n
     FROM employer e
     JOIN employment m ON m.employer_id = e.id
     LEFT JOIN work_unit u ON u.id = m.work_unit_id
     CROSS JOIN LATERAL (
       SELECT s.status FROM participant_status s
       WHERE s.participant_id = m.participant_id AND s.effective_date <= $2::date
       ORDER BY s.effective_date DESC, s.id DESC LIMIT 1) st
     WHERE e.regency_code = $1 AND e.is_government AND st.status = 'active'
     GROUP BY e.npp, e.name, u.code, u.name
     ORDER BY e.npp, u.code NULLS LAST`,
    [a.regencyCode, a.asOf],
  );
  return r.rows;
}

// Closed months of a regency (0021_period_close.sql): the books are closed through the latest
// closed period; a close is append-only.
import type { Queryable } from './types.ts';

export interface PeriodClose {
  regencyCode: string;
  period: string;
  closedBy: string;
  closedAt: string;
}

/** The latest closed period (YYYY-MM) of the regency, or null when no month is closed. */
export async function closedThrough(q: Queryable, regencyCode: string): Promise<string | null> {
  const r = await q.query<{ period: string | null }>(
    'SELECT max(period) AS period FROM period_close WHERE regency_code = $1',
    [regencyCode],
  );
  return r.rows[0]?.period ?? null;
}

export async function insertPeriodClose(q: Queryable, c: PeriodClose): Promise<void> {
  await q.query(
    'INSERT INTO period_close (regency_code, period, closed_by, closed_at) VALUES ($1, $2, $3, $4)',
    [c.regencyCode, c.period, c.closedBy, c.closedAt],
  );
}

/** The closing acts of a regency, latest first. */
export async function listPeriodCloses(q: Queryable, regencyCode: string): Promise<PeriodClose[]> {
  const r = await q.query<PeriodClose>(
    `SELECT regency_code AS "regencyCode", period, closed_by AS "closedBy", closed_at AS "closedAt"
     FROM period_close WHERE regency_code = $1 ORDER BY period DESC`,
    [regencyCode],
  );
  return r.rows.map((c) => ({ ...c, closedAt: new Date(c.closedAt).toISOString() }));
}

// The reports benchmark's long history (issue 18, point 2): years of daily status changes, and the
// branch closing every month of them, as a regency that has used lindung for a decade would have.
import type { Queryable } from '../src/db/types.ts';

/**
 * Every 10th worker lapses on a day of the years before the benchmark's year and resumes 30 days
 * later: one pair of status rows each, spread over every day, so participant_count_delta holds a
 * row per day, village and status, as daily operations leave it.
 */
export async function seedHistory(
  q: Queryable,
  a: { regencyCode: string; from: string; days: number; at: string },
): Promise<number> {
  const r = await q.query(
    `INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
     SELECT p.id, p.regency_code, x.status, $2::date + ((p.id / 10) % $3)::int + x.later, 'bench', 'bench', $4::timestamptz
     FROM participant p CROSS JOIN (VALUES ('lapsed', 0), ('active', 30)) AS x (status, later)
     WHERE p.regency_code = $1 AND p.id % 10 = 1`,
    [a.regencyCode, a.from, a.days, a.at],
  );
  return r.rowCount;
}

/** The branch closes every month from `from` through `through` (each close writes its snapshot, 0023). */
export async function closeMonths(
  q: Queryable,
  a: { regencyCode: string; from: string; through: string; at: string },
): Promise<void> {
  await q.query(
    `INSERT INTO period_close (regency_code, period, closed_by, closed_at)
     SELECT $1, to_char(m, 'YYYY-MM'), 'bench', $4::timestamptz
     FROM generate_series(to_date($2, 'YYYY-MM'), to_date($3, 'YYYY-MM'), interval '1 month') AS m`,
    [a.regencyCode, a.from, a.through, a.at],
  );
}

export async function deltaRows(q: Queryable, regencyCode: string): Promise<number> {
  const r = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM participant_count_delta WHERE regency_code = $1',
    [regencyCode],
  );
  return r.rows[0]!.n;
}

import { afterEach, describe, expect, it } from 'vitest';
import { knownMigrations, migrate } from '../../src/db/migrate.ts';
import { freshDb, type TestDb } from '../support/db.ts';

const AT = '2026-01-01T00:00:00Z';

/** One village, its payer and three BPU participants with a status history each, written by hand. */
async function historyBefore0007(t: TestDb): Promise<void> {
  await t.db.exec(`
    INSERT INTO region (code, parent_code, level, kind, name) VALUES
      ('53', NULL, 'province', NULL, 'NTT'), ('53.04', '53', 'regency', NULL, 'BELU'),
      ('53.04.01', '53.04', 'district', NULL, 'X'), ('53.04.01.2001', '53.04.01', 'village', 'desa', 'Kewar');
    INSERT INTO payer (kind, name, region_code, created_at) VALUES ('village', 'Desa Kewar', '53.04.01.2001', '${AT}');
    INSERT INTO person (nik, full_name, name_key, birth_date, sex, created_at)
      SELECT '530401010190000' || i, 'P' || i, 'p', '1990-01-01', 'L', '${AT}' FROM generate_series(1, 3) i;`);
  await t.db.exec(`
    INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code, regency_code,
      status, status_since, created_at)
    SELECT next_kpj(2026), p.id, 'BPU', ARRAY['JKK', 'JKM'], 'APBDES', 1, '53.04.01.2001', '53.04', 'active',
           '2026-02-01', '${AT}' FROM person p ORDER BY p.id;
    INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
    SELECT id, '53.04', s, d::date, 't', 't', '${AT}' FROM participant
    CROSS JOIN (VALUES ('verified', '2026-01-15'), ('active', '2026-02-01')) v (s, d);
    INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
    SELECT min(id), '53.04', 'lapsed', '2026-06-01', 't', 't', '${AT}' FROM participant;`);
}

describe('0007_reports', () => {
  let t: TestDb;
  afterEach(async () => t?.drop());

  it('counts the status history recorded before it was applied', async () => {
    t = await freshDb();
    const all = knownMigrations();
    await migrate(
      t.db,
      all.filter((m) => m.version < '0007'),
    );
    await historyBefore0007(t);
    await migrate(t.db, all);
    const on = async (day: string) =>
      (
        await t.db.query<{ status: string; n: number }>(
          `SELECT status, sum(delta)::int AS n FROM participant_count_delta WHERE effective_date <= $1
           GROUP BY status HAVING sum(delta) <> 0 ORDER BY status`,
          [day],
        )
      ).rows;
    expect(await on('2026-01-10')).toEqual([]);
    expect(await on('2026-01-20')).toEqual([{ status: 'verified', n: 3 }]);
    expect(await on('2026-03-01')).toEqual([{ status: 'active', n: 3 }]);
    expect(await on('2026-06-01')).toEqual([
      { status: 'active', n: 2 },
      { status: 'lapsed', n: 1 },
    ]);
  });
});

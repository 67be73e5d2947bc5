import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billableTariffKeys } from '../../src/db/billable.ts';
import type { Deps } from '../../src/services/actor.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';

// The run bills whoever's last status up to the period's end is active: the latest effective date,
// and of two changes on one day the later one (0038 reads it as the first row of each
// participant's group in participant_status_latest_idx).
describe('the billable set follows each participant’s last status up to the period’s end', () => {
  let deps: Deps;
  let t: TestDb;
  let ids: number[] = [];
  const changes = (rows: [number, string, string][]) =>
    deps.db.query(
      `INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
       SELECT x.id, '53.04', x.status, x.on_date, 'test', 'test', now()
       FROM unnest($1::bigint[], $2::text[], $3::date[]) WITH ORDINALITY AS x (id, status, on_date, n)
       ORDER BY x.n`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
    );

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, '53.04.01.2001', 10, { serialStart: 1 });
    const r = await deps.db.query<{ id: number }>(
      `SELECT id FROM participant WHERE region_code = '53.04.01.2001' ORDER BY id`,
    );
    ids = r.rows.map((x) => Number(x.id)).slice(0, 5);
    const [after, lapsed, resumed, lapsedSameDay, resumedSameDay] = ids as [
      number,
      number,
      number,
      number,
      number,
    ];
    // One statement per day's order: ids follow the rows' order.
    await changes([
      [after, 'lapsed', '2026-12-20'],
      [lapsed, 'lapsed', '2026-12-10'],
      [resumed, 'lapsed', '2026-12-05'],
      [resumed, 'active', '2026-12-10'],
      [lapsedSameDay, 'active', '2026-12-10'],
      [lapsedSameDay, 'lapsed', '2026-12-10'],
      [resumedSameDay, 'lapsed', '2026-12-10'],
      [resumedSameDay, 'active', '2026-12-10'],
    ]);
  });
  afterAll(async () => t?.drop());

  it('bills a change after the end as before it, and of one day’s changes the later one', async () => {
    const billed = await deps.db.transaction(async (tx) => {
      await billableTariffKeys(tx, '53.04', '2026-12-15', '2026-12');
      const r = await tx.query<{ id: number }>(
        'SELECT id FROM billing_billable WHERE id = ANY($1) ORDER BY id',
        [ids],
      );
      return r.rows.map((x) => Number(x.id));
    });
    const [after, , resumed, , resumedSameDay] = ids;
    expect(billed).toEqual([after, resumed, resumedSameDay]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/services/actor.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor } from '../support/actors.ts';
import { notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';

// 0011 replaced the foreign key of invoice_line.source_invoice_id by a trigger that skips the
// contribution lines: a late-fee line must still name an existing invoice.
describe('invoice line references (0011)', () => {
  let deps: Deps;
  let t: TestDb;
  let invoiceId = 0;
  const lateFee = (sourceInvoiceId: number) =>
    deps.db.query(
      `INSERT INTO invoice_line (invoice_id, regency_code, participant_id, source_invoice_id, period, program,
         payer_role, kind, amount_rp, basis)
       VALUES ($1, '53.04', NULL, $2, '2026-12', 'DENDA', 'employer', 'late_fee', 1000, 'test')`,
      [invoiceId, sourceInvoiceId],
    );

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, '53.04.01.2001', 10, { serialStart: 1 });
    const r = await runBilling(notBefore(deps, '2026-12-01'), await demoActor(deps, 'cabang.atambua'), {
      regencyCode: '53.04',
      period: '2026-12',
    });
    invoiceId = r.invoices[0]!.id;
  });
  afterAll(async () => t.drop());

  it('refuses a late-fee line whose source invoice does not exist', async () => {
    await expect(lateFee(invoiceId + 1000)).rejects.toThrow(/is not an invoice/);
  });

  it('accepts one whose source invoice exists', async () => {
    await lateFee(invoiceId);
    const n = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM invoice_line WHERE kind = 'late_fee' AND source_invoice_id = $1`,
      [invoiceId],
    );
    expect(n.rows[0]!.n).toBe(1);
  });
});

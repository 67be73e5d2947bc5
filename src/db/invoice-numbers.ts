import type { Queryable } from './types.ts';

// The one numbering of invoices, shared by billing runs and by the premium invoices of
// construction projects and PMI, so that their numbers come from one gap-free series per regency.

/** An invoice number: INV/<regency without dots>/<period>/<serial, at least 7 digits> (SQL over the given expressions). */
export const INVOICE_NUMBER = (regency: string, period: string, serial: string) =>
  `'INV/' || replace(${regency}, '.', '') || '/' || ${period} || '/' || lpad(${serial}::text, greatest(7, length(${serial}::text)), '0')`;

/**
 * Takes n invoice numbers from the regency's counter and returns the serial before the first.
 * The counter row moves in the caller's transaction (and stays locked until it ends): a run that
 * does not commit takes no number, so the series has no gaps (docs/billing.md "Invoice numbers").
 */
export async function takeInvoiceSerials(q: Queryable, regencyCode: string, n: number): Promise<number> {
  const r = await q.query<{ first: number }>(
    `INSERT INTO invoice_counter AS c (regency_code, last_serial) VALUES ($1, $2::bigint)
     ON CONFLICT (regency_code) DO UPDATE SET last_serial = c.last_serial + EXCLUDED.last_serial
     RETURNING c.last_serial - $2::bigint AS first`,
    [regencyCode, n],
  );
  return Number(r.rows[0]!.first);
}

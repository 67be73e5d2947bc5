import type { Queryable } from './types.ts';

// invoice_line is partitioned by period, one partition per month (0029). Partitions are created
// ahead by the application: a line written before its month exists lands in the DEFAULT
// partition, still correct, and ensure_period_partitions moves it out when the month is made.

/** The month `n` months after a 'YYYY-MM' period. */
function addMonths(period: string, n: number): string {
  const m = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + n;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

function monthsBetween(from: string, to: string): number {
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7))
  );
}

/**
 * Makes sure invoice_line has a partition for every month from the earliest to the latest of
 * `periods`, and for `ahead` months after the latest; returns how many it created. Creating a
 * partition locks invoice_line for the rest of the transaction: call it outside a long
 * transaction (the billing run calls it before its own), or in a short one.
 */
export async function ensureInvoiceLinePartitions(
  q: Queryable,
  periods: readonly string[],
  ahead = 0,
): Promise<number> {
  if (periods.length === 0) return 0;
  const sorted = [...periods].sort();
  const from = sorted[0]!;
  const months = monthsBetween(from, addMonths(sorted[sorted.length - 1]!, ahead)) + 1;
  const r = await q.query<{ n: number }>(`SELECT ensure_period_partitions('invoice_line', $1, $2) AS n`, [
    from,
    months,
  ]);
  return r.rows[0]!.n;
}

/**
 * Moves every line in invoice_line's DEFAULT partition into month partitions made for them (after
 * `db import`, whose COPY lands in whichever partitions exist); returns how many it created.
 */
export async function settleInvoiceLineDefault(q: Queryable): Promise<number> {
  const r = await q.query<{ first: string | null; last: string | null }>(
    `SELECT min(period) AS first, max(period) AS last FROM invoice_line
     WHERE tableoid = 'invoice_line_default'::regclass`,
  );
  const { first, last } = r.rows[0]!;
  if (first == null || last == null) return 0;
  let created = 0;
  // ensure_period_partitions takes at most 120 months at a time.
  for (let from = first; from <= last; from = addMonths(from, 120))
    created += await ensureInvoiceLinePartitions(q, [from, minPeriod(addMonths(from, 119), last)]);
  return created;
}

const minPeriod = (a: string, b: string) => (a < b ? a : b);

import type { Queryable } from './types.ts';

// invoice_line is partitioned by period, one partition per month (0029), and a month made since
// 0031 by regency within it; ledger_line and claim_event by the office month of their time
// (0035, 0036), unsplit. Months are created ahead by the application: a line written before
// its month exists lands in the DEFAULT partition, still correct, and ensure_period_partitions
// moves it out when the month is made. A regency's partition of a month is made by its first
// regular billing run (loaded, then attached) or by another writer (ensureRegencyPartitions).

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

/** The tables partitioned by month (0029, 0035, 0036). */
export type PeriodTable = 'invoice_line' | 'ledger_line' | 'claim_event';

/**
 * Makes sure `table` has a partition for every month from the earliest to the latest of
 * `periods`, and for `ahead` months after the latest; returns how many it created. Creating a
 * partition locks the table for the rest of the transaction: call it outside a long
 * transaction (the billing run calls it before its own), or in a short one.
 */
export async function ensurePeriodPartitions(
  q: Queryable,
  table: PeriodTable,
  periods: readonly string[],
  ahead = 0,
): Promise<number> {
  if (periods.length === 0) return 0;
  const sorted = [...periods].sort();
  const from = sorted[0]!;
  const months = monthsBetween(from, addMonths(sorted[sorted.length - 1]!, ahead)) + 1;
  const r = await q.query<{ n: number }>(`SELECT ensure_period_partitions($1, $2, $3) AS n`, [
    table,
    from,
    months,
  ]);
  return r.rows[0]!.n;
}

export const ensureInvoiceLinePartitions = (q: Queryable, periods: readonly string[], ahead = 0) =>
  ensurePeriodPartitions(q, 'invoice_line', periods, ahead);

/** The tables partitioned by the office month of their rows' time (0035, 0036). */
const OFFICE_MONTH_TABLES = ['ledger_line', 'claim_event'] as const;

/**
 * The office month of the instant `at` (office_period) and the `ahead` months after it, for the
 * ledger and the claim events: what is posted or decided then lands in its month's partition, not
 * the DEFAULT one. Returns how many partitions it created.
 */
export async function ensureOfficeMonthPartitions(q: Queryable, at: string, ahead = 2): Promise<number> {
  const r = await q.query<{ period: string }>('SELECT office_period($1::timestamptz) AS period', [at]);
  let created = 0;
  for (const table of OFFICE_MONTH_TABLES)
    created += await ensurePeriodPartitions(q, table, [r.rows[0]!.period], ahead);
  return created;
}

/**
 * Moves every row in the table's DEFAULT partition into month partitions made for them (after
 * `db import`, whose COPY lands in whichever partitions exist); returns how many it created.
 */
export async function settleDefaultPartition(q: Queryable, table: PeriodTable): Promise<number> {
  const r = await q.query<{ first: string | null; last: string | null }>(
    `SELECT min(period) AS first, max(period) AS last FROM ${table}
     WHERE tableoid = '${table}_default'::regclass`,
  );
  const { first, last } = r.rows[0]!;
  if (first == null || last == null) return 0;
  let created = 0;
  // ensure_period_partitions takes at most 120 months at a time.
  for (let from = first; from <= last; from = addMonths(from, 120))
    created += await ensurePeriodPartitions(q, table, [from, minPeriod(addMonths(from, 119), last)]);
  return created;
}

const minPeriod = (a: string, b: string) => (a < b ? a : b);

/**
 * Makes the regency's partition of each of `periods` whose month is split by regency (0031), for a
 * writer of lines other than a regular billing run; returns how many it made. Like
 * ensureInvoiceLinePartitions it locks (the month) until commit when it makes one.
 */
export async function ensureRegencyPartitions(
  q: Queryable,
  periods: readonly string[],
  regencyCode: string,
): Promise<number> {
  const r = await q.query<{ n: number }>(
    `SELECT count(*) FILTER (WHERE ensure_regency_partition('invoice_line', p, $2))::int AS n
     FROM unnest($1::text[]) AS p`,
    [[...new Set(periods)].sort(), regencyCode],
  );
  return r.rows[0]!.n;
}

/**
 * A regency's month of lines loaded before its indexes exist (0031): the name of an empty table of
 * invoice_line's shape to fill in this transaction and then attach (attachRegencyLines), or null
 * when the month is not split by regency or the regency's partition exists: then write through
 * invoice_line.
 */
export async function beginRegencyLines(
  q: Queryable,
  period: string,
  regencyCode: string,
): Promise<string | null> {
  const r = await q.query<{ leaf: string | null }>(
    `SELECT begin_regency_lines('invoice_line', $1, $2) AS leaf`,
    [period, regencyCode],
  );
  const leaf = r.rows[0]!.leaf;
  // Made by the function from a checked period and regency; checked again before it is spliced in.
  if (leaf != null && !/^invoice_line_p\d{4}_\d{2}_r\d{2}_\d{2}$/.test(leaf))
    throw new Error(`begin_regency_lines gave ${leaf}`);
  return leaf;
}

/** Attaches the table beginRegencyLines gave: its indexes are built then, its lines checked. */
export async function attachRegencyLines(q: Queryable, period: string, regencyCode: string): Promise<void> {
  await q.query(`SELECT attach_regency_lines('invoice_line', $1, $2)`, [period, regencyCode]);
}

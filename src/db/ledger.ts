// The one writer of the double-entry ledger (ledger_entry, ledger_line). Every entry it writes
// balances by construction: postEntry refuses lines that do not sum to zero before writing
// anything, and postBalancedEntries computes each entry's balancing line itself. The database
// checks the same at commit (ledger_line_balanced) and refuses any UPDATE or DELETE. A line
// carries its entry's regency and office month (office_period), ledger_line's partition key (0035).
import { AppError } from '../errors.ts';
import type { Queryable } from './types.ts';

export type LedgerKind = 'invoice' | 'payment' | 'payment_reversal' | 'benefit' | 'benefit_reversal';
export type LedgerAccount =
  | 'receivable'
  | 'contribution_income'
  | 'cash'
  | 'benefit_expense'
  | 'benefit_payable';

export interface LedgerEntry {
  regencyCode: string;
  kind: LedgerKind;
  /** The row the entry books (invoice, payment or payout id): one entry per kind and ref. */
  refId: number;
  at: string;
}

export interface LedgerLine {
  account: LedgerAccount;
  payerId?: number | null;
  program?: string | null;
  /** Debit positive, credit negative; never 0. */
  amountRp: number;
}

/** Writes one entry with its lines, or throws LEDGER_UNBALANCED (writing nothing) when they do not sum to zero. */
export async function postEntry(
  q: Queryable,
  entry: LedgerEntry,
  lines: readonly LedgerLine[],
): Promise<number> {
  const ok = lines.every((l) => Number.isSafeInteger(l.amountRp) && l.amountRp !== 0);
  if (!ok || lines.length < 2 || lines.reduce((s, l) => s + l.amountRp, 0) !== 0)
    throw new AppError('LEDGER_UNBALANCED', { entry: `${entry.kind} ${entry.refId}` });
  const e = await q.query<{ id: number }>(
    `INSERT INTO ledger_entry (regency_code, kind, ref_id, at) VALUES ($1, $2, $3, $4) RETURNING id`,
    [entry.regencyCode, entry.kind, entry.refId, entry.at],
  );
  const id = e.rows[0]!.id;
  await q.query(
    `INSERT INTO ledger_line (entry_id, account, payer_id, program, amount_rp, regency_code, period)
     SELECT $1::bigint, l.*, $6, office_period($7::timestamptz)
     FROM unnest($2::text[], $3::bigint[], $4::text[], $5::bigint[]) AS l`,
    [
      id,
      lines.map((l) => l.account),
      lines.map((l) => l.payerId ?? null),
      lines.map((l) => l.program ?? null),
      lines.map((l) => l.amountRp),
      entry.regencyCode,
      entry.at,
    ],
  );
  return id;
}

/**
 * The rows a set-based posting reads, as SQL over the caller's tables (both share `params`):
 * `entries` yields (regency_code, ref_id, payer_id, program), one entry each, with the payer and
 * programme of its balancing line; `lines` yields (ref_id, account, payer_id, program, amount_rp),
 * the entry's other lines.
 */
export interface LedgerSource {
  entries: string;
  lines: string;
  params: readonly unknown[];
}

/**
 * Set-based posting (a billing run, a bank result file): one entry per row of `entries`, its
 * lines, and a balancing line on `balancingAccount` for minus their sum (left out when that is 0),
 * so every entry sums to zero by construction. One statement; both sources are read once.
 */
export async function postBalancedEntries(
  q: Queryable,
  a: { kind: LedgerKind; at: string; balancingAccount: LedgerAccount; source: LedgerSource },
): Promise<void> {
  const n = a.source.params.length;
  await q.query(
    `WITH src AS MATERIALIZED (${a.source.entries}),
     l AS MATERIALIZED (${a.source.lines}),
     e AS (
       INSERT INTO ledger_entry (regency_code, kind, ref_id, at)
       SELECT regency_code, $${n + 1}::text, ref_id, $${n + 2}::timestamptz FROM src
       RETURNING id, ref_id, regency_code)
     INSERT INTO ledger_line (entry_id, account, payer_id, program, amount_rp, regency_code, period)
     SELECT x.*, office_period($${n + 2}::timestamptz) FROM (
       SELECT e.id, $${n + 3}::text, src.payer_id, src.program, (-sum(l.amount_rp))::bigint, e.regency_code
       FROM e JOIN src ON src.ref_id = e.ref_id JOIN l ON l.ref_id = e.ref_id
       GROUP BY e.id, e.regency_code, src.payer_id, src.program HAVING sum(l.amount_rp) <> 0
       UNION ALL
       SELECT e.id, l.account, l.payer_id, l.program, l.amount_rp, e.regency_code FROM e JOIN l ON l.ref_id = e.ref_id) x`,
    [...a.source.params, a.kind, a.at, a.balancingAccount],
  );
}

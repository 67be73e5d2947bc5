import { postEntry } from './ledger.ts';
import type { Queryable } from './types.ts';

export interface PaymentRow {
  id: number;
  payerId: number;
  amountRp: number;
  receivedOn: string;
  reference: string;
  idempotencyKey: string;
  requestHash: string;
  reversesId: number | null;
  postedAt: string;
}

const SELECT_PAYMENT = `SELECT id, payer_id AS "payerId", amount_rp AS "amountRp", received_on AS "receivedOn", reference,
  idempotency_key AS "idempotencyKey", request_hash AS "requestHash", reverses_id AS "reversesId", posted_at AS "postedAt"
  FROM payment`;

/** The payment this user posted with this idempotency key: keys are per user (migration 0016). */
export async function findPaymentByKey(q: Queryable, actor: string, key: string) {
  return (
    (await q.query<PaymentRow>(`${SELECT_PAYMENT} WHERE actor = $1 AND idempotency_key = $2`, [actor, key]))
      .rows[0] ?? null
  );
}

export async function findPayment(q: Queryable, id: number) {
  return (await q.query<PaymentRow>(`${SELECT_PAYMENT} WHERE id = $1`, [id])).rows[0] ?? null;
}

export async function findReversal(q: Queryable, id: number) {
  return (await q.query<PaymentRow>(`${SELECT_PAYMENT} WHERE reverses_id = $1`, [id])).rows[0] ?? null;
}

/** A payer the caller may post for: its region (village, regency or employer's) lies in scope. */
export async function findPayerInScope(q: Queryable, payerId: number, scopes: readonly string[]) {
  const r = await q.query<{ id: number; name: string; kind: string; regionCode: string }>(
    `SELECT id, name, kind, region_code AS "regionCode" FROM payer WHERE id = $1 AND region_in_scope(region_code, $2::text[])`,
    [payerId, scopes],
  );
  return r.rows[0] ?? null;
}

export async function insertPayment(
  q: Queryable,
  p: {
    payerId: number;
    regencyCode: string;
    amountRp: number;
    receivedOn: string;
    reference: string;
    key: string;
    hash: string;
    reversesId: number | null;
    at: string;
    actor: string;
  },
) {
  const r = await q.query<{ id: number }>(
    `INSERT INTO payment (payer_id, regency_code, amount_rp, received_on, reference, idempotency_key, request_hash,
       reverses_id, posted_at, actor)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      p.payerId,
      p.regencyCode,
      p.amountRp,
      p.receivedOn,
      p.reference,
      p.key,
      p.hash,
      p.reversesId,
      p.at,
      p.actor,
    ],
  );
  return r.rows[0]!.id;
}

/** Cash in (or out, for a reversal) against the payer's receivable: one balanced entry. */
export async function bookPayment(
  q: Queryable,
  p: {
    paymentId: number;
    payerId: number;
    regencyCode: string;
    amountRp: number;
    at: string;
    reversal: boolean;
  },
) {
  await postEntry(
    q,
    {
      regencyCode: p.regencyCode,
      kind: p.reversal ? 'payment_reversal' : 'payment',
      refId: p.paymentId,
      at: p.at,
    },
    [
      { account: 'cash', amountRp: p.amountRp },
      { account: 'receivable', payerId: p.payerId, amountRp: -p.amountRp },
    ],
  );
}

/**
 * Matches the payer's money to its invoices, append-only: unallocated money settles open
 * invoices oldest first (due date, then number); money taken back by a reversal releases the
 * newest allocations first. Partial payments leave an invoice partly open; overpayment stays
 * as credit for the next invoices.
 */
export async function rebalanceAllocations(q: Queryable, payerId: number, paymentId: number, at: string) {
  await q.query(
    `WITH paid AS (
       SELECT i.id, i.due_date, i.total_rp,
              coalesce((SELECT sum(a.amount_rp) FROM payment_allocation a WHERE a.invoice_id = i.id), 0) AS paid_rp
       FROM invoice i WHERE i.payer_id = $1 AND i.total_rp > 0),
     money AS (
       SELECT (SELECT coalesce(sum(amount_rp), 0) FROM payment WHERE payer_id = $1)
            - (SELECT coalesce(sum(paid_rp), 0) FROM paid) AS free_rp),
     open AS (
       SELECT id, total_rp - paid_rp AS open_rp,
              sum(total_rp - paid_rp) OVER (ORDER BY due_date, id) - (total_rp - paid_rp) AS before_rp
       FROM paid WHERE total_rp > paid_rp),
     settled AS (
       SELECT id, paid_rp,
              sum(paid_rp) OVER (ORDER BY due_date DESC, id DESC) - paid_rp AS before_rp
       FROM paid WHERE paid_rp > 0)
     INSERT INTO payment_allocation (payment_id, invoice_id, amount_rp, at)
     SELECT $2::bigint, o.id, least(o.open_rp, m.free_rp - o.before_rp), $3::timestamptz
     FROM open o, money m WHERE m.free_rp > 0 AND m.free_rp - o.before_rp > 0
     UNION ALL
     SELECT $2::bigint, s.id, -least(s.paid_rp, -m.free_rp - s.before_rp), $3::timestamptz
     FROM settled s, money m WHERE m.free_rp < 0 AND -m.free_rp - s.before_rp > 0`,
    [payerId, paymentId, at],
  );
}

export async function payerBalances(q: Queryable, payerId: number) {
  const r = await q.query<{ receivableRp: number; invoicedRp: number; paidRp: number; allocatedRp: number }>(
    `SELECT (SELECT coalesce(sum(amount_rp), 0) FROM ledger_line WHERE account = 'receivable' AND payer_id = $1)::bigint AS "receivableRp",
            (SELECT coalesce(sum(total_rp), 0) FROM invoice WHERE payer_id = $1)::bigint AS "invoicedRp",
            (SELECT coalesce(sum(amount_rp), 0) FROM payment WHERE payer_id = $1)::bigint AS "paidRp",
            (SELECT coalesce(sum(a.amount_rp), 0) FROM payment_allocation a JOIN invoice i ON i.id = a.invoice_id
             WHERE i.payer_id = $1)::bigint AS "allocatedRp"`,
    [payerId],
  );
  return r.rows[0]!;
}

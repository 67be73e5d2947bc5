// A BPU mandiri payment by personal payment code (issue 13 point 1): the months it covers are the
// earliest unpaid ones — first those a reversed payment left owed on the member's invoices, then
// the next new months (arrears first: a member may pay back at most the months before a lapse,
// Perdir 22/PERDIR.02/072022), each priced by the rules of its own month; new months come with an
// invoice of their own (kind 'bpu'), the payment is booked against the member's invoices, and a
// lapsed member restarts cover on the day the money came. Once per idempotency key of the posting user.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '../../db/audit.ts';
import { invoicedMonths, resumeBpu } from '../../db/bpu.ts';
import { lockKey } from '../../db/locks.ts';
import { bookPayment, insertPayment, rebalanceAllocations } from '../../db/payments.ts';
import { issuePremiumInvoice } from '../../db/pmi.ts';
import { AppError } from '../../errors.ts';
import { isValidDate } from '../../rules/calendar.ts';
import { Explainer } from '../../rules/explanation.ts';
import { formatRp } from '../../rules/format.ts';
import { jatuhTempoBpu } from '../../rules/iuran/jatuh-tempo.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { parseInput } from '../list-employers.ts';
import { replayedPayment } from '../payment-replay.ts';
import { ruleBook } from '../rule-book.ts';
import { bulanTahun, monthYearEn } from '../tanggal-id.ts';
import { requireNotFuture, requireOpenPeriod } from '../time-guards.ts';
import { nextBpuMonths } from './iuran-months.ts';

export const BpuPaymentInput = z.strictObject({
  paymentCode: z
    .string()
    .trim()
    .regex(/^88\d{11}$/, 'a payment code: 88 and 11 digits'),
  /** Months paid; the registration's frequency when left out. */
  months: z.number().int().min(1).max(12).optional(),
  amountRp: z.number().int().positive(),
  receivedOn: z.string().refine(isValidDate, 'DATE_INVALID'),
  reference: z.string().trim().min(1).max(100),
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{8,100}$/, 'idempotencyKey: 8–100 characters A-Z a-z 0-9 . _ : -'),
});
export type BpuPaymentInput = z.input<typeof BpuPaymentInput>;

/** 'Januari 2026 – Maret 2026', or 'Januari 2026' for one month. */
function monthSpan(name: (period: string) => string, from: string, to: string): string {
  return from === to ? name(from) : `${name(from)} – ${name(to)}`;
}

export async function payBpu(deps: Deps, actor: Actor, input: BpuPaymentInput) {
  requirePermission(actor, 'bpu.pay');
  const p = parseInput(BpuPaymentInput, input);
  const hash = createHash('sha256')
    .update(JSON.stringify(['bpu', p.paymentCode, p.months ?? null, p.amountRp, p.receivedOn, p.reference]))
    .digest('hex');
  return deps.db.transaction(async (tx) => {
    const reg = await requireInScope(tx, actor, 'bpu_registration', p.paymentCode);
    requireNotFuture(deps.clock, 'receivedOn', p.receivedOn);
    const existing = await replayedPayment(tx, actor.username, p.idempotencyKey, hash);
    if (existing) return { paymentId: existing.id, replayed: true, registration: reg };
    if (reg.collection === 'agent')
      throw new AppError('BPU_COLLECTED_BY_AGENT', { agent: reg.agentName ?? '' });
    if (reg.status !== 'active' && reg.status !== 'lapsed')
      throw new AppError('BPU_NOT_PAYABLE', { status: reg.status });
    await lockKey(tx, `payer:${reg.payerId}`);
    const regencyCode = reg.regionCode.slice(0, 5);
    await requireOpenPeriod(tx, regencyCode, 'receivedOn', p.receivedOn);
    const months = p.months ?? reg.frequencyMonths;
    const due = nextBpuMonths(reg, await invoicedMonths(tx, reg.id), p.receivedOn, months);
    if (p.amountRp !== due.totalRp)
      throw new AppError('BPU_AMOUNT_MISMATCH', {
        months,
        monthCount: `${months} bulan`,
        monthCountEn: months === 1 ? '1 month' : `${months} months`,
        from: due.from,
        to: due.to,
        expectedRp: due.totalRp,
        expectedAmount: formatRp(due.totalRp),
        monthSpan: monthSpan(bulanTahun, due.from, due.to),
        monthSpanEn: monthSpan(monthYearEn, due.from, due.to),
      });
    const at = deps.clock.now();
    // Months still owed on the member's invoices (a reversed payment's) are settled there, oldest
    // first, by the allocation below; only the new months get an invoice of their own.
    const invoice = due.newFrom
      ? await issuePremiumInvoice(tx, {
          kind: 'bpu',
          regencyCode,
          period: due.newFrom,
          payerId: reg.payerId,
          participantId: reg.id,
          dueDate: jatuhTempoBpu(new Explainer(ruleBook().book), due.newFrom),
          lines: due.lines,
          at,
        })
      : undefined;
    const paymentId = await insertPayment(tx, {
      payerId: reg.payerId,
      regencyCode,
      amountRp: p.amountRp,
      receivedOn: p.receivedOn,
      reference: p.reference,
      key: p.idempotencyKey,
      hash,
      reversesId: null,
      at,
      actor: actor.username,
    });
    await bookPayment(tx, {
      paymentId,
      payerId: reg.payerId,
      regencyCode,
      amountRp: p.amountRp,
      at,
      reversal: false,
    });
    await rebalanceAllocations(tx, reg.payerId, paymentId, at);
    const resumed = reg.status === 'lapsed';
    if (resumed) {
      await resumeBpu(tx, {
        participantId: reg.id,
        regencyCode,
        on: p.receivedOn,
        reason: 'BPU mandiri: iuran dibayar kembali / paid again (Perdir 22/PERDIR.02/072022)',
        actor: actor.username,
        at,
      });
    }
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'bpu.pay',
      entity: 'participant',
      entityId: String(reg.id),
      regionCode: reg.regionCode,
      after: {
        paymentId,
        invoice: invoice?.number ?? null,
        ...(due.owed.length > 0 ? { owedMonths: due.owed.map((m) => m.period) } : {}),
        amountRp: p.amountRp,
        receivedOn: p.receivedOn,
        months: { from: due.from, to: due.to },
        ...(resumed ? { resumed: true } : {}),
      },
    });
    const registration = await requireInScope(tx, actor, 'bpu_registration', p.paymentCode);
    return { paymentId, replayed: false, invoice, months: { from: due.from, to: due.to }, registration };
  });
}

// Maker/checker: the branch officer submits (the rules compute the benefit), a branch supervisor
// who is not the maker approves or rejects with a coded reason; an appeal reopens a rejected claim
// for a second checker who is not the first.
import { recordAudit } from '../../db/audit.ts';
import { findClaimParticipant } from '../../db/claim-participants.ts';
import { type ClaimRow, lastClaimActor } from '../../db/claim-reads.ts';
import { type ClaimStatus, transitionClaims } from '../../db/claims.ts';
import type { Queryable } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { findReason } from '../../rules/klaim/alasan-penolakan.ts';
import { jkkReportNote } from '../../rules/klaim/laporan-jkk.ts';
import { refusalFromRules } from '../../rules/klaim/penolakan.ts';
import { can, requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { officeDate } from '../clock.ts';
import { ruleBook } from '../rule-book.ts';
import { computeBenefit } from './benefit.ts';
import type { ClaimantRelation, ClaimProgram } from './catalog.ts';
import { missingDocuments } from './documents.ts';
import { checkEligibility } from './eligibility.ts';
import { benefitExplanation, type ClaimExplanation, refusalExplanation } from './explain.ts';
import { eligibilityContext } from './file-claim.ts';
import { DecisionInput } from './schemas.ts';

type Outcome =
  | { ok: true; amountRp: number; rulesVersion: string; explanation: ClaimExplanation }
  | { ok: false; code: string; rulesVersion: string; explanation: ClaimExplanation };

/** Eligibility again (facts may have changed since intake), then the benefit by the rules. */
async function evaluate(tx: Queryable, c: ClaimRow, today: string): Promise<Outcome> {
  const p = (await findClaimParticipant(tx, { participantId: c.participantId, scopes: null }))!;
  const ctx = await eligibilityContext(tx, p, today, c.id);
  const facts = {
    program: c.program as ClaimProgram,
    kind: c.kind,
    eventDate: c.eventDate,
    eventDetail: c.eventDetail,
    claimantRelation: c.claimantRelation as ClaimantRelation,
  };
  const report = c.program === 'JKK' ? jkkReportNote(c.eventDetail) : null;
  const notes = report ? [{ code: report.code, id: report.id, en: report.en }] : [];
  const liability = report ? (report.late ? ('employer' as const) : ('bpjs' as const)) : undefined;
  const refusal = await checkEligibility(ctx, facts);
  if (refusal) {
    return {
      ok: false,
      code: refusal.code,
      rulesVersion: ruleBook().version,
      explanation: refusalExplanation(refusal, notes),
    };
  }
  const { result, rulesVersion: version } = await computeBenefit(tx, facts, p, ctx.ranges, today);
  if (!result.eligible) {
    const r = refusalFromRules(result.reasons);
    return { ok: false, code: r.code, rulesVersion: version, explanation: refusalExplanation(r, notes) };
  }
  return {
    ok: true,
    amountRp: result.totalRp,
    rulesVersion: version,
    explanation: benefitExplanation(result, notes, liability),
  };
}

function requireStatus(c: ClaimRow, ...allowed: string[]) {
  if (!allowed.includes(c.status)) throw new AppError('CLAIM_STATE', { number: c.number, status: c.status });
}

async function writeStep(
  tx: Queryable,
  actor: Actor,
  c: ClaimRow,
  step: {
    action: 'submit' | 'approve' | 'reject' | 'appeal';
    to: ClaimStatus;
    refusalCode: string | null;
    amountRp?: number | null;
    rulesVersion?: string | null;
    explanation?: ClaimExplanation;
    note?: string | null;
  },
  at: string,
) {
  await transitionClaims(
    tx,
    [
      {
        claimId: c.id,
        action: step.action,
        to: step.to,
        note: step.note ?? null,
        amountRp: step.amountRp ?? null,
        decision: {
          refusalCode: step.refusalCode,
          rulesVersion: step.rulesVersion ?? null,
          explanation: step.explanation,
        },
      },
    ],
    { actor: actor.username, at },
  );
  await recordAudit(tx, {
    at,
    actor: actor.username,
    action: `claim.${step.action}`,
    entity: 'claim',
    entityId: String(c.id),
    regionCode: c.regionCode,
    before: { status: c.status },
    after: {
      status: step.to,
      refusalCode: step.refusalCode,
      amountRp: step.amountRp ?? null,
      rulesVersion: step.rulesVersion ?? null,
    },
  });
  return {
    id: c.id,
    number: c.number,
    status: step.to,
    refusalCode: step.refusalCode,
    amountRp: step.amountRp ?? c.amountRp,
  };
}

/** Maker: documents complete → the rules decide the amount → 'submitted' (or 'rejected' if now ineligible). */
export async function submitClaim(deps: Deps, actor: Actor, claimId: number) {
  if (!can(actor, 'claims.file') || actor.role === 'participant') throw new AppError('FORBIDDEN');
  return deps.db.transaction(async (tx) => {
    const c = await requireInScope(tx, actor, 'claim', claimId, { lock: true });
    requireStatus(c, 'filed');
    const missing = await missingDocuments(tx, c);
    if (missing.length) throw new AppError('DOCUMENTS_INCOMPLETE', { missing: missing.join(', ') });
    const at = deps.clock.now();
    const o = await evaluate(tx, c, officeDate(at));
    return o.ok
      ? writeStep(tx, actor, c, { action: 'submit', to: 'submitted', refusalCode: null, ...o }, at)
      : writeStep(tx, actor, c, { action: 'reject', to: 'rejected', refusalCode: o.code, ...o }, at);
  });
}

/**
 * A decision that pays Rp 0 is never approved silently (issue 13, 7): the checker states why, and
 * the reason is kept as the approval's note; without one the approval is refused.
 */
function zeroAmountNote(
  number: string,
  amountRp: number | null,
  reason: string | undefined,
  note: string | null,
) {
  if (amountRp !== null && amountRp > 0) return note;
  if (!reason) throw new AppError('CLAIM_ZERO_AMOUNT', { number });
  return [`Rp 0: ${reason}`, note].filter(Boolean).join(' — ').slice(0, 1000);
}

/** Checker: approve, or reject with a catalog reason; never the maker, and on appeal never the first checker. */
export async function decideClaim(deps: Deps, actor: Actor, claimId: number, input: DecisionInput) {
  requirePermission(actor, 'claims.decide');
  const parsed = DecisionInput.safeParse(input);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', { detail: 'approve, reasonCode, note, zeroAmountReason' });
  const d = parsed.data;
  if (!d.approve) {
    if (!d.reasonCode) throw new AppError('REASON_REQUIRED');
    if (!findReason(d.reasonCode)) throw new AppError('CLAIM_REASON_UNKNOWN', { code: d.reasonCode });
  }
  return deps.db.transaction(async (tx) => {
    const c = await requireInScope(tx, actor, 'claim', claimId, { lock: true });
    requireStatus(c, 'submitted', 'appealed');
    const maker = await lastClaimActor(tx, c.id, ['submit']);
    if (actor.username === c.filedBy || actor.username === maker) {
      throw new AppError('SAME_PERSON', { role: 'pembuat (maker)' });
    }
    if (c.status === 'appealed') {
      const first = await lastClaimActor(tx, c.id, ['approve', 'reject']);
      if (actor.username === first)
        throw new AppError('SAME_PERSON', { role: 'pemeriksa pertama (first checker)' });
    }
    const at = deps.clock.now();
    const note = d.note ?? null;
    if (!d.approve)
      return writeStep(
        tx,
        actor,
        c,
        { action: 'reject', to: 'rejected', refusalCode: d.reasonCode!, note },
        at,
      );
    if (c.status === 'submitted') {
      const why = zeroAmountNote(c.number, c.amountRp, d.zeroAmountReason, note);
      return writeStep(tx, actor, c, { action: 'approve', to: 'approved', refusalCode: null, note: why }, at);
    }
    // An appeal is approved only when the rules, on today's facts, allow the benefit.
    const o = await evaluate(tx, c, officeDate(at));
    if (!o.ok) throw new AppError('CLAIM_NOT_ELIGIBLE', { detail: o.explanation.refusal?.id ?? o.code });
    const why = zeroAmountNote(c.number, o.amountRp, d.zeroAmountReason, note);
    return writeStep(
      tx,
      actor,
      c,
      { action: 'approve', to: 'approved', refusalCode: null, ...o, note: why },
      at,
    );
  });
}

/** The claimant (through the branch, or themself) contests a refusal; a second checker decides. */
export async function appealClaim(deps: Deps, actor: Actor, claimId: number, input: { note: string }) {
  requirePermission(actor, 'claims.file');
  const note = (input.note ?? '').trim();
  if (!note) throw new AppError('REASON_REQUIRED');
  return deps.db.transaction(async (tx) => {
    const c = await requireInScope(tx, actor, 'claim', claimId, { lock: true });
    requireStatus(c, 'rejected');
    return writeStep(
      tx,
      actor,
      c,
      { action: 'appeal', to: 'appealed', refusalCode: null, note: note.slice(0, 1000) },
      deps.clock.now(),
    );
  });
}

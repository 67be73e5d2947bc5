// Intake of a claim at the branch or by the participant (self-service). Input errors write
// nothing; a claim the rules refuse is stored as 'rejected' with its reason — the family's record.
import { recordAudit } from '../../db/audit.ts';
import { standingAutomaticRefusal } from '../../db/claim-intake.ts';
import {
  type ClaimParticipant,
  coverageEndOn,
  employmentOfParticipant,
  openClaimsOfPerson,
} from '../../db/claim-participants.ts';
import { insertClaim } from '../../db/claims.ts';
import { coverageRanges } from '../../db/coverage.ts';
import { lockKey } from '../../db/locks.ts';
import type { Queryable } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { isValidDate } from '../../rules/calendar.ts';
import { jkkReportNote } from '../../rules/klaim/laporan-jkk.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { officeDate } from '../clock.ts';
import { ruleBook } from '../rule-book.ts';
import { requireNotFuture } from '../time-guards.ts';
import { BANKS, type ClaimantRelation, findKind } from './catalog.ts';
import { type Context, checkEligibility } from './eligibility.ts';
import { intakeExplanation, refusalExplanation } from './explain.ts';
import { FileClaimInput } from './schemas.ts';

function parse(input: FileClaimInput) {
  const p = FileClaimInput.safeParse(input);
  if (!p.success) {
    const detail = p.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    throw new AppError('VALIDATION_FAILED', { detail }, p.error.issues);
  }
  return p.data;
}

type Parsed = ReturnType<typeof parse>;

/** Checks that need no database: kind, dates, claimant, bank account, JKK report facts. */
function validate(c: Parsed) {
  const kind = findKind(c.program, c.kind);
  if (!kind) throw new AppError('CLAIM_KIND_UNKNOWN', { kind: c.kind, program: c.program });
  const bad = (detail: string) => new AppError('VALIDATION_FAILED', { detail });
  if (!isValidDate(c.eventDate)) throw bad('eventDate: YYYY-MM-DD');
  if (!/^\d{6,20}$/.test(c.bank.account)) throw new AppError('BANK_ACCOUNT_INVALID');
  if (!BANKS[c.bank.code]) throw new AppError('BANK_UNKNOWN', { code: c.bank.code });
  const death = kind.death || (c.program === 'JHT' && c.eventDetail.reason === 'death');
  if (death && c.claimant.relation === 'peserta') throw bad('claimant.relation: ahli waris / an heir');
  if (!death && c.claimant.relation !== 'peserta') throw bad('claimant.relation: peserta');
  // JKP is paid for a PHK: the claim names the evidence of it (PP 37/2021; fact sheet §3.5–3.6).
  if (c.program === 'JKP' && !c.eventDetail.phkEvidence) {
    throw bad('eventDetail.phkEvidence: bukti PHK wajib untuk JKP / PHK evidence is required for JKP');
  }
  if (c.program === 'JKK') {
    const d = c.eventDetail;
    if (!d.accidentAt || !d.reportedAt || !d.reportedBy) {
      throw bad('eventDetail.accidentAt, reportedAt, reportedBy: wajib untuk JKK / required for JKK');
    }
    if (Date.parse(d.reportedAt) < Date.parse(d.accidentAt)) throw bad('eventDetail.reportedAt < accidentAt');
  }
}

export async function eligibilityContext(
  q: Queryable,
  p: ClaimParticipant,
  today: string,
  exceptClaimId = 0,
) {
  const ctx: Context = {
    participant: p,
    ranges: await coverageRanges(q, p.id),
    endedBy: (date) => coverageEndOn(q, p.id, date),
    openClaims: (await openClaimsOfPerson(q, p.personId)).filter((c) => c.id !== exceptClaimId),
    employment: await employmentOfParticipant(q, p.id),
    today,
  };
  return ctx;
}

export async function fileClaim(deps: Deps, actor: Actor, input: FileClaimInput) {
  requirePermission(actor, 'claims.file');
  const c = parse(input);
  const now = deps.clock.now();
  const today = officeDate(now);
  validate(c);
  requireNotFuture(deps.clock, 'eventDate', c.eventDate);
  return deps.db.transaction(async (tx) => {
    const p = await requireInScope(tx, actor, 'claim_participant', {
      ...(c.kpj !== undefined ? { kpj: c.kpj } : {}),
      ...(c.participantId !== undefined ? { participantId: c.participantId } : {}),
    });
    if (!p.officeCode) throw new AppError('NOT_FOUND');
    // One intake per person at a time: the duplicate check and the insert see each other.
    await lockKey(tx, `claim:person:${p.personId}`);
    const ctx = await eligibilityContext(tx, p, today);
    const refusal = await checkEligibility(ctx, {
      program: c.program,
      kind: c.kind,
      eventDate: c.eventDate,
      eventDetail: c.eventDetail,
      claimantRelation: c.claimant.relation as ClaimantRelation,
      ...(c.heirs ? { heirs: c.heirs as ClaimantRelation[] } : {}),
    });
    // The rules refused this before for the same reason, and it still holds: pressing "Simpan"
    // again files nothing new (the person lock above makes a double press see the first one).
    const earlier = refusal
      ? await standingAutomaticRefusal(tx, {
          participantId: p.id,
          program: c.program,
          refusalCode: refusal.code,
        })
      : null;
    if (earlier)
      throw new AppError('CLAIM_ALREADY_REFUSED', {
        number: earlier.number,
        reasonCode: refusal!.code,
        reason: refusal!.id,
        reasonEn: refusal!.en,
      });
    const report = c.program === 'JKK' ? jkkReportNote(c.eventDetail) : null;
    const notes = report ? [{ code: report.code, id: report.id, en: report.en }] : [];
    const liability = report ? (report.late ? 'employer' : 'bpjs') : undefined;
    const explanation = refusal ? refusalExplanation(refusal, notes) : intakeExplanation(notes, liability);
    const status = refusal ? ('rejected' as const) : ('filed' as const);
    const version = ruleBook().version;
    const claim = await insertClaim(tx, {
      participantId: p.id,
      personId: p.personId,
      regencyCode: p.regencyCode,
      officeCode: p.officeCode!,
      program: c.program,
      kind: c.kind,
      eventDate: c.eventDate,
      eventDetail: {
        ...c.eventDetail,
        ...(report ? { reportHours: report.hours, reportLate: report.late } : {}),
      },
      claimantRelation: c.claimant.relation,
      claimantName: c.claimant.name,
      claimantNik: c.claimant.nik,
      bankCode: c.bank.code,
      bankAccount: c.bank.account,
      accountHolder: c.bank.holder,
      channel: actor.role === 'participant' ? 'self_service' : 'branch',
      status,
      refusalCode: refusal?.code ?? null,
      explanation,
      rulesVersion: version,
      filedBy: actor.username,
      at: now,
    });
    await recordAudit(tx, {
      at: now,
      actor: actor.username,
      action: 'claim.file',
      entity: 'claim',
      entityId: String(claim.id),
      regionCode: p.regionCode,
      after: {
        number: claim.number,
        kpj: p.kpj,
        program: c.program,
        kind: c.kind,
        eventDate: c.eventDate,
        status,
        refusalCode: refusal?.code ?? null,
        bankAccount: c.bank.account,
      },
    });
    return { id: claim.id, number: claim.number, status, ...(refusal ? { refusal } : {}) };
  });
}

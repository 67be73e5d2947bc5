// Reading claims: one claim with its documents, checklist, events and explanation; the queue with
// SLA due dates (WITA) and the overdue flag. Bank accounts always show only their last 4 digits.
import { claimDocuments } from '../../db/claim-documents.ts';
import { type ClaimRow, claimEvents, queryClaims } from '../../db/claim-reads.ts';
import { AppError } from '../../errors.ts';
import { maskAccount, maskName, maskNik } from '../../privacy/mask.ts';
import { CLAIM_REASONS, findReason } from '../../rules/klaim/alasan-penolakan.ts';
import { can, claimAccess, requireInScope } from '../access.ts';
import { type Actor, type Deps, SEES_PERSONAL_DATA } from '../actor.ts';
import { officeDate } from '../clock.ts';
import { keysetPage } from '../keyset-page.ts';
import { BANKS, type ClaimProgram, findKind } from './catalog.ts';
import { checklist } from './documents.ts';
import type { ClaimExplanation } from './explain.ts';
import { ClaimListFilter } from './schemas.ts';

const OPEN = ['filed', 'submitted', 'appealed'];

function canRead(actor: Actor): boolean {
  return can(actor, 'claims.read') || (actor.role === 'participant' && can(actor, 'claims.file'));
}

/** The claim as a view: personal data masked unless the role enters it, the account always masked. */
function view(actor: Actor, c: ClaimRow, now: string) {
  const unmasked = SEES_PERSONAL_DATA.includes(actor.role) || actor.role === 'participant';
  const slaDueDate = c.slaDueAt ? officeDate(c.slaDueAt) : null;
  const reason = c.refusalCode ? findReason(c.refusalCode) : undefined;
  return {
    id: c.id,
    number: c.number,
    participantId: c.participantId,
    kpj: c.kpj,
    participantName: unmasked ? c.participantName : maskName(c.participantName),
    regencyCode: c.regencyCode,
    officeCode: c.officeCode,
    program: c.program,
    kind: c.kind,
    kindLabel: findKind(c.program as ClaimProgram, c.kind)?.label ?? { id: c.kind, en: c.kind },
    eventDate: c.eventDate,
    eventDetail: c.eventDetail,
    claimant: {
      relation: c.claimantRelation,
      name: unmasked ? c.claimantName : maskName(c.claimantName),
      nik: unmasked ? c.claimantNik : maskNik(c.claimantNik),
    },
    bank: {
      code: c.bankCode,
      name: BANKS[c.bankCode] ?? c.bankCode,
      account: maskAccount(c.bankAccount),
      holder: unmasked ? c.accountHolder : maskName(c.accountHolder),
    },
    channel: c.channel,
    status: c.status,
    refusal: reason ? { code: reason.code, id: reason.id, en: reason.en } : null,
    amountRp: c.amountRp,
    rulesVersion: c.rulesVersion,
    documentsCompleteAt: c.documentsCompleteAt,
    slaDueAt: c.slaDueAt,
    slaDueDate,
    overdue: OPEN.includes(c.status) && c.slaDueAt !== null && c.slaDueAt < now,
    filedBy: c.filedBy,
    filedAt: c.filedAt,
    updatedAt: c.updatedAt,
  };
}

export async function getClaim(deps: Deps, actor: Actor, claimId: number) {
  if (!canRead(actor)) throw new AppError('FORBIDDEN');
  const c = await requireInScope(deps.db, actor, 'claim', claimId);
  const docs = await claimDocuments(deps.db, c.id);
  const events = await claimEvents(deps.db, c.id);
  const present = new Set(docs.map((d) => d.docType));
  return {
    ...view(actor, c, deps.clock.now()),
    // Written by this service (file-claim, decide-claim), so it has the shape of explain.ts.
    explanation: c.explanation as ClaimExplanation | null,
    checklist: checklist(c, present),
    documents: docs,
    events,
  };
}

export async function listClaims(deps: Deps, actor: Actor, filter: ClaimListFilter = {}) {
  if (!canRead(actor)) throw new AppError('FORBIDDEN');
  const parsed = ClaimListFilter.safeParse(filter);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', { detail: 'status, program, overdue, limit, cursor' });
  const { cursor, ...f } = parsed.data;
  const now = deps.clock.now();
  let total = 0;
  const { rows, nextCursor } = await keysetPage(
    f.limit,
    cursor,
    async (limit, afterId) => {
      const page = await queryClaims(deps.db, { ...f, limit, afterId, ...claimAccess(actor), now });
      total = page.total;
      return page.rows;
    },
    (c) => c.id,
  );
  return { total, nextCursor, claims: rows.map((c) => view(actor, c, now)) };
}

/** The refusal catalog (GET /claim-reasons). */
export function claimReasons() {
  return CLAIM_REASONS.map((r) => ({ ...r }));
}

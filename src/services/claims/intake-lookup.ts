// Claim intake's search (issue 15, 7): a participant found by NIK, KPJ or name within the caller's
// scope (heirs often come without the card), each with the person's earlier claims and the
// refusals that still stand, so the officer sees them before filing again. Masking and the audit
// of a view in full are the participant list's (list-participants.ts).
import { claimsOfPersons } from '../../db/claim-intake.ts';
import { findPersonIds } from '../../db/claim-participants.ts';
import { AppError } from '../../errors.ts';
import { reasonWords } from '../../rules/klaim/alasan-penolakan.ts';
import { requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { listParticipants } from '../list-participants.ts';
import { type ClaimProgram, findKind } from './catalog.ts';

/** Enough candidates for a common name; a NIK or KPJ finds one or a few. */
const INTAKE_MATCHES = 20;

export async function findForIntake(deps: Deps, actor: Actor, search: string) {
  requirePermission(actor, 'claims.file');
  if (actor.role === 'participant') throw new AppError('FORBIDDEN');
  const text = search.trim();
  if (text.length < 3)
    throw new AppError('VALIDATION_FAILED', {
      detail: 'q: NIK, KPJ atau nama (≥ 3) / NIK, KPJ or name (≥ 3)',
    });
  const page = await listParticipants(deps, actor, { search: text, limit: INTAKE_MATCHES });
  const persons = await findPersonIds(
    deps.db,
    page.participants.map((p) => p.id),
  );
  const claims = await claimsOfPersons(deps.db, {
    personIds: [...new Set(persons.values())],
    scopes: actor.regionScopes,
  });
  const participants = page.participants.map((p) => {
    const mine = claims
      .filter((c) => c.personId === persons.get(p.id))
      .map((c) => ({
        id: c.id,
        number: c.number,
        kpj: c.participantId === p.id ? p.kpj : null,
        program: c.program,
        kind: c.kind,
        kindLabel: findKind(c.program as ClaimProgram, c.kind)?.label ?? { id: c.kind, en: c.kind },
        status: c.status,
        eventDate: c.eventDate,
        filedAt: c.filedAt,
        refusal: c.refusalCode ? reasonWords(c.refusalCode) : null,
        automatic: c.automatic,
      }));
    return {
      ...p,
      earlierClaims: mine,
      openRefusals: mine.filter((c) => c.status === 'rejected').length,
    };
  });
  return { participants, personalDataInFull: page.personalDataInFull };
}

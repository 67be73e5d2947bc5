// Paid claims end memberships by themselves (issue 12, 1): called by the bank-result import in
// the transaction that marks the claims paid, so the payout, the end and its audit stand or fall
// together.
import { recordAudit } from '../../db/audit.ts';
import { type ClaimEnd, endMembershipsByClaims, paidClaimFacts } from '../../db/membership-claim-ends.ts';
import type { Queryable } from '../../db/types.ts';
import { akhirDariKlaim } from '../../rules/keanggotaan/akhir.ts';
import type { JenisKlaim } from '../../rules/klaim/jenis.ts';

/** Ends the memberships the paid claims end (a death: every membership of the person). */
export async function endMembershipsOfPaidClaims(
  tx: Queryable,
  claimIds: readonly number[],
  a: { actor: string; at: string },
) {
  if (claimIds.length === 0) return [];
  const ends: ClaimEnd[] = [];
  for (const c of await paidClaimFacts(tx, claimIds)) {
    const end = akhirDariKlaim({
      jenis: { program: c.program, kind: c.kind } as JenisKlaim,
      eventDate: c.eventDate,
      reason: c.reason ?? undefined,
      terminationDate: c.terminationDate ?? undefined,
    });
    if (!end) continue;
    ends.push({
      claimId: c.claimId,
      participantId: c.participantId,
      personId: end.lingkup === 'person' ? c.personId : null,
      reason: end.alasan,
      effectiveDate: end.tanggal,
    });
  }
  if (ends.length === 0) return [];
  const changes = await endMembershipsByClaims(tx, ends, a);
  for (const ch of changes)
    await recordAudit(tx, {
      at: a.at,
      actor: a.actor,
      action: 'membership.end',
      entity: 'membership_change',
      entityId: String(ch.id),
      regionCode: ch.regionCode,
      before: { kpj: ch.kpj, status: ch.statusBefore },
      after: {
        kpj: ch.kpj,
        status: 'ended',
        reason: ch.reason,
        effectiveDate: ch.effectiveDate,
        claimId: ch.claimId,
      },
    });
  return changes;
}

import { AppError } from '../../errors.ts';
import { maskAccount } from '../../privacy/mask.ts';
import type { Actor, Deps } from '../actor.ts';
import { selfParticipantId } from './self.ts';

interface ClaimRow {
  id: number;
  number: string;
  program: string;
  kind: string;
  status: string;
  eventDate: string;
  filedAt: string;
  updatedAt: string;
  refusalCode: string | null;
  amountRp: number | null;
  bankCode: string;
  bankAccount: string;
  channel: string;
}

const SELECT_CLAIM = `
  SELECT id, number, program, kind, status, event_date AS "eventDate", filed_at AS "filedAt",
         updated_at AS "updatedAt", refusal_code AS "refusalCode", amount_rp AS "amountRp",
         bank_code AS "bankCode", bank_account AS "bankAccount", channel
  FROM claim`;

/** Decided claims show the benefit; the bank account is masked to its last four digits. */
function view(c: ClaimRow) {
  const decided = ['approved', 'batched', 'paid'].includes(c.status);
  const { bankAccount, ...rest } = c;
  return { ...rest, amountRp: decided ? c.amountRp : null, bankAccountMasked: maskAccount(bankAccount) };
}

/** The participant's own claims, newest first (the claim number is the participant's reference). */
export async function myClaims(deps: Deps, actor: Actor) {
  const r = await deps.db.query<ClaimRow>(
    `${SELECT_CLAIM} WHERE participant_id = $1 ORDER BY filed_at DESC, id DESC`,
    [selfParticipantId(actor)],
  );
  return { claims: r.rows.map(view) };
}

/** One of the participant's claims with its steps; another participant's claim is 404. */
export async function myClaim(deps: Deps, actor: Actor, claimId: number) {
  const participantId = selfParticipantId(actor);
  const r = await deps.db.query<ClaimRow>(`${SELECT_CLAIM} WHERE id = $1 AND participant_id = $2`, [
    claimId,
    participantId,
  ]);
  const claim = r.rows[0];
  if (!claim) throw new AppError('NOT_FOUND');
  // Staff notes and names stay inside the branch; the participant sees each step and its reason code.
  const events = await deps.db.query<{
    action: string;
    toStatus: string;
    reasonCode: string | null;
    at: string;
  }>(
    `SELECT action, to_status AS "toStatus", reason_code AS "reasonCode", at
     FROM claim_event WHERE claim_id = $1 ORDER BY at, id`,
    [claimId],
  );
  return { ...view(claim), events: events.rows };
}

import type { Queryable } from '../../src/db/types.ts';

// Approved claims inserted directly (as the claims workflow would leave them after the
// checker's decision), so payout tests do not depend on intake and eligibility.

export interface ApprovedClaimOptions {
  program?: 'JKK' | 'JKM' | 'JHT' | 'JP' | 'JKP';
  kind?: string;
  /** The event date (default 2026-10-01). */
  eventDate?: string;
  amountRp: number;
  bankCode?: string;
  bankAccount?: string;
  accountHolder?: string;
}

/** An approved claim for an existing participant; returns its id and number. */
export async function insertApprovedClaim(q: Queryable, participantId: number, o: ApprovedClaimOptions) {
  const r = await q.query<{ id: number; number: string }>(
    `INSERT INTO claim (number, participant_id, person_id, regency_code, office_code, program, kind, event_date,
       claimant_relation, claimant_name, claimant_nik, bank_code, bank_account, account_holder, channel, status,
       amount_rp, filed_by, filed_at, updated_at)
     SELECT 'KLM/' || replace(pa.regency_code, '.', '') || '/2026/' || lpad(nextval('claim_serial')::text, 6, '0'),
            pa.id, pa.person_id, pa.regency_code,
            (SELECT o.office_code FROM office_region o WHERE o.region_code = pa.regency_code ORDER BY 1 LIMIT 1),
            $2, $3, $8::date, 'peserta', p.full_name, p.nik, $4, $5, coalesce($6, p.full_name), 'branch',
            'approved', $7, 'test', timestamptz '2026-11-01T02:00:00Z', timestamptz '2026-11-01T02:00:00Z'
     FROM participant pa JOIN person p ON p.id = pa.person_id WHERE pa.id = $1
     RETURNING id, number`,
    [
      participantId,
      o.program ?? 'JKM',
      o.kind ?? (o.program === 'JHT' ? 'penuh' : 'kematian'),
      o.bankCode ?? 'BRI',
      o.bankAccount ?? `00${String(participantId).padStart(10, '0')}`,
      o.accountHolder ?? null,
      o.amountRp,
      o.eventDate ?? '2026-10-01',
    ],
  );
  if (!r.rows[0]) throw new Error(`no participant ${participantId}`);
  return r.rows[0];
}

/** Ids of the active participants of a village, oldest first. */
export async function participantsOf(q: Queryable, villageCode: string): Promise<number[]> {
  const r = await q.query<{ id: number }>('SELECT id FROM participant WHERE region_code = $1 ORDER BY id', [
    villageCode,
  ]);
  return r.rows.map((x) => x.id);
}

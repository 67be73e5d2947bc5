// Eligibility of a claim at intake and submission: the service reads what the rules need (cover,
// the status that ended it, earlier claims) and src/rules/klaim/kelayakan.ts decides.

import type { ClaimParticipant } from '../../db/claim-participants.ts';
import type { IsoDate } from '../../rules/calendar.ts';
import { jenisKlaim } from '../../rules/klaim/jenis.ts';
import { coverEndBefore, type FaktaKlaim, periksaKelayakan } from '../../rules/klaim/kelayakan.ts';
import type { CoverRange } from '../../rules/klaim/masa-iur.ts';
import type { Refusal } from '../../rules/klaim/penolakan.ts';
import { ruleBook } from '../rule-book.ts';
import type { ClaimProgram } from './catalog.ts';

/** The facts of a claim as filed: the kind still as the programme and kind strings of the request. */
export type ClaimFacts = Omit<FaktaKlaim, 'jenis'> & { program: ClaimProgram; kind: string };

export interface Context {
  participant: ClaimParticipant;
  ranges: CoverRange[];
  /** The status row that ended the cover range before the event (lapse or end), if any. */
  endedBy: (date: IsoDate) => Promise<{ status: string; reason: string } | null>;
  openClaims: { number: string; participantId: number; program: string; kind: string }[];
  /** The employment the employer reported (PU), null when there is none. */
  employment: { endDate: IsoDate | null } | null;
  /** Office date of the check (WITA). */
  today: IsoDate;
}

/** The first reason the claim cannot be paid, or null when it may proceed. */
export async function checkEligibility(ctx: Context, f: ClaimFacts): Promise<Refusal | null> {
  const jenis = jenisKlaim(f.program, f.kind);
  const endDate = coverEndBefore(ctx.ranges, jenis, f.eventDate);
  return periksaKelayakan(
    ruleBook().book,
    {
      participant: ctx.participant,
      ranges: ctx.ranges,
      endedBy: endDate ? await ctx.endedBy(endDate) : null,
      earlierClaims: ctx.openClaims,
      employment: ctx.employment,
      today: ctx.today,
    },
    { ...f, jenis },
  );
}

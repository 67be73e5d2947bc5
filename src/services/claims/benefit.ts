// The decided benefit of a claim: the claim's facts turned into the rules' input, computed by
// hitungManfaat, with the parameter-book version it was computed under.
import { type ClaimParticipant, jpContributionsRp } from '../../db/claim-participants.ts';
import type { Queryable } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { addMonths, type IsoDate, monthsBetween } from '../../rules/calendar.ts';
import { Explainer } from '../../rules/explanation.ts';
import { jenisKlaim, jenisTakTertangani } from '../../rules/klaim/jenis.ts';
import { jhtReason } from '../../rules/klaim/kelayakan.ts';
import { alasanJp, kasusJkk } from '../../rules/klaim/manfaat-klaim.ts';
import { type CoverRange, consecutiveMonths, coveredMonths } from '../../rules/klaim/masa-iur.ts';
import { hitungManfaat, type ManfaatInput } from '../../rules/manfaat/hitung.ts';
import type { Anak } from '../../rules/manfaat/jkm/beasiswa.ts';
import type { AlasanJkp } from '../../rules/manfaat/jkp/manfaat.ts';
import type { PenerimaAhliWaris } from '../../rules/manfaat/jp/ahli-waris.ts';
import type { ManfaatResult } from '../../rules/manfaat/types.ts';
import { maxRp, type Rupiah } from '../../rules/money.ts';
import { jhtBalance } from '../jht/index.ts';
import { ruleBook } from '../rule-book.ts';
import type { ClaimProgram } from './catalog.ts';

/** JP lump sum: the participant's billed JP contributions (returns are not credited yet). */
async function jpContributions(q: Queryable, participantId: number): Promise<Rupiah> {
  return (await jpContributionsRp(q, participantId)) as Rupiah;
}

/**
 * The wage base: PU the last reported wage; BPU the declared income, never below the minimum
 * income contributions were based on (PP 44/2015 Lampiran II), as billing does.
 */
function wage(p: ClaimParticipant, eventDate: IsoDate): Rupiah {
  if (p.segment === 'BPU') {
    const minimum = new Explainer(ruleBook().book).rupiah('iuran_bpu.penghasilan_minimum', eventDate);
    return maxRp((p.wageRp ?? 0) as Rupiah, minimum);
  }
  if (p.wageRp === null) {
    throw new AppError('VALIDATION_FAILED', {
      detail: 'upah/penghasilan peserta tidak diketahui / the participant’s wage is unknown',
    });
  }
  return p.wageRp as Rupiah;
}

/** JKK medical care facts of the claim (validated at intake by EventDetail). */
function medicalCare(detail: Record<string, unknown>) {
  const rp = (v: unknown) => v as Rupiah;
  return {
    ...(detail.medicalCostRp !== undefined ? { medicalCostRp: rp(detail.medicalCostRp) } : {}),
    ...(detail.homeCareRp !== undefined ? { homeCareRp: rp(detail.homeCareRp) } : {}),
    ...(detail.homeCareMonths !== undefined ? { homeCareMonths: Number(detail.homeCareMonths) } : {}),
    ...(detail.transportRp !== undefined
      ? { transportRp: detail.transportRp as { land?: Rupiah; sea?: Rupiah; air?: Rupiah } }
      : {}),
  };
}

export interface BenefitClaim {
  program: ClaimProgram;
  kind: string;
  eventDate: IsoDate;
  eventDetail: Record<string, unknown>;
  /** Who claims: for JP death, which survivor pension (spouse, child, parent). */
  claimantRelation?: string;
}

/** JP survivor pension by the claimant's relation (PP 45/2015 Pasal 16); other heirs: none. */
const SURVIVOR: Record<string, PenerimaAhliWaris> = {
  pasangan: 'janda_duda',
  anak: 'anak',
  orang_tua: 'orang_tua',
};

/** Months of paid cover over months of membership, in basis points (Permenaker 29/2015 Pasal 26). */
function densityBp(paidMonths: number, membershipMonths: number): number {
  return membershipMonths <= 0 ? 0 : Math.floor((paidMonths * 10_000) / membershipMonths);
}

async function manfaatInput(
  q: Queryable,
  c: BenefitClaim,
  p: ClaimParticipant,
  ranges: CoverRange[],
  today: IsoDate,
): Promise<ManfaatInput> {
  const d = c.eventDate;
  const firstCover = ranges[0]?.from ?? d;
  const months = coveredMonths(ranges, firstCover, d);
  const detail = c.eventDetail;
  const children = detail.children as Anak[] | undefined;
  const j = jenisKlaim(c.program, c.kind);
  switch (j.program) {
    case 'JKM':
      return { program: 'JKM', eventDate: d, contributionMonths: months, ...(children ? { children } : {}) };
    case 'JKK':
      return {
        program: 'JKK',
        eventDate: d,
        case: kasusJkk(j.kind),
        wageRp: wage(p, d),
        claimDate: today,
        ...(children ? { children } : {}),
        ...(detail.disabilityPercentBp !== undefined
          ? { disabilityPercentBp: Number(detail.disabilityPercentBp) }
          : {}),
        ...(detail.temporaryDisabilityMonths !== undefined
          ? { temporaryDisabilityMonths: Number(detail.temporaryDisabilityMonths) }
          : {}),
        ...medicalCare(detail),
      };
    case 'JHT':
      return {
        program: 'JHT',
        eventDate: today,
        reason: jhtReason(j.kind, detail),
        // The JHT book of the payouts/JHT helper: contributions + returns up to the claim date.
        balanceRp: (await jhtBalance(q, p.id, today)).balanceRp as Rupiah,
        birthDate: p.birthDate,
        terminationDate: (detail.terminationDate as string | undefined) ?? d,
        membershipMonths: monthsBetween(firstCover, d),
        partialAlreadyTaken: false,
      };
    case 'JP': {
      const membershipMonths = monthsBetween(firstCover, d);
      const survivor = c.claimantRelation ? SURVIVOR[c.claimantRelation] : undefined;
      return {
        program: 'JP',
        eventDate: d,
        reason: alasanJp(j.kind),
        birthDate: p.birthDate,
        contributionMonths: months,
        averageIndexedWageRp: wage(p, d),
        balanceRp: await jpContributions(q, p.id),
        membershipMonths,
        // The density the survivor rule needs comes from the cover the system knows, not from intake.
        paymentDensityBp: densityBp(months, membershipMonths),
        ...(survivor ? { survivor } : {}),
      };
    }
    case 'JKP':
      return {
        program: 'JKP',
        eventDate: d,
        reason: (detail.reason as AlasanJkp | undefined) ?? 'termination',
        wageRp: wage(p, d),
        contributionMonths: coveredMonths(ranges, addMonths(d, -24), d),
        consecutiveMonths: consecutiveMonths(ranges, d),
        claimDate: today,
      };
    default:
      return jenisTakTertangani(j);
  }
}

export async function computeBenefit(
  q: Queryable,
  c: BenefitClaim,
  p: ClaimParticipant,
  ranges: CoverRange[],
  today: IsoDate,
): Promise<{ result: ManfaatResult; rulesVersion: string }> {
  const input = await manfaatInput(q, c, p, ranges, today);
  const { book, version } = ruleBook();
  return { result: hitungManfaat(book, input), rulesVersion: version };
}

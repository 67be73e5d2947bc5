// Kelayakan klaim: whether a claim may proceed at intake and at submission — programme held, cover
// on the event date, once-only rules, heirs order, and each kind's conditions from the same
// parameters the benefit rules read. Pure: the service reads the participant, cover and earlier
// claims and passes them in as data.
import { addDays, addMonths, addYears, type IsoDate, monthsBetween } from '../calendar.ts';
import { Explainer } from '../explanation.ts';
import { hitungManfaat } from '../manfaat/hitung.ts';
import type { AlasanJht } from '../manfaat/jht/manfaat.ts';
import type { AlasanJkp } from '../manfaat/jkp/manfaat.ts';
import { tanggalMencapaiUsiaPensiun } from '../manfaat/jp/usia-pensiun.ts';
import type { Alasan } from '../manfaat/types.ts';
import type { Rupiah } from '../money.ts';
import type { ParameterBook } from '../params/book.ts';
import { ahliWarisLebihDahulu, type HubunganPengaju } from './ahli-waris.ts';
import { findReason } from './alasan-penolakan.ts';
import { type JenisDari, type JenisKlaim, jenisTakTertangani, kodeKlaim } from './jenis.ts';
import { type CoverRange, consecutiveMonths, coveredMonths } from './masa-iur.ts';
import { type Refusal, refusalFromRules, refuse } from './penolakan.ts';
import { type EarlierClaim, onceOnlyRefusal } from './sekali.ts';

export interface FaktaKlaim {
  jenis: JenisKlaim;
  eventDate: IsoDate;
  eventDetail: Record<string, unknown>;
  claimantRelation: HubunganPengaju;
  heirs?: readonly HubunganPengaju[];
}

export interface KonteksKlaim {
  participant: { id: number; birthDate: IsoDate; programs: readonly string[]; wageRp: number | null };
  ranges: readonly CoverRange[];
  /** The status row that ended the cover on `coverEndBefore(…)`, if any (lapse or end). */
  endedBy: { status: string; reason: string } | null;
  earlierClaims: readonly EarlierClaim[];
  /** The employment the employer reported (PU), with its end once a leave was reported; null: none. */
  employment?: { endDate: IsoDate | null } | null;
  /** Office date of the check (WITA). */
  today: IsoDate;
}

/** JHT and JP old age are savings: membership before the event is enough; the rest insure the event date. */
function savings(j: JenisKlaim): boolean {
  const k = kodeKlaim(j);
  switch (k) {
    case 'JHT/penuh':
    case 'JHT/sebagian_10':
    case 'JHT/sebagian_30':
    case 'JP/hari_tua':
      return true;
    case 'JKM/kematian':
    case 'JKM/beasiswa':
    case 'JKK/kematian':
    case 'JKK/cacat_total_tetap':
    case 'JKK/cacat_sebagian':
    case 'JKK/stmb':
    case 'JKK/perawatan':
    case 'JP/kematian':
    case 'JP/cacat':
    case 'JKP/uang_tunai':
      return false;
    default:
      return jenisTakTertangani(k);
  }
}

function covered(ranges: readonly CoverRange[], j: JenisKlaim, d: IsoDate): boolean {
  return savings(j)
    ? ranges.some((r) => r.from <= d)
    : ranges.some((r) => r.from <= d && (r.to === null || r.to >= d));
}

/** The day the cover ended before the event when the event is not covered (null: covered or never). */
export function coverEndBefore(ranges: readonly CoverRange[], j: JenisKlaim, d: IsoDate): IsoDate | null {
  if (covered(ranges, j, d)) return null;
  const before = ranges.filter((r) => r.to !== null && r.to < d).at(-1);
  return before ? addDays(before.to!, 1) : null;
}

function coverRefusal(ctx: KonteksKlaim, f: FaktaKlaim): Refusal | null {
  if (covered(ctx.ranges, f.jenis, f.eventDate)) return null;
  const endDate = coverEndBefore(ctx.ranges, f.jenis, f.eventDate);
  if (!endDate) return refuse('NOT_COVERED', { firstCoverDate: ctx.ranges[0]?.from ?? null });
  const ended = ctx.endedBy;
  const text = (code: string): Alasan => {
    const r = findReason(code)!;
    return {
      code,
      id: `${r.id} Kepesertaan berakhir pada ${endDate}${ended ? `: ${ended.reason}` : ''}.`,
      en: `${r.en} Coverage ended on ${endDate}${ended ? `: ${ended.reason}` : ''}.`,
    };
  };
  const code = ended?.status === 'lapsed' ? 'COVER_LAPSED' : 'NOT_COVERED';
  return refuse(code, { lapseDate: endDate, lapseReason: ended?.reason ?? null }, text(code));
}

function heirRefusal(f: FaktaKlaim): Refusal | null {
  const earlier = ahliWarisLebihDahulu(f.claimantRelation, f.heirs ?? []);
  return earlier.length ? refuse('HEIR_NOT_FIRST_RANK', { earlierHeirs: earlier }) : null;
}

/** The JHT benefit reason of a JHT claim: the partial kinds name it, a full claim its trigger. */
export function jhtReason(kind: JenisDari<'JHT'>, eventDetail: Record<string, unknown>): AlasanJht {
  switch (kind) {
    case 'sebagian_10':
      return 'partial_retirement_preparation';
    case 'sebagian_30':
      return 'partial_housing';
    case 'penuh':
      return (eventDetail.reason as AlasanJht | undefined) ?? 'resignation';
    default:
      return jenisTakTertangani(kind);
  }
}

/** JKM beasiswa: masa iur ≥ 3 years since PP 82/2019 (5 before). */
function beasiswaRefusal(ex: Explainer, ctx: KonteksKlaim, d: IsoDate): Refusal | null {
  const min = ex.int('jkm.beasiswa_masa_iur_minimum_bulan', d);
  const months = coveredMonths(ctx.ranges, ctx.ranges[0]?.from ?? d, d);
  return months < min
    ? refuse('BEASISWA_MASA_IUR', { contributionMonths: months, minimumMonths: min })
    : null;
}

/** JKK: the right lapses 5 years after the accident (PP 82/2019 Pasal 26; 2 before), by the accident date. */
function jkkExpiredRefusal(ex: Explainer, ctx: KonteksKlaim, d: IsoDate): Refusal | null {
  const years = ex.entry('jkk.kedaluwarsa_klaim_tahun', d);
  const expiredOn = addYears(d, years.value as number);
  if (ctx.today <= expiredOn) return null;
  return refuse(
    'JKK_EXPIRED',
    { expiredOn },
    {
      code: 'JKK_EXPIRED',
      id: `Hak klaim JKK gugur ${years.value} tahun setelah kecelakaan kerja (${years.reference}), pada ${expiredOn}.`,
      en: `The JKK claim expired ${years.value} years after the accident (${years.reference}), on ${expiredOn}.`,
    },
  );
}

/** JHT: age, waiting month and partial conditions, by the JHT benefit rule (Permenaker 4/2022). */
function jhtRefusal(
  book: ParameterBook,
  ctx: KonteksKlaim,
  f: FaktaKlaim,
  kind: JenisDari<'JHT'>,
): Refusal | null {
  const d = f.eventDate;
  const r = hitungManfaat(book, {
    program: 'JHT',
    eventDate: ctx.today,
    reason: jhtReason(kind, f.eventDetail),
    balanceRp: 0 as Rupiah,
    birthDate: ctx.participant.birthDate,
    terminationDate: (f.eventDetail.terminationDate as string | undefined) ?? d,
    membershipMonths: monthsBetween(ctx.ranges[0]?.from ?? d, d),
    partialAlreadyTaken: false,
  });
  return r.eligible ? null : refusalFromRules(r.reasons);
}

/** JP old age: from the usia pensiun (PP 45/2015 Pasal 15). */
function jpAgeRefusal(ex: Explainer, ctx: KonteksKlaim, d: IsoDate): Refusal | null {
  const reached = tanggalMencapaiUsiaPensiun(ex, ctx.participant.birthDate);
  return d < reached ? refuse('JP_AGE_NOT_REACHED', { reachedOn: reached }) : null;
}

/** JKP: reason, masa iur and claim deadline, by the JKP benefit rule (PP 37/2021 jo PP 6/2025). */
function jkpRefusal(book: ParameterBook, ctx: KonteksKlaim, f: FaktaKlaim): Refusal | null {
  const d = f.eventDate;
  const r = hitungManfaat(book, {
    program: 'JKP',
    eventDate: d,
    reason: (f.eventDetail.reason as AlasanJkp | undefined) ?? 'termination',
    wageRp: (ctx.participant.wageRp ?? 0) as Rupiah,
    contributionMonths: coveredMonths(ctx.ranges, addMonths(d, -24), d),
    consecutiveMonths: consecutiveMonths(ctx.ranges, d),
    claimDate: ctx.today,
  });
  return r.eligible ? null : refusalFromRules(r.reasons);
}

/** The reasons that mean the work has ended: full JHT (Permenaker 4/2022; fact sheet §3.5) and JKP (PP 37/2021; fact sheet §3.6). */
const WORK_ENDED: readonly string[] = [
  'resignation',
  'termination',
  'contract_end',
  'contract_terminated_early',
];

/**
 * Full JHT for resignation/PHK/contract end and JKP need the employment to have ended: while the
 * employer still reports the worker (no leave, or a leave after today) the worker is employed and
 * billed, and the claim is refused STILL_EMPLOYED. A participant without a reported employment
 * (BPU) is not concerned.
 */
function employmentRefusal(ctx: KonteksKlaim, f: FaktaKlaim): Refusal | null {
  const k = kodeKlaim(f.jenis);
  const reason = f.eventDetail.reason as string | undefined;
  const concerned =
    k === 'JKP/uang_tunai' || (k === 'JHT/penuh' && reason !== undefined && WORK_ENDED.includes(reason));
  const e = ctx.employment;
  if (!concerned || !e) return null;
  if (e.endDate !== null && e.endDate <= ctx.today) return null;
  return refuse('STILL_EMPLOYED', { employmentEndDate: e.endDate });
}

/** Each kind's own conditions. */
function kindRefusal(book: ParameterBook, ctx: KonteksKlaim, f: FaktaKlaim): Refusal | null {
  const ex = new Explainer(book);
  const k = kodeKlaim(f.jenis);
  switch (k) {
    case 'JKM/beasiswa':
      return beasiswaRefusal(ex, ctx, f.eventDate);
    case 'JKK/kematian':
    case 'JKK/cacat_total_tetap':
    case 'JKK/cacat_sebagian':
    case 'JKK/stmb':
    case 'JKK/perawatan':
      return jkkExpiredRefusal(ex, ctx, f.eventDate);
    case 'JHT/penuh':
    case 'JHT/sebagian_10':
    case 'JHT/sebagian_30':
      return f.jenis.program === 'JHT' ? jhtRefusal(book, ctx, f, f.jenis.kind) : null;
    case 'JP/hari_tua':
      return jpAgeRefusal(ex, ctx, f.eventDate);
    case 'JKP/uang_tunai':
      return jkpRefusal(book, ctx, f);
    case 'JKM/kematian':
    case 'JP/kematian':
    // Disability before the usia pensiun: the benefit rule decides (jp_cacat_usia_pensiun).
    case 'JP/cacat':
      return null;
    default:
      return jenisTakTertangani(k);
  }
}

/** The first reason the claim cannot be paid, or null when it may proceed. */
export function periksaKelayakan(book: ParameterBook, ctx: KonteksKlaim, f: FaktaKlaim): Refusal | null {
  if (!ctx.participant.programs.includes(f.jenis.program)) {
    return refuse('PROGRAM_NOT_HELD', { programs: ctx.participant.programs });
  }
  return (
    coverRefusal(ctx, f) ??
    onceOnlyRefusal(f.jenis, ctx.participant.id, ctx.earlierClaims) ??
    heirRefusal(f) ??
    kindRefusal(book, ctx, f) ??
    employmentRefusal(ctx, f)
  );
}

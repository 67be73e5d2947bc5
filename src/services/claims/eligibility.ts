// Eligibility of a claim at intake and submission: cover on the event date, programme held,
// duplicates, heirs order, and each programme's conditions read from the parameter book.
import { addDays, addMonths, addYears, type IsoDate } from '../../rules/calendar.ts';
import { Explainer } from '../../rules/explanation.ts';
import { hitungManfaat } from '../../rules/hitung-manfaat.ts';
import type { AlasanJht } from '../../rules/jht/manfaat.ts';
import type { AlasanJkp } from '../../rules/jkp/manfaat.ts';
import { tanggalMencapaiUsiaPensiun } from '../../rules/jp/usia-pensiun.ts';
import type { Alasan } from '../../rules/manfaat.ts';
import type { Rupiah } from '../../rules/money.ts';
import { ruleBook } from '../rule-book.ts';
import { type ClaimantRelation, type ClaimProgram, HEIR_RANK } from './catalog.ts';
import type { ClaimParticipant } from './claim-store.ts';
import { findReason } from './reasons.ts';

export interface CoverRange {
  from: IsoDate;
  to: IsoDate | null;
}

export interface ClaimFacts {
  program: ClaimProgram;
  kind: string;
  eventDate: IsoDate;
  eventDetail: Record<string, unknown>;
  claimantRelation: ClaimantRelation;
  heirs?: readonly ClaimantRelation[];
}

export interface Refusal {
  code: string;
  id: string;
  en: string;
  detail?: Record<string, unknown>;
}

export interface Context {
  participant: ClaimParticipant;
  ranges: CoverRange[];
  /** The status row that ended the cover range before the event (lapse or end), if any. */
  endedBy: (date: IsoDate) => Promise<{ status: string; reason: string } | null>;
  openClaims: { number: string; participantId: number; program: string; kind: string }[];
  /** Office date of the check (WITA). */
  today: IsoDate;
}

/** Whole months from a to b (a + n months ≤ b). */
export function monthsBetween(a: IsoDate, b: IsoDate): number {
  if (b < a) return 0;
  let n =
    (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
  while (n > 0 && addMonths(a, n) > b) n--;
  return n;
}

/** Months covered within [from, to] (masa iur as months of cover; arrears do not count as cover). */
export function coveredMonths(ranges: CoverRange[], from: IsoDate, to: IsoDate): number {
  return ranges.reduce((sum, r) => {
    const a = r.from > from ? r.from : from;
    const end = r.to === null || r.to > to ? to : r.to;
    return end < a ? sum : sum + monthsBetween(a, addDays(end, 1));
  }, 0);
}

function refuse(code: string, detail?: Record<string, unknown>, text?: Alasan): Refusal {
  const r = findReason(code)!;
  return { code, id: text?.id ?? r.id, en: text?.en ?? r.en, ...(detail ? { detail } : {}) };
}

/** Rule reason codes (src/rules/*) that mean "not eligible", mapped to the claim refusal catalog. */
const RULE_REFUSALS: Record<string, string> = {
  jht_masa_tunggu: 'JHT_WAITING_PERIOD',
  jht_usia: 'JHT_AGE_NOT_REACHED',
  jht_sebagian_syarat: 'JHT_PARTIAL_TOO_EARLY',
  jkp_alasan: 'JKP_NOT_ELIGIBLE',
  jkp_masa_iur: 'JKP_NOT_ELIGIBLE',
  jkp_berturut: 'JKP_NOT_ELIGIBLE',
  jkp_batas_klaim: 'JKP_NOT_ELIGIBLE',
  jkk_kedaluwarsa: 'JKK_EXPIRED',
  jp_usia_pensiun: 'JP_AGE_NOT_REACHED',
};

/** The first "not eligible" reason of a rules result as a refusal, with the rule's own words. */
export function refusalFromRules(reasons: readonly Alasan[]): Refusal {
  const hit = reasons.find((r) => RULE_REFUSALS[r.code]);
  if (!hit) return refuse('RULES_NOT_ELIGIBLE', { reasons });
  return refuse(RULE_REFUSALS[hit.code]!, { rule: hit.code }, hit);
}

export function jhtReason(f: Pick<ClaimFacts, 'kind' | 'eventDetail'>): AlasanJht {
  if (f.kind === 'sebagian_10') return 'partial_retirement_preparation';
  if (f.kind === 'sebagian_30') return 'partial_housing';
  return (f.eventDetail.reason as AlasanJht | undefined) ?? 'resignation';
}

async function coverRefusal(ctx: Context, f: ClaimFacts): Promise<Refusal | null> {
  const d = f.eventDate;
  // JHT and JP are savings: membership before the event is enough; the others insure the event date.
  const savings = f.program === 'JHT' || (f.program === 'JP' && f.kind === 'hari_tua');
  const covered = savings
    ? ctx.ranges.some((r) => r.from <= d)
    : ctx.ranges.some((r) => r.from <= d && (r.to === null || r.to >= d));
  if (covered) return null;
  const before = ctx.ranges.filter((r) => r.to !== null && r.to < d).at(-1);
  if (!before) return refuse('NOT_COVERED', { firstCoverDate: ctx.ranges[0]?.from ?? null });
  const endDate = addDays(before.to!, 1);
  const ended = await ctx.endedBy(endDate);
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

function duplicateRefusal(ctx: Context, f: ClaimFacts): Refusal | null {
  const same = (pred: (c: Context['openClaims'][number]) => boolean) => ctx.openClaims.find(pred);
  const death = f.kind === 'kematian' && (f.program === 'JKM' || f.program === 'JKK');
  const dup = death
    ? same((c) => c.kind === 'kematian' && (c.program === 'JKM' || c.program === 'JKK'))
    : f.program === 'JHT' && f.kind === 'penuh'
      ? same((c) => c.program === 'JHT' && c.kind === 'penuh' && c.participantId === ctx.participant.id)
      : same((c) => c.program === f.program && c.kind === f.kind && f.program !== 'JHT');
  if (dup) return refuse('DUPLICATE_CLAIM', { existing: dup.number });
  if (f.program === 'JHT' && f.kind.startsWith('sebagian_')) {
    const taken = same((c) => c.program === 'JHT' && c.kind.startsWith('sebagian_'));
    if (taken) return refuse('JHT_PARTIAL_ALREADY_TAKEN', { existing: taken.number });
  }
  return null;
}

function heirRefusal(f: ClaimFacts): Refusal | null {
  if (f.claimantRelation === 'peserta' || !f.heirs?.length) return null;
  const mine = HEIR_RANK[f.claimantRelation];
  const earlier = f.heirs.filter((h) => h !== 'peserta' && HEIR_RANK[h] < mine);
  return earlier.length ? refuse('HEIR_NOT_FIRST_RANK', { earlierHeirs: earlier }) : null;
}

/** Programme conditions, from the same parameters the benefit rules read. */
function programRefusal(ctx: Context, f: ClaimFacts): Refusal | null {
  const ex = new Explainer(ruleBook().book);
  const p = ctx.participant;
  const d = f.eventDate;
  const firstCover = ctx.ranges[0]?.from ?? d;
  if (f.program === 'JKM' && f.kind === 'beasiswa') {
    const min = ex.int('jkm.beasiswa_masa_iur_minimum_bulan', d);
    const months = coveredMonths(ctx.ranges, firstCover, d);
    if (months < min) return refuse('BEASISWA_MASA_IUR', { contributionMonths: months, minimumMonths: min });
  }
  if (f.program === 'JKK') {
    const years = ex.int('jkk.kedaluwarsa_klaim_tahun', d);
    if (ctx.today > addYears(d, years)) return refuse('JKK_EXPIRED', { expiredOn: addYears(d, years) });
  }
  if (f.program === 'JHT') {
    const r = hitungManfaat(ruleBook().book, {
      program: 'JHT',
      eventDate: ctx.today,
      reason: jhtReason(f),
      balanceRp: 0 as Rupiah,
      birthDate: p.birthDate,
      terminationDate: (f.eventDetail.terminationDate as string | undefined) ?? d,
      membershipMonths: monthsBetween(firstCover, d),
      partialAlreadyTaken: false,
    });
    if (!r.eligible) return refusalFromRules(r.reasons);
  }
  if (f.program === 'JP' && f.kind === 'hari_tua') {
    const reached = tanggalMencapaiUsiaPensiun(ex, p.birthDate);
    if (d < reached) return refuse('JP_AGE_NOT_REACHED', { reachedOn: reached });
  }
  if (f.program === 'JKP') {
    const r = hitungManfaat(ruleBook().book, {
      program: 'JKP',
      eventDate: d,
      reason: (f.eventDetail.reason as AlasanJkp | undefined) ?? 'termination',
      wageRp: (p.wageRp ?? 0) as Rupiah,
      contributionMonths: coveredMonths(ctx.ranges, addMonths(d, -24), d),
      consecutiveMonths: coveredMonths(
        ctx.ranges.filter((x) => x.from <= d),
        ctx.ranges.filter((x) => x.from <= d).at(-1)?.from ?? d,
        d,
      ),
      claimDate: ctx.today,
    });
    if (!r.eligible) return refusalFromRules(r.reasons);
  }
  return null;
}

/** The first reason the claim cannot be paid, or null when it may proceed. */
export async function checkEligibility(ctx: Context, f: ClaimFacts): Promise<Refusal | null> {
  if (!ctx.participant.programs.includes(f.program)) {
    return refuse('PROGRAM_NOT_HELD', { programs: ctx.participant.programs });
  }
  return (await coverRefusal(ctx, f)) ?? duplicateRefusal(ctx, f) ?? heirRefusal(f) ?? programRefusal(ctx, f);
}

/**
 * JKK stage-I report (Permenaker 5/2021 Pasal 8 as amended by Permenaker 1/2025): within 2×24 hours
 * of the accident; if later, the benefits are the employer's liability (Pasal 8(2a)–(2c)).
 */
export function jkkReportNote(detail: Record<string, unknown>): Alasan & { late: boolean; hours: number } {
  const hours = (Date.parse(String(detail.reportedAt)) - Date.parse(String(detail.accidentAt))) / 3_600_000;
  const late = hours > 48;
  return late
    ? {
        code: 'jkk_laporan_terlambat',
        late,
        hours,
        id: `Laporan tahap I dibuat ${Math.floor(hours)} jam setelah kecelakaan (lebih dari 2×24 jam): manfaat JKK menjadi tanggung jawab pemberi kerja, yang kemudian meminta penggantian setelah melapor (Permenaker 1/2025 Pasal 8 ayat 2a–2c).`,
        en: `Stage-I report made ${Math.floor(hours)} hours after the accident (more than 2×24 hours): the JKK benefits are the employer's liability, reimbursed after reporting (Permenaker 1/2025 Pasal 8(2a)–(2c)).`,
      }
    : {
        code: 'jkk_laporan_tepat_waktu',
        late,
        hours,
        id: `Laporan tahap I dibuat ${Math.floor(hours)} jam setelah kecelakaan (dalam 2×24 jam) — Permenaker 1/2025 Pasal 8.`,
        en: `Stage-I report made ${Math.floor(hours)} hours after the accident (within 2×24 hours) — Permenaker 1/2025 Pasal 8.`,
      };
}

// Manfaat JKP (unemployment cash) — PP 37/2021 amended by PP 6/2025 (fact sheet §3.6).
// The scheme is chosen by the PHK date (eventDate).
import { addMonths, ageOnDate, type IsoDate } from '../../calendar.ts';
import { Explainer } from '../../explanation.ts';
import { formatBp, formatRp } from '../../format.ts';
import { applyRates, bp, minRp, type Rupiah, roundHalfUpRp, timesRp } from '../../money.ts';
import type { ParameterBook } from '../../params/book.ts';
import { type Alasan, alasan, hasil, type ManfaatResult, wajib } from '../types.ts';

export const JKP_REASONS = [
  'termination',
  'contract_terminated_early',
  'resignation',
  'contract_end',
  'retirement',
  'total_permanent_disability',
  'death',
] as const;
export type AlasanJkp = (typeof JKP_REASONS)[number];
const NOT_COVERED: AlasanJkp[] = [
  'resignation',
  'contract_end',
  'retirement',
  'total_permanent_disability',
  'death',
];

export interface ManfaatJkpInput {
  /** PHK date. */
  readonly eventDate: IsoDate;
  readonly reason: AlasanJkp;
  readonly wageRp: Rupiah;
  /** Contribution months in the window (24 months) before the PHK. */
  readonly contributionMonths: number;
  readonly consecutiveMonths?: number;
  readonly claimDate?: IsoDate;
  readonly birthDate?: IsoDate;
  readonly registrationDate?: IsoDate;
}

function syarat(ex: Explainer, input: ManfaatJkpInput): Alasan[] {
  const d = input.eventDate;
  const out: Alasan[] = [];
  if (NOT_COVERED.includes(input.reason)) {
    out.push(
      alasan(
        'jkp_alasan',
        `PHK karena ${input.reason} tidak dilindungi JKP.`,
        `Loss of work by ${input.reason} is not covered.`,
      ),
    );
  }
  const [minMonths, window] = [
    ex.int('jkp.masa_iur_minimum_bulan', d),
    ex.int('jkp.masa_iur_jendela_bulan', d),
  ];
  if (input.contributionMonths < minMonths) {
    out.push(
      alasan(
        'jkp_masa_iur',
        `Masa iur paling sedikit ${minMonths} bulan dalam ${window} bulan.`,
        `At least ${minMonths} contribution months within ${window} months.`,
      ),
    );
  }
  const consecutive = ex.int('jkp.masa_iur_berturut_bulan', d);
  if (
    consecutive > 0 &&
    wajib(input.consecutiveMonths, 'consecutiveMonths', 'JKP sebelum 2025-02-07') < consecutive
  ) {
    out.push(
      alasan(
        'jkp_berturut',
        `${consecutive} bulan iuran berturut-turut sebelum PHK diperlukan.`,
        `${consecutive} consecutive contribution months before the PHK are required.`,
      ),
    );
  }
  const claimMonths = ex.int('jkp.batas_klaim_bulan', d);
  if (input.claimDate !== undefined && input.claimDate > addMonths(d, claimMonths)) {
    out.push(
      alasan(
        'jkp_batas_klaim',
        `Klaim paling lambat ${claimMonths} bulan setelah PHK.`,
        `The claim must be made within ${claimMonths} months of the PHK.`,
      ),
    );
  }
  if (input.birthDate !== undefined && input.registrationDate !== undefined) {
    const maxAge = ex.int('jkp.usia_pendaftaran_maks_tahun', d);
    if (ageOnDate(input.birthDate, input.registrationDate) >= maxAge) {
      out.push(
        alasan(
          'jkp_usia',
          `Peserta harus terdaftar sebelum usia ${maxAge} tahun.`,
          `Must be registered before age ${maxAge}.`,
        ),
      );
    }
  }
  return out;
}

export function manfaatJkp(book: ParameterBook, input: ManfaatJkpInput): ManfaatResult {
  const ex = new Explainer(book);
  const d = input.eventDate;
  const reasons = syarat(ex, input);
  const cap = ex.rupiah('jkp.batas_upah', d);
  const base = minRp(input.wageRp, cap);
  const schedule = ex.value<{ months: number; rate_bp: number }[]>('jkp.manfaat_skema', d);
  let month = 1;
  const law = d >= '2025-02-07' ? 'PP 6/2025' : 'PP 37/2021';
  const components = schedule.map((block) => {
    const perMonth: Rupiah = applyRates(base, [bp(block.rate_bp)], roundHalfUpRp);
    const name = `manfaat_uang_tunai_bulan_${month}_${month + block.months - 1}`;
    month += block.months;
    return {
      name,
      amountRp: timesRp(perMonth, block.months),
      basis: `${block.months} × ${formatBp(block.rate_bp)} × ${formatRp(base)} (upah paling tinggi ${formatRp(cap)}) — ${law}`,
      basisEn: `${block.months} × ${formatBp(block.rate_bp)} × ${formatRp(base)} (wage capped at ${formatRp(cap)}) — ${law}`,
    };
  });
  ex.apply(
    'manfaat.jkp',
    'PP 37/2021; PP 6/2025',
    'Uang tunai JKP per bulan, persen upah (dibatasi), skema menurut tanggal PHK.',
    'JKP monthly cash, percent of (capped) wage, scheme by PHK date.',
  );
  return hasil(ex, reasons.length === 0, components, reasons);
}

// Manfaat JKK (work accident / occupational disease) — PP 44/2015 jo PP 82/2019; fact sheet §3.3.

import { addYears, type IsoDate } from '../../calendar.ts';
import { Explainer } from '../../explanation.ts';
import { formatBp, formatRp } from '../../format.ts';
import { applyRates, bp, maxRp, type Rupiah, roundHalfUpRp } from '../../money.ts';
import type { ParameterBook } from '../../params/book.ts';
import { type Anak, beasiswa } from '../jkm/beasiswa.ts';
import { type Alasan, alasan, hasil, type Komponen, type ManfaatResult, wajib } from '../types.ts';
import { DASAR_PERAWATAN, dasar } from './dasar.ts';
import { perawatan, perawatanRumahBelumAda, transport } from './perawatan.ts';

export type KasusJkk =
  | 'death'
  | 'total_permanent_disability'
  | 'partial_disability'
  | 'temporary_disability'
  | 'medical_care';

export interface ManfaatJkkInput {
  readonly eventDate: IsoDate;
  readonly case: KasusJkk;
  readonly wageRp: Rupiah;
  readonly claimDate?: IsoDate;
  readonly children?: readonly Anak[];
  /** Partial disability: key in the (unconfirmed) Lampiran table, or the percentage itself. */
  readonly bodyPart?: string;
  readonly disabilityPercentBp?: number;
  /** Cacat sebagian fungsi: share of function lost. */
  readonly functionLossPercentBp?: number;
  readonly temporaryDisabilityMonths?: number;
  readonly transportRp?: { readonly land?: Rupiah; readonly sea?: Rupiah; readonly air?: Rupiah };
  /** Medical care: treatment costs as billed (no cost ceiling) and home care (capped). */
  readonly medicalCostRp?: Rupiah;
  readonly homeCareRp?: Rupiah;
  readonly homeCareMonths?: number;
}

/** × 80 × upah, times the percentages, one roundHalfUpRp. */
function kaliUpah(ex: Explainer, input: ManfaatJkkInput, percents: number[]): Rupiah {
  const faktor = ex.int('jkk.faktor_upah_bulan', input.eventDate);
  return applyRates(
    input.wageRp,
    [{ numerator: faktor, denominator: 1 }, ...percents.map(bp)],
    roundHalfUpRp,
  );
}

function persenCacatSebagian(ex: Explainer, input: ManfaatJkkInput): number {
  const tabel = ex.maybe<Record<string, number>>('jkk.cacat_sebagian_tabel', input.eventDate);
  const fromTable = tabel && input.bodyPart ? tabel[input.bodyPart] : undefined;
  return (
    fromTable ??
    wajib(
      input.disabilityPercentBp,
      'disabilityPercentBp',
      'cacat sebagian (tabel Lampiran belum dikonfirmasi)',
    )
  );
}

/** "60% × 80 × Rp 4.000.000": the formula of an amount on the wage. */
function rumusUpah(ex: Explainer, input: ManfaatJkkInput, percents: number[]): string {
  const faktor = ex.int('jkk.faktor_upah_bulan', input.eventDate);
  return [...percents.map(formatBp), String(faktor), formatRp(input.wageRp)].join(' × ');
}

/** An amount on the wage, with the basis of the parameter that sets its percentage. */
function santunanUpah(ex: Explainer, input: ManfaatJkkInput, name: string, percentId: string): Komponen {
  const pct = ex.int(percentId, input.eventDate);
  const law = dasar(ex, percentId, input);
  const formula = rumusUpah(ex, input, [pct]);
  return {
    name,
    amountRp: kaliUpah(ex, input, [pct]),
    basis: `${formula} — ${law}`,
    basisEn: `${formula} — ${law}`,
  };
}

/** A fixed amount (funeral, santunan berkala) in force on the accident date. */
function santunanTetap(
  ex: Explainer,
  input: ManfaatJkkInput,
  name: string,
  id: string,
  paidAtOnce: boolean,
): Komponen {
  const a = ex.rupiah(id, input.eventDate);
  const law = dasar(ex, id, input);
  return {
    name,
    amountRp: a,
    basis: `${formatRp(a)}${paidAtOnce ? ' dibayar sekaligus' : ''} — ${law}`,
    basisEn: `${formatRp(a)}${paidAtOnce ? ' paid at once' : ''} — ${law}`,
  };
}

/** Death: 60 % × 80 × upah, at least the JKM santunan kematian in force; funeral; santunan berkala. */
function kematian(ex: Explainer, input: ManfaatJkkInput): Komponen[] {
  const d = input.eventDate;
  const pct = ex.int('jkk.kematian_persen', d);
  const floor = ex.rupiah('jkm.santunan_sekaligus', d);
  const law = dasar(ex, 'jkk.kematian_persen', input);
  const formula = rumusUpah(ex, input, [pct]);
  return [
    {
      name: 'santunan_kematian',
      amountRp: maxRp(kaliUpah(ex, input, [pct]), floor),
      basis: `${formula}, paling sedikit santunan kematian JKM ${formatRp(floor)} — ${law}`,
      basisEn: `${formula}, at least the JKM death benefit ${formatRp(floor)} — ${law}`,
    },
    santunanTetap(ex, input, 'biaya_pemakaman', 'jkk.biaya_pemakaman', false),
    santunanTetap(ex, input, 'santunan_berkala', 'jkk.santunan_berkala', true),
  ];
}

function santunan(ex: Explainer, input: ManfaatJkkInput): Komponen[] {
  switch (input.case) {
    case 'death':
      return kematian(ex, input);
    case 'total_permanent_disability':
      return [
        santunanUpah(ex, input, 'santunan_cacat_total_tetap', 'jkk.cacat_total_tetap_persen'),
        santunanTetap(ex, input, 'santunan_berkala', 'jkk.santunan_berkala', true),
      ];
    case 'partial_disability': {
      const pct = persenCacatSebagian(ex, input);
      const fungsi = input.functionLossPercentBp;
      const percents = fungsi === undefined ? [pct] : [fungsi, pct];
      const formula = rumusUpah(ex, input, percents);
      const law = dasar(ex, 'jkk.faktor_upah_bulan', input);
      return [
        {
          name: 'santunan_cacat_sebagian',
          amountRp: kaliUpah(ex, input, percents),
          basis: `${formula} — ${law}`,
          basisEn: `${formula} — ${law}`,
        },
      ];
    }
    case 'temporary_disability':
      return [stmb(ex, input)];
    case 'medical_care':
      return perawatan(ex, input);
  }
}

/**
 * STMB: the month blocks of jkk.stmb_skema in order (PP 44/2015: 6 at 100 %, 6 at 75 %; PP 82/2019:
 * 12 at 100 %), then jkk.stmb_persen_lanjutan (50 %) until healed, disabled or dead; one rounding.
 */
function stmb(ex: Explainer, input: ManfaatJkkInput): Komponen {
  const d = input.eventDate;
  const months = wajib(input.temporaryDisabilityMonths, 'temporaryDisabilityMonths', 'temporary_disability');
  const skema = ex.value<{ months: number; rate_bp: number }[]>('jkk.stmb_skema', d);
  const blocks: { months: number; rate_bp: number }[] = [];
  let left = months;
  for (const b of skema) {
    const m = Math.min(left, b.months);
    if (m > 0) blocks.push({ months: m, rate_bp: b.rate_bp });
    left -= m;
  }
  if (left > 0) blocks.push({ months: left, rate_bp: ex.int('jkk.stmb_persen_lanjutan', d) });
  const amount = applyRates(
    input.wageRp,
    [{ numerator: blocks.reduce((sum, b) => sum + b.months * b.rate_bp, 0), denominator: 10_000 }],
    roundHalfUpRp,
  );
  const law = dasar(ex, 'jkk.stmb_skema', input);
  const terms = (word: string) =>
    blocks.map((b) => `${b.months} ${word} × ${formatBp(b.rate_bp)}`).join(' + ');
  return {
    name: 'santunan_tidak_mampu_bekerja_sementara',
    amountRp: amount,
    basis: `(${terms('bulan')}) × ${formatRp(input.wageRp)} — ${law}`,
    basisEn: `(${terms('months')}) × ${formatRp(input.wageRp)} — ${law}`,
  };
}

/** The distinct references of the JKK parameters this answer read (the law of the accident date). */
function dasarJawaban(ex: Explainer): string {
  const refs = ex
    .explanation()
    .parameters.filter((p) => p.id.startsWith('jkk.') && p.id !== 'jkk.kedaluwarsa_klaim_tahun')
    .map((p) => p.reference);
  return [...new Set(refs)].join('; ') || DASAR_PERAWATAN;
}

/** Not eligible: the rule that refused, on its legal basis, with the reason in both languages. */
function tidakBerhak(ex: Explainer, rule: string, basis: string, reason: Alasan): ManfaatResult {
  ex.apply(rule, basis, reason.id, reason.en);
  return hasil(ex, false, [], [reason]);
}

/** Every amount is read at the accident (or PAK diagnosis) date, never at the claim date. */
export function manfaatJkk(book: ParameterBook, input: ManfaatJkkInput): ManfaatResult {
  const ex = new Explainer(book);
  const d = input.eventDate;
  const years = ex.int('jkk.kedaluwarsa_klaim_tahun', d);
  if (input.claimDate !== undefined && input.claimDate > addYears(d, years)) {
    const law = dasar(ex, 'jkk.kedaluwarsa_klaim_tahun', input);
    return tidakBerhak(
      ex,
      'manfaat.jkk.kedaluwarsa',
      law,
      alasan(
        'jkk_kedaluwarsa',
        `Hak klaim JKK gugur ${years} tahun setelah kecelakaan (${law}).`,
        `The JKK claim expired ${years} years after the accident (${law}).`,
      ),
    );
  }
  const noHomeCare = perawatanRumahBelumAda(ex, input);
  if (noHomeCare) return tidakBerhak(ex, 'manfaat.jkk.perawatan_rumah', noHomeCare.law, noHomeCare.reason);
  const components = [...santunan(ex, input), ...transport(ex, input)];
  const reasons = [
    alasan(
      'jkk_masa_iur',
      'JKK tidak mensyaratkan masa iur minimal.',
      'JKK needs no minimum contribution period.',
    ),
  ];
  if ((input.case === 'death' || input.case === 'total_permanent_disability') && input.children?.length) {
    const b = beasiswa(ex, d, input.children);
    components.push(...b.components);
    reasons.push(...b.reasons);
  }
  if (input.case === 'partial_disability') {
    reasons.push(
      alasan(
        'jkk_tabel_cacat',
        'Tabel persentase cacat (Lampiran PP 44/2015) belum dikonfirmasi; persentase dari masukan.',
        'The disability percentage table (PP 44/2015 annex) is unconfirmed; the percentage given was used.',
      ),
    );
  }
  ex.apply(
    `manfaat.jkk.${input.case}`,
    dasarJawaban(ex),
    `Santunan JKK menurut kasus, dasar upah terakhir yang dilaporkan, menurut aturan yang berlaku pada tanggal kecelakaan ${d}.`,
    `JKK cash benefit by case, on the last reported wage, under the rules in force on the accident date ${d}.`,
  );
  return hasil(ex, true, components, reasons);
}

// Manfaat JKK (work accident / occupational disease) — PP 44/2015 jo PP 82/2019; fact sheet §3.3.

import { AppError } from '../../../errors.ts';
import { addYears, type IsoDate } from '../../calendar.ts';
import { Explainer } from '../../explanation.ts';
import { formatBp, formatRp } from '../../format.ts';
import { applyRates, bp, maxRp, minRp, type Rupiah, roundHalfUpRp } from '../../money.ts';
import type { ParameterBook } from '../../params/book.ts';
import { type Anak, beasiswa } from '../jkm/beasiswa.ts';
import { alasan, hasil, type Komponen, type ManfaatResult, wajib } from '../types.ts';

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

const REF = 'PP 44/2015 jo PP 82/2019';

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

function santunan(ex: Explainer, input: ManfaatJkkInput): Komponen[] {
  const d = input.eventDate;
  const berkala = (): Komponen => {
    const a = ex.rupiah('jkk.santunan_berkala', d);
    return {
      name: 'santunan_berkala',
      amountRp: a,
      basis: `${formatRp(a)} dibayar sekaligus — ${REF}`,
      basisEn: `${formatRp(a)} paid at once — ${REF}`,
    };
  };
  switch (input.case) {
    case 'death': {
      const pct = ex.int('jkk.kematian_persen', d);
      const floor = ex.rupiah('jkm.santunan_sekaligus', d);
      const amount = maxRp(kaliUpah(ex, input, [pct]), floor);
      const pemakaman = ex.rupiah('jkk.biaya_pemakaman', d);
      return [
        {
          name: 'santunan_kematian',
          amountRp: amount,
          basis: `${formatBp(pct)} × 80 × ${formatRp(input.wageRp)}, paling sedikit santunan kematian JKM ${formatRp(floor)} — ${REF}`,
          basisEn: `${formatBp(pct)} × 80 × ${formatRp(input.wageRp)}, at least the JKM death benefit ${formatRp(floor)} — ${REF}`,
        },
        {
          name: 'biaya_pemakaman',
          amountRp: pemakaman,
          basis: `${formatRp(pemakaman)} — ${REF}`,
          basisEn: `${formatRp(pemakaman)} — ${REF}`,
        },
        berkala(),
      ];
    }
    case 'total_permanent_disability': {
      const pct = ex.int('jkk.cacat_total_tetap_persen', d);
      return [
        {
          name: 'santunan_cacat_total_tetap',
          amountRp: kaliUpah(ex, input, [pct]),
          basis: `${formatBp(pct)} × 80 × ${formatRp(input.wageRp)} — ${REF}`,
          basisEn: `${formatBp(pct)} × 80 × ${formatRp(input.wageRp)} — ${REF}`,
        },
        berkala(),
      ];
    }
    case 'partial_disability': {
      const pct = persenCacatSebagian(ex, input);
      const fungsi = input.functionLossPercentBp;
      const percents = fungsi === undefined ? [pct] : [pct, fungsi];
      const fText = fungsi === undefined ? '' : `${formatBp(fungsi)} × `;
      return [
        {
          name: 'santunan_cacat_sebagian',
          amountRp: kaliUpah(ex, input, percents),
          basis: `${fText}${formatBp(pct)} × 80 × ${formatRp(input.wageRp)} — ${REF}`,
          basisEn: `${fText}${formatBp(pct)} × 80 × ${formatRp(input.wageRp)} — ${REF}`,
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
 * Perawatan dan pengobatan (PP 44/2015 jo PP 82/2019; fact sheet §3.3): treatment by medical need
 * with no cost ceiling; home care for at most 12 months and Rp 20,000,000.
 */
function perawatan(ex: Explainer, input: ManfaatJkkInput): Komponen[] {
  const d = input.eventDate;
  const out: Komponen[] = [];
  if (input.medicalCostRp !== undefined) {
    out.push({
      name: 'biaya_perawatan_pengobatan',
      amountRp: input.medicalCostRp,
      basis: `biaya ${formatRp(input.medicalCostRp)} sesuai kebutuhan medis, tanpa batas biaya — ${REF}`,
      basisEn: `cost ${formatRp(input.medicalCostRp)} as medically needed, with no ceiling — ${REF}`,
    });
  }
  if (input.homeCareRp !== undefined) {
    const months = wajib(input.homeCareMonths, 'homeCareMonths', 'perawatan di rumah (homecare)');
    const maxMonths = ex.int('jkk.perawatan_rumah_bulan_maks', d);
    if (months > maxMonths) {
      throw new AppError('VALIDATION_FAILED', {
        detail: `homeCareMonths: paling lama ${maxMonths} bulan / at most ${maxMonths} months — ${REF}`,
      });
    }
    const cap = ex.rupiah('jkk.perawatan_rumah_maks', d);
    out.push({
      name: 'perawatan_di_rumah',
      amountRp: minRp(input.homeCareRp, cap),
      basis: `biaya ${formatRp(input.homeCareRp)} selama ${months} bulan, paling banyak ${formatRp(cap)} — ${REF}`,
      basisEn: `cost ${formatRp(input.homeCareRp)} over ${months} months, at most ${formatRp(cap)} — ${REF}`,
    });
  }
  if (!out.length && input.transportRp === undefined) {
    wajib(
      undefined,
      'medicalCostRp',
      'perawatan dan pengobatan (medicalCostRp, homeCareRp atau transportRp)',
    );
  }
  return out;
}

/** STMB: 100 % of the wage for months 1-12, 50 % from month 13 (PP 82/2019). */
function stmb(ex: Explainer, input: ManfaatJkkInput): Komponen {
  const d = input.eventDate;
  const months = wajib(input.temporaryDisabilityMonths, 'temporaryDisabilityMonths', 'temporary_disability');
  const full = Math.min(months, ex.int('jkk.stmb_bulan_penuh', d));
  const [awal, lanjut] = [ex.int('jkk.stmb_persen_awal', d), ex.int('jkk.stmb_persen_lanjutan', d)];
  const amount = applyRates(
    input.wageRp,
    [{ numerator: full * awal + (months - full) * lanjut, denominator: 10_000 }],
    roundHalfUpRp,
  );
  return {
    name: 'santunan_tidak_mampu_bekerja_sementara',
    amountRp: amount,
    basis: `${full} bulan × ${formatBp(awal)} + ${months - full} bulan × ${formatBp(lanjut)} × ${formatRp(input.wageRp)} — PP 82/2019`,
    basisEn: `${full} months × ${formatBp(awal)} + ${months - full} months × ${formatBp(lanjut)} × ${formatRp(input.wageRp)} — PP 82/2019`,
  };
}

function transport(ex: Explainer, input: ManfaatJkkInput): Komponen[] {
  const costs = input.transportRp ?? {};
  return (['land', 'sea', 'air'] as const).flatMap((mode) => {
    const cost = costs[mode];
    if (cost === undefined) return [];
    const id = { land: 'darat', sea: 'laut', air: 'udara' }[mode];
    const cap = ex.rupiah(`jkk.transport_${id}_maks`, input.eventDate);
    return [
      {
        name: `transport_${id}`,
        amountRp: minRp(cost, cap),
        basis: `biaya ${formatRp(cost)}, paling banyak ${formatRp(cap)} — PP 82/2019`,
        basisEn: `cost ${formatRp(cost)}, at most ${formatRp(cap)} — PP 82/2019`,
      },
    ];
  });
}

export function manfaatJkk(book: ParameterBook, input: ManfaatJkkInput): ManfaatResult {
  const ex = new Explainer(book);
  const d = input.eventDate;
  const years = ex.int('jkk.kedaluwarsa_klaim_tahun', d);
  if (input.claimDate !== undefined && input.claimDate > addYears(d, years)) {
    return hasil(
      ex,
      false,
      [],
      [
        alasan(
          'jkk_kedaluwarsa',
          `Hak klaim JKK gugur ${years} tahun setelah kecelakaan (PP 82/2019 Pasal 26).`,
          `The JKK claim expired ${years} years after the accident (PP 82/2019 Pasal 26).`,
        ),
      ],
    );
  }
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
    REF,
    'Santunan JKK menurut kasus, dasar upah terakhir yang dilaporkan.',
    'JKK cash benefit by case, on the last reported wage.',
  );
  return hasil(ex, true, components, reasons);
}

// Iuran Penerima Upah (PU) for one iuran month. Every line: upah × rate, one roundHalfUpRp.
import { lastDayOf, type Period } from '../calendar.ts';
import type { Explainer } from '../explanation.ts';
import { formatBp, formatRate, formatRp } from '../format.ts';
import { applyRates, bp, minRp, per100k, type Rate, type Rupiah, roundHalfUpRp } from '../money.ts';
import { bagianDibayarCovid } from './keringanan.ts';
import type { IuranLine, ProgramIuran } from './types.ts';

export type KelompokRisiko = 1 | 2 | 3 | 4 | 5;

export interface IuranPuInput {
  readonly period: Period;
  readonly upahRp: Rupiah;
  readonly kelompokRisiko: KelompokRisiko;
  readonly programs: readonly ProgramIuran[];
  /** Opt-in: the employer is an eligible labour-intensive (padat karya) industry. */
  readonly padatKarya: boolean;
}

function line(
  program: IuranLine['program'],
  payer: IuranLine['payer'],
  amountRp: Rupiah,
  basis: string,
): IuranLine {
  return { program, payer, amountRp, basis };
}

/** PP 44/2015 Pasal 16(2): JKK by risk group; PP 7/2025 + PP 36/2025: padat karya at half the rate. */
function tarifJkk(ex: Explainer, input: IuranPuInput): { rate: Rate; text: string; reference: string } {
  const date = `${input.period}-01`;
  const g = input.kelompokRisiko;
  if (input.padatKarya && ex.bool('keringanan.padat_karya_berlaku', date)) {
    const r = ex.int(`keringanan.padat_karya_jkk_kelompok_${g}`, date);
    ex.apply(
      'iuran.pu.jkk_padat_karya',
      'PP 7/2025; PP 36/2025',
      `Keringanan padat karya: tarif JKK kelompok ${g} menjadi ${formatRate(r, 100_000)}.`,
      `Labour-intensive relief: JKK rate for group ${g} is ${formatRate(r, 100_000)}.`,
    );
    return { rate: per100k(r), text: formatRate(r, 100_000), reference: 'PP 7/2025; PP 36/2025' };
  }
  if (input.padatKarya) {
    ex.apply(
      'iuran.pu.jkk_padat_karya_tidak_berlaku',
      'PP 7/2025; PP 36/2025',
      'Keringanan padat karya tidak berlaku pada bulan iuran ini; tarif normal.',
      'The labour-intensive relief is not in force for this month; normal rate applies.',
    );
  }
  const r = ex.int(`iuran_pu.jkk_kelompok_${g}`, date);
  return { rate: bp(r), text: formatBp(r), reference: 'PP 44/2015 Pasal 16 ayat (2)' };
}

/** JKP (PP 37/2021 Pasal 11; PP 6/2025 Pasal 11): funded by APBN and recomposition, no extra charge. */
function barisJkp(ex: Explainer, input: IuranPuInput): IuranLine | null {
  const needed: ProgramIuran[] = ['JKK', 'JKM', 'JHT'];
  // The rate in force at the end of the iuran month (PP 6/2025 took effect on 7 Feb 2025).
  const date = lastDayOf(input.period);
  if (!needed.every((p) => input.programs.includes(p)) || date < ex.book.firstDate('jkp.iuran_total'))
    return null;
  const totalBp = ex.int('jkp.iuran_total', date);
  const base = minRp(input.upahRp, ex.rupiah('jkp.batas_upah', date));
  const part = (id: string) => applyRates(base, [bp(ex.int(id, date))], roundHalfUpRp);
  const [gov, jkk, jkm] = [
    part('jkp.iuran_pemerintah'),
    part('jkp.rekomposisi_jkk'),
    part('jkp.rekomposisi_jkm'),
  ];
  const total = applyRates(base, [bp(totalBp)], roundHalfUpRp);
  const basis =
    `JKP ${formatBp(totalBp)} × ${formatRp(base)} = ${formatRp(total)}: pemerintah ${formatRp(gov)} + rekomposisi JKK ` +
    `${formatRp(jkk)} + rekomposisi JKM ${formatRp(jkm)}; tidak ada tambahan iuran pemberi kerja (PP 37/2021 / PP 6/2025 Pasal 11)`;
  return line('JKP', 'employer', 0 as Rupiah, basis);
}

export function iuranPu(ex: Explainer, input: IuranPuInput): IuranLine[] {
  const date = `${input.period}-01`;
  const { upahRp: upah, programs } = input;
  const lines: IuranLine[] = [];
  const pct = (id: string) => ex.int(id, date);
  if (programs.includes('JKK') || programs.includes('JKM')) {
    const covid = bagianDibayarCovid(ex, input.period);
    const covidText = covid === 10_000 ? '' : ` × ${formatBp(covid)} (relaksasi PP 49/2020)`;
    if (programs.includes('JKK')) {
      const t = tarifJkk(ex, input);
      const amount = applyRates(upah, [t.rate, bp(covid)], roundHalfUpRp);
      lines.push(
        line('JKK', 'employer', amount, `${t.text} × ${formatRp(upah)}${covidText} — ${t.reference}`),
      );
    }
    if (programs.includes('JKM')) {
      const r = pct('iuran_pu.jkm');
      const amount = applyRates(upah, [bp(r), bp(covid)], roundHalfUpRp);
      lines.push(
        line(
          'JKM',
          'employer',
          amount,
          `${formatBp(r)} × ${formatRp(upah)}${covidText} — PP 44/2015 Pasal 18 ayat (1)`,
        ),
      );
    }
  }
  if (programs.includes('JHT')) {
    for (const [payer, id] of [
      ['employer', 'iuran_pu.jht_pemberi_kerja'],
      ['worker', 'iuran_pu.jht_pekerja'],
    ] as const) {
      const r = pct(id);
      const amount = applyRates(upah, [bp(r)], roundHalfUpRp);
      lines.push(line('JHT', payer, amount, `${formatBp(r)} × ${formatRp(upah)} — PP 46/2015 Pasal 16`));
    }
  }
  if (programs.includes('JP')) {
    // PP 45/2015 Pasal 28-29: the wage counted is capped by the batas upah in force for the month.
    const cap = ex.rupiah('iuran_pu.jp_batas_upah', date);
    const base = minRp(upah, cap);
    for (const [payer, id] of [
      ['employer', 'iuran_pu.jp_pemberi_kerja'],
      ['worker', 'iuran_pu.jp_pekerja'],
    ] as const) {
      const r = pct(id);
      const amount = applyRates(base, [bp(r)], roundHalfUpRp);
      const capText = base < upah ? ` (upah dibatasi batas upah JP ${formatRp(cap)})` : '';
      lines.push(
        line('JP', payer, amount, `${formatBp(r)} × ${formatRp(base)}${capText} — PP 45/2015 Pasal 28-29`),
      );
    }
  }
  const jkp = barisJkp(ex, input);
  if (jkp) lines.push(jkp);
  ex.apply(
    'iuran.pu',
    'PP 44/2015; PP 45/2015; PP 46/2015',
    'Iuran PU = persen upah sebulan per program; dibulatkan ke rupiah terdekat (setengah ke atas) per baris.',
    'PU contribution = percent of monthly wage per programme; each line rounded half-up to the rupiah.',
  );
  return lines;
}

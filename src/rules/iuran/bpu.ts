// Iuran Bukan Penerima Upah (BPU) for one iuran month — fact sheet §2.3.
import type { Period } from '../calendar.ts';
import type { Explainer } from '../explanation.ts';
import { formatBp, formatRp } from '../format.ts';
import { applyRates, bp, maxRp, type Rupiah, roundHalfUpRp } from '../money.ts';
import { bagianDibayarBpuPp50, bagianDibayarCovid } from './keringanan.ts';
import type { FundingSource, IuranLine, ProgramIuran } from './types.ts';

export interface IuranBpuInput {
  readonly period: Period;
  /** Declared monthly income (penghasilan). */
  readonly penghasilanRp: Rupiah;
  readonly programs: readonly ProgramIuran[];
  readonly fundingSource: FundingSource;
  readonly sector?: string;
}

export function iuranBpu(ex: Explainer, input: IuranBpuInput): IuranLine[] {
  const date = `${input.period}-01`;
  // PP 44/2015 Lampiran II: the contribution base is never below the minimum income.
  const minimum = ex.rupiah('iuran_bpu.penghasilan_minimum', date);
  const dasar = maxRp(input.penghasilanRp, minimum);
  if (dasar > input.penghasilanRp) {
    ex.apply(
      'iuran.bpu.penghasilan_minimum',
      'PP 44/2015 Lampiran II',
      `Penghasilan di bawah minimum; dasar iuran ${formatRp(minimum)}.`,
      `Income below the minimum; contribution base ${formatRp(minimum)}.`,
    );
  }
  const lines: IuranLine[] = [];
  const wantsJkkJkm = input.programs.includes('JKK') || input.programs.includes('JKM');
  const covid = wantsJkkJkm ? bagianDibayarCovid(ex, input.period) : 10_000;
  const pp50 = wantsJkkJkm
    ? bagianDibayarBpuPp50(ex, input.period, input.fundingSource, input.sector)
    : 10_000;
  const shares = [bp(covid), bp(pp50)];
  const shareText = [covid, pp50]
    .filter((s) => s !== 10_000)
    .map((s) => ` × ${formatBp(s)}`)
    .join('');
  if (input.programs.includes('JKK')) {
    const r = ex.int('iuran_bpu.jkk_tarif', date);
    const amount = applyRates(dasar, [bp(r), ...shares], roundHalfUpRp);
    lines.push({
      program: 'JKK',
      payer: 'participant',
      amountRp: amount,
      basis: `${formatBp(r)} × ${formatRp(dasar)}${shareText} — PP 44/2015 Lampiran II`,
    });
  }
  if (input.programs.includes('JKM')) {
    const nominal = ex.rupiah('iuran_bpu.jkm_iuran', date);
    const amount = applyRates(nominal, shares, roundHalfUpRp);
    lines.push({
      program: 'JKM',
      payer: 'participant',
      amountRp: amount,
      basis: `${formatRp(nominal)}${shareText} — PP 44/2015 Pasal 18`,
    });
  }
  if (input.programs.includes('JHT')) {
    const r = ex.int('iuran_bpu.jht_tarif', date);
    const amount = applyRates(dasar, [bp(r)], roundHalfUpRp);
    lines.push({
      program: 'JHT',
      payer: 'participant',
      amountRp: amount,
      basis: `${formatBp(r)} × ${formatRp(dasar)} — PP 46/2015`,
    });
  }
  ex.apply(
    'iuran.bpu',
    'PP 44/2015; PP 46/2015',
    `Iuran BPU: JKK persen penghasilan, JKM nominal, JHT sukarela; dibayar peserta (sumber dana ${input.fundingSource}).`,
    `BPU contribution: JKK percent of income, JKM flat, JHT optional; paid by the participant (funded by ${input.fundingSource}).`,
  );
  return lines;
}

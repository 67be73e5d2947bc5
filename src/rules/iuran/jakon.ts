// Iuran Jasa Konstruksi — fact sheet §2.4: wage-based when wages are known, otherwise marginal
// tiers on the contract value (PP 44/2015 Pasal 16-18; PP 49/2020 Pasal 11-12).
import type { Period } from '../calendar.ts';
import type { Explainer } from '../explanation.ts';
import { formatBp, formatRp } from '../format.ts';
import { applyRates, bp, type Rupiah, roundHalfUpRp } from '../money.ts';
import { bagianDibayarCovid } from './keringanan.ts';
import type { IuranLine, ProgramIuran } from './types.ts';

export interface Lapisan {
  readonly up_to_rp: number | null;
  readonly rate_bp: number;
}

/** Σ slice × marginal rate, exact in BigInt numerators over 10 000, then one rounding. */
export function iuranLapisan(base: Rupiah, tiers: readonly Lapisan[], covidBp: number): Rupiah {
  let numerator = 0n;
  let lower = 0n;
  const value = BigInt(base);
  for (const t of tiers) {
    const upper = t.up_to_rp === null ? value : BigInt(t.up_to_rp);
    const top = value < upper ? value : upper;
    if (top > lower) numerator += (top - lower) * BigInt(t.rate_bp);
    if (value <= upper) break;
    lower = upper;
  }
  return roundHalfUpRp(numerator * BigInt(covidBp), 10_000n * 10_000n);
}

export interface IuranJakonInput {
  readonly period: Period;
  readonly upahRp?: Rupiah;
  readonly nilaiKontrakRp?: Rupiah;
  readonly programs: readonly ProgramIuran[];
}

export function iuranJakon(ex: Explainer, input: IuranJakonInput): IuranLine[] {
  const date = `${input.period}-01`;
  const covid = bagianDibayarCovid(ex, input.period);
  const lines: IuranLine[] = [];
  const covidText = covid === 10_000 ? '' : ` × ${formatBp(covid)}`;
  for (const program of ['JKK', 'JKM'] as const) {
    if (!input.programs.includes(program)) continue;
    const key = program.toLowerCase();
    if (input.upahRp !== undefined) {
      const r = ex.int(`iuran_jakon.${key}_tarif_upah`, date);
      const amount = applyRates(input.upahRp, [bp(r), bp(covid)], roundHalfUpRp);
      lines.push({
        program,
        payer: 'employer',
        amountRp: amount,
        basis: `${formatBp(r)} × upah ${formatRp(input.upahRp)}${covidText} — PP 44/2015 Pasal 16-18`,
      });
    } else if (input.nilaiKontrakRp !== undefined) {
      const tiers = ex.value<Lapisan[]>(`iuran_jakon.${key}_lapisan_nilai_kontrak`, date);
      const amount = iuranLapisan(input.nilaiKontrakRp, tiers, covid);
      lines.push({
        program,
        payer: 'employer',
        amountRp: amount,
        basis: `tarif marjinal berlapis atas nilai kontrak ${formatRp(input.nilaiKontrakRp)}${covidText} — PP 44/2015 Pasal 16-18; PP 49/2020 Pasal 11-12`,
      });
    }
  }
  if (input.upahRp === undefined) {
    ex.maybe('iuran_jakon.nilai_kontrak_termasuk_ppn', date);
    ex.apply(
      'iuran.jakon.nilai_kontrak',
      'PP 44/2015 Pasal 16-18',
      'Upah tidak diketahui: iuran dari lapisan nilai kontrak (apakah termasuk PPN belum dikonfirmasi).',
      'Wages unknown: contribution from contract-value tiers (whether VAT is included is unconfirmed).',
    );
  }
  return lines;
}

// Rumus manfaat JP — PP 45/2015; Permenaker 29/2015 (fact sheet §3.4): the monthly pension formula
// and the lump sum, shared by the old-age, survivor and disability pensions.

import type { Explainer } from '../../explanation.ts';
import { formatRp } from '../../format.ts';
import { maxRp, minRp, type Rupiah, roundHalfUpRp } from '../../money.ts';
import { type Alasan, alasan, hasil, type Komponen, type ManfaatResult, wajib } from '../types.ts';
import type { ManfaatJpInput } from './manfaat.ts';

/** 1 % × (masa iur / 12) × average indexed wage, within the min/max in force where known. */
export function manfaatBulanan(ex: Explainer, input: ManfaatJpInput, reasons: Alasan[]): Komponen {
  const d = input.eventDate;
  const wage = wajib(input.averageIndexedWageRp, 'averageIndexedWageRp', 'manfaat pensiun bulanan');
  const pct = ex.int('jp.manfaat_persen_per_tahun', d);
  let amount = roundHalfUpRp(BigInt(wage) * BigInt(input.contributionMonths) * BigInt(pct), 12n * 10_000n);
  const formula = `1% × ${input.contributionMonths}/12 × ${formatRp(wage)} = ${formatRp(amount)}`;
  const min = ex.maybe<number>('jp.manfaat_minimum', d);
  const max = ex.maybe<number>('jp.manfaat_maksimum', d);
  if (min !== null) amount = maxRp(amount, min as Rupiah);
  if (max !== null) amount = minRp(amount, max as Rupiah);
  if (min === null || max === null) {
    reasons.push(
      alasan(
        'jp_batas_tidak_diketahui',
        'Batas manfaat minimum/maksimum pada tanggal ini belum dikonfirmasi; tidak diterapkan.',
        'The minimum/maximum benefit on this date is unconfirmed and was not applied.',
      ),
    );
  }
  const range = `${min === null ? '?' : formatRp(min)} – ${max === null ? '?' : formatRp(max)}`;
  return {
    name: 'manfaat_pensiun_bulanan',
    amountRp: amount,
    basis: `${formula}; batas ${range} — PP 45/2015`,
    basisEn: `${formula}; bounds ${range} — PP 45/2015`,
  };
}

function sekaligus(input: ManfaatJpInput): Komponen {
  const balance = wajib(input.balanceRp, 'balanceRp', 'manfaat JP sekaligus (masa iur < 15 tahun)');
  return {
    name: 'manfaat_pensiun_sekaligus',
    amountRp: balance,
    basis: 'akumulasi iuran + hasil pengembangan — PP 45/2015',
    basisEn: 'accumulated contributions + returns — PP 45/2015',
  };
}

/** The lump sum, said aloud when it is Rp 0 (a claim of Rp 0 is never approved silently). */
export function hasilSekaligus(ex: Explainer, input: ManfaatJpInput, reasons: Alasan[]): ManfaatResult {
  const component = sekaligus(input);
  if (component.amountRp === 0) {
    reasons.push(
      alasan(
        'jp_sekaligus_nol',
        'Akumulasi iuran JP Rp 0: tidak ada yang dibayarkan; klaim Rp 0 hanya disetujui dengan alasan tertulis.',
        'Accumulated JP contributions are Rp 0: nothing is paid; a Rp 0 claim is approved only with a written reason.',
      ),
    );
  }
  return hasil(ex, true, [component], reasons);
}

// Manfaat JHT — PP 46/2015 jo PP 60/2015; Permenaker 4/2022 (fact sheet §3.5). Balance-based.
import { addMonths, ageOnDate, type IsoDate } from '../../calendar.ts';
import { Explainer } from '../../explanation.ts';
import { formatBp, formatRp } from '../../format.ts';
import { applyRates, bp, floorRp, type Rupiah } from '../../money.ts';
import type { ParameterBook } from '../../params/book.ts';
import { alasan, hasil, type ManfaatResult, wajib } from '../types.ts';

export const JHT_REASONS = [
  'retirement_age',
  'resignation',
  'termination',
  'contract_end',
  'bpu_stopped',
  'leaving_indonesia',
  'total_permanent_disability',
  'death',
  'partial_retirement_preparation',
  'partial_housing',
] as const;
export type AlasanJht = (typeof JHT_REASONS)[number];

export interface ManfaatJhtInput {
  /** The claim date. */
  readonly eventDate: IsoDate;
  readonly reason: AlasanJht;
  readonly balanceRp: Rupiah;
  readonly birthDate?: IsoDate;
  /** Date of the employer's resignation letter or of the PHK. */
  readonly terminationDate?: IsoDate;
  readonly membershipMonths?: number;
  readonly partialAlreadyTaken?: boolean;
}

function sebagian(ex: Explainer, input: ManfaatJhtInput): ManfaatResult {
  const d = input.eventDate;
  const minMonths = ex.int('jht.sebagian_kepesertaan_minimum_bulan', d);
  const months = wajib(input.membershipMonths, 'membershipMonths', 'JHT sebagian');
  if (months < minMonths || input.partialAlreadyTaken) {
    return hasil(
      ex,
      false,
      [],
      [
        alasan(
          'jht_sebagian_syarat',
          `JHT sebagian hanya sekali, setelah kepesertaan paling singkat ${minMonths} bulan.`,
          `Partial JHT is paid once only, after at least ${minMonths} months of membership.`,
        ),
      ],
    );
  }
  const id =
    input.reason === 'partial_housing'
      ? 'jht.sebagian_perumahan_persen'
      : 'jht.sebagian_persiapan_pensiun_persen';
  const pct = ex.int(id, d);
  // "paling banyak" a share of the balance: floorRp so the payout never exceeds it.
  const amount = applyRates(input.balanceRp, [bp(pct)], floorRp);
  return hasil(
    ex,
    true,
    [
      {
        name: 'jht_sebagian',
        amountRp: amount,
        basis: `${formatBp(pct)} × saldo ${formatRp(input.balanceRp)} — PP 46/2015 jo PP 60/2015`,
        basisEn: `${formatBp(pct)} × balance ${formatRp(input.balanceRp)} — PP 46/2015 jo PP 60/2015`,
      },
    ],
    [],
  );
}

export function manfaatJht(book: ParameterBook, input: ManfaatJhtInput): ManfaatResult {
  const ex = new Explainer(book);
  const d = input.eventDate;
  if (input.reason === 'partial_housing' || input.reason === 'partial_retirement_preparation')
    return sebagian(ex, input);
  const reasons = [];
  let eligible = true;
  if (input.reason === 'retirement_age') {
    const age = ex.int('jht.usia_manfaat_tahun', d);
    if (ageOnDate(wajib(input.birthDate, 'birthDate', 'retirement_age'), d) < age) {
      eligible = false;
      reasons.push(
        alasan(
          'jht_usia',
          `Peserta belum mencapai usia ${age} tahun.`,
          `The participant has not reached age ${age}.`,
        ),
      );
    }
  }
  if (input.reason === 'resignation' || input.reason === 'termination') {
    // Permenaker 4/2022: paid after a 1-month wait from the resignation letter / PHK date.
    const wait = ex.int('jht.masa_tunggu_bulan', d);
    const from = addMonths(wajib(input.terminationDate, 'terminationDate', input.reason), wait);
    if (d < from) {
      eligible = false;
      reasons.push(
        alasan(
          'jht_masa_tunggu',
          `Masa tunggu ${wait} bulan; JHT dapat diklaim mulai ${from}.`,
          `${wait}-month waiting period; JHT can be claimed from ${from}.`,
        ),
      );
    }
  }
  ex.apply(
    `manfaat.jht.${input.reason}`,
    'PP 46/2015 jo PP 60/2015; Permenaker 4/2022',
    'JHT dibayar sekaligus sebesar saldo (iuran + hasil pengembangan).',
    'JHT is paid as a lump sum of the balance (contributions + returns).',
  );
  const component = {
    name: 'saldo_jht',
    amountRp: input.balanceRp,
    basis: 'saldo JHT — PP 46/2015 jo PP 60/2015',
    basisEn: 'JHT balance — PP 46/2015 jo PP 60/2015',
  };
  return hasil(ex, eligible, [component], reasons);
}

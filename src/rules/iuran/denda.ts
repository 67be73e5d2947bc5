// PU late fees (denda) — fact sheet §2.5: 2% per month late of the contribution that should have
// been paid, borne by the employer. Each programme's regulation sets its own rate (JKK and JKM:
// PP 44/2015; JHT: PP 46/2015; JP: PP 45/2015; 0.5% for the iuran months of PP 49/2020 Pasal 23(1)),
// and the fee is computed on that programme's contribution only: never on an earlier late fee.
import { AppError } from '../../errors.ts';
import type { IsoDate, Period } from '../calendar.ts';
import type { Explainer } from '../explanation.ts';
import { formatBp } from '../format.ts';
import { type Rupiah, roundHalfUpRp, sumRp } from '../money.ts';
import { bulanTerlambatPu, jatuhTempoPu } from './jatuh-tempo.ts';
import type { ProgramIuran } from './types.ts';

const TARIF: Record<ProgramIuran, string> = {
  JKK: 'jatuh_tempo.pu_denda_per_bulan_jkk',
  JKM: 'jatuh_tempo.pu_denda_per_bulan_jkm',
  JHT: 'jatuh_tempo.pu_denda_per_bulan_jht',
  JP: 'jatuh_tempo.pu_denda_per_bulan_jp',
};

/** The regulation of the rate in force, without the parameter file's remark: "PP 44/2015". */
function dasarTarif(reference: string): string {
  const cut = reference.indexOf(' (');
  return cut < 0 ? reference : reference.slice(0, cut);
}

/** A programme's contribution on the overdue invoice (employer and worker shares together). */
export interface IuranTerlambat {
  readonly program: string;
  readonly iuranRp: Rupiah;
}

export interface DendaLine {
  readonly program: ProgramIuran;
  /** The contribution the fee is computed on (the open share, when part is paid). */
  readonly iuranRp: Rupiah;
  readonly rateBp: number;
  readonly dendaRp: Rupiah;
  readonly basis: string;
}

export interface DendaResult {
  readonly dueDate: IsoDate;
  readonly monthsLate: number;
  readonly lines: DendaLine[];
  readonly totalRp: Rupiah;
}

function tarifOf(program: string) {
  const t = TARIF[program as ProgramIuran];
  if (!t) {
    throw new AppError('VALIDATION_FAILED', {
      detail: `program ${program}: tidak ada denda keterlambatan / no late fee for this programme`,
    });
  }
  return t;
}

/**
 * The late fee of a PU iuran month paid (or still open) on `paidDate`: per programme,
 * rate × months late × that programme's contribution, rounded half-up per programme. When only
 * `openRp` of the contributions is still unpaid (payments settle contributions before fees), each
 * programme's base is its share of `openRp`, in the same single rounding.
 */
export function dendaPu(
  ex: Explainer,
  period: Period,
  iuran: readonly IuranTerlambat[],
  paidDate: IsoDate,
  openRp?: Rupiah,
): DendaResult {
  const dueDate = jatuhTempoPu(ex, period);
  const monthsLate = bulanTerlambatPu(ex, period, paidDate);
  const byProgram = new Map<ProgramIuran, number>();
  for (const i of iuran) {
    tarifOf(i.program);
    const p = i.program as ProgramIuran;
    byProgram.set(p, (byProgram.get(p) ?? 0) + i.iuranRp);
  }
  const totalIuran = [...byProgram.values()].filter((v) => v > 0).reduce((a, b) => a + b, 0);
  const open = BigInt(Math.max(0, Math.min(openRp ?? totalIuran, totalIuran)));
  const lines: DendaLine[] = [];
  for (const program of ['JKK', 'JKM', 'JHT', 'JP'] as const) {
    const amount = byProgram.get(program);
    if (amount === undefined || amount <= 0) continue;
    const rate = ex.entry(TARIF[program], `${period}-01`);
    const rateBp = ex.int(TARIF[program], `${period}-01`);
    const basis = dasarTarif(rate.reference);
    const [num, den] = open === BigInt(totalIuran) ? [1n, 1n] : [open, BigInt(totalIuran)];
    // totalIuran > 0 here: this programme's amount is part of it.
    const base = roundHalfUpRp(BigInt(amount) * num, den);
    const dendaRp = roundHalfUpRp(BigInt(amount) * num * BigInt(rateBp * monthsLate), den * 10_000n);
    lines.push({ program, iuranRp: base, rateBp, dendaRp, basis });
  }
  const rates = lines.map((l) => `${l.program} ${formatBp(l.rateBp)}`).join(', ') || '—';
  const bases = [...new Set(lines.map((l) => l.basis))].map(
    (b) =>
      `${b} (${lines
        .filter((l) => l.basis === b)
        .map((l) => l.program)
        .join(', ')})`,
  );
  ex.apply(
    'jatuh_tempo.denda_pu',
    bases.join('; ') || 'PP 44/2015 (JKK, JKM); PP 46/2015 (JHT); PP 45/2015 (JP)',
    `Jatuh tempo ${dueDate}; terlambat ${monthsLate} bulan; denda ${rates} per bulan dari iuran tiap program yang terlambat, tidak dari denda sebelumnya.`,
    `Due ${dueDate}; ${monthsLate} months late; fee ${rates} per month of each programme's overdue contribution, never of earlier fees.`,
  );
  return { dueDate, monthsLate, lines, totalRp: sumRp(lines.map((l) => l.dendaRp)) };
}

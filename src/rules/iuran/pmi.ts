// Iuran Pekerja Migran Indonesia — Permenaker 4/2023 Pasal 18 (fact sheet §2.6).
import { AppError } from '../../errors.ts';
import type { Period } from '../calendar.ts';
import type { Explainer } from '../explanation.ts';
import { formatRp } from '../format.ts';
import { timesRp } from '../money.ts';
import type { IuranLine } from './types.ts';

/** The contract lengths Pasal 18(2) prices as a package ("paket"). */
export const PMI_CONTRACT_MONTHS = [6, 12, 24] as const;
export type PaketPmi = (typeof PMI_CONTRACT_MONTHS)[number];

/** Longest contract the form accepts: ten years (a safeguard, not a legal limit). */
export const PMI_CONTRACT_MONTHS_MAX = 120;

export interface IuranPmiInput {
  readonly period: Period;
  /** Any length of the work agreement (perjanjian kerja), in months. */
  readonly contractMonths: number;
  /** Months beyond the agreement (an extension), each at the per-month rate. */
  readonly extraMonths: number;
}

/**
 * The package a contract of any length is priced by and the months beyond it (Pasal 18(3): every
 * month beyond the agreement at Rp 13.500): the longest package not longer than the contract, or
 * the 6-month package for a shorter contract. 28 months = package 24 + 4 months; 18 = 12 + 6.
 */
export function paketPmi(contractMonths: number): { paketMonths: PaketPmi; beyondMonths: number } {
  if (
    !Number.isSafeInteger(contractMonths) ||
    contractMonths < 1 ||
    contractMonths > PMI_CONTRACT_MONTHS_MAX
  ) {
    throw new AppError('VALIDATION_FAILED', {
      detail: `contractMonths: 1–${PMI_CONTRACT_MONTHS_MAX} bulan / months (Permenaker 4/2023 Pasal 18)`,
    });
  }
  const fitting = PMI_CONTRACT_MONTHS.filter((m) => m <= contractMonths);
  const paketMonths = fitting.at(-1) ?? PMI_CONTRACT_MONTHS[0];
  return { paketMonths, beyondMonths: Math.max(0, contractMonths - paketMonths) };
}

export function iuranPmi(ex: Explainer, input: IuranPmiInput): IuranLine[] {
  const date = `${input.period}-01`;
  const { paketMonths, beyondMonths } = paketPmi(input.contractMonths);
  const extraMonths = beyondMonths + input.extraMonths;
  const pre = ex.rupiah('iuran_pmi.sebelum_penempatan', date);
  const during = ex.rupiah(`iuran_pmi.kontrak_${paketMonths}_bulan`, date);
  const perExtra = ex.rupiah('iuran_pmi.per_bulan_tambahan', date);
  const ref = 'Permenaker 4/2023 Pasal 18';
  const lines: IuranLine[] = [
    {
      program: 'JKK+JKM',
      payer: 'participant',
      amountRp: pre,
      basis: `sebelum bekerja ${formatRp(pre)} — ${ref}`,
    },
    {
      program: 'JKK+JKM',
      payer: 'participant',
      amountRp: during,
      basis: `selama dan setelah bekerja, paket kontrak ${paketMonths} bulan ${formatRp(during)} — ${ref}`,
    },
  ];
  if (extraMonths > 0) {
    lines.push({
      program: 'JKK+JKM',
      payer: 'participant',
      amountRp: timesRp(perExtra, extraMonths),
      basis: `${extraMonths} × ${formatRp(perExtra)} per bulan melebihi paket ${paketMonths} bulan — ${ref} ayat (3)`,
    });
  }
  ex.apply(
    'iuran.pmi',
    ref,
    'Iuran PMI nominal menurut lama perjanjian kerja; setiap bulan melebihi paket 6, 12 atau 24 bulan Rp 13.500.',
    'PMI contribution: fixed amounts by contract length; each month beyond the 6-, 12- or 24-month package Rp 13,500.',
  );
  return lines;
}

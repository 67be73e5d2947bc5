// Iuran Pekerja Migran Indonesia — Permenaker 4/2023 Pasal 18 (fact sheet §2.6).
import { AppError } from '../../errors.ts';
import type { Period } from '../calendar.ts';
import type { Explainer } from '../explanation.ts';
import { formatRp } from '../format.ts';
import { timesRp } from '../money.ts';
import type { IuranLine } from './types.ts';

export const PMI_CONTRACT_MONTHS = [6, 12, 24] as const;

export interface IuranPmiInput {
  readonly period: Period;
  readonly contractMonths: number;
  readonly extraMonths: number;
}

export function iuranPmi(ex: Explainer, input: IuranPmiInput): IuranLine[] {
  const date = `${input.period}-01`;
  if (!(PMI_CONTRACT_MONTHS as readonly number[]).includes(input.contractMonths)) {
    throw new AppError('VALIDATION_FAILED', {
      detail: `contractMonths: harus 6, 12 atau 24 / must be 6, 12 or 24 (Permenaker 4/2023 Pasal 18)`,
    });
  }
  const pre = ex.rupiah('iuran_pmi.sebelum_penempatan', date);
  const during = ex.rupiah(`iuran_pmi.kontrak_${input.contractMonths}_bulan`, date);
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
      basis: `selama dan setelah bekerja, kontrak ${input.contractMonths} bulan ${formatRp(during)} — ${ref}`,
    },
  ];
  if (input.extraMonths > 0) {
    lines.push({
      program: 'JKK+JKM',
      payer: 'participant',
      amountRp: timesRp(perExtra, input.extraMonths),
      basis: `${input.extraMonths} × ${formatRp(perExtra)} per bulan melebihi perjanjian kerja — ${ref}`,
    });
  }
  ex.apply(
    'iuran.pmi',
    ref,
    'Iuran PMI nominal menurut lama perjanjian kerja.',
    'PMI contribution: fixed amounts by contract length.',
  );
  return lines;
}

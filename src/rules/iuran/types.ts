// Shared shapes of the contribution (iuran) rules.
import type { IsoDate } from '../calendar.ts';
import type { Explanation } from '../explanation.ts';
import type { Rupiah } from '../money.ts';

export type ProgramIuran = 'JKK' | 'JKM' | 'JHT' | 'JP';
/** JKP appears as a zero-charge line; PMI pays one amount for JKK and JKM together. */
export type ProgramLine = ProgramIuran | 'JKP' | 'JKK+JKM';
export type Payer = 'employer' | 'worker' | 'participant';
export type FundingSource = 'SELF' | 'EMPLOYER' | 'APBN' | 'APBD' | 'APBDES' | 'CSR';

export interface IuranLine {
  readonly program: ProgramLine;
  readonly payer: Payer;
  readonly amountRp: Rupiah;
  readonly basis: string;
}

export interface IuranResult {
  readonly totalRp: Rupiah;
  readonly lines: IuranLine[];
  /** null where no monthly due date is encoded (Jakon, PMI). */
  readonly dueDate: IsoDate | null;
  /** Only when asked with a payment date (`paidOn`, PU): the months late and the late fee. */
  readonly lateFee?: LateFee;
  readonly explanation: Explanation;
}

export interface LateFee {
  readonly paidOn: IsoDate;
  readonly dueDate: IsoDate;
  readonly monthsLate: number;
  readonly totalRp: Rupiah;
  /** Per programme: the contribution, the monthly rate and the fee, with its legal basis. */
  readonly lines: {
    readonly program: ProgramIuran;
    readonly iuranRp: Rupiah;
    readonly rateBp: number;
    readonly amountRp: Rupiah;
    readonly basis: string;
  }[];
}

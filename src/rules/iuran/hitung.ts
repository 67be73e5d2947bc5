// The contribution calculator: one entry point per input, dispatching on the segment.
import { AppError } from '../../errors.ts';
import type { IsoDate, Period } from '../calendar.ts';
import { Explainer } from '../explanation.ts';
import { type Rupiah, sumRp } from '../money.ts';
import type { ParameterBook } from '../params/book.ts';
import { iuranBpu } from './bpu.ts';
import { dendaPu } from './denda.ts';
import { iuranJakon } from './jakon.ts';
import { jatuhTempoBpu, jatuhTempoPu } from './jatuh-tempo.ts';
import { iuranPmi } from './pmi.ts';
import { iuranPu, type KelompokRisiko } from './pu.ts';
import type { FundingSource, IuranLine, IuranResult, LateFee, ProgramIuran } from './types.ts';

export type Segment = 'PU' | 'BPU' | 'JAKON' | 'PMI';

export interface IuranInput {
  readonly segment: Segment;
  readonly period: Period;
  readonly wageRp?: Rupiah;
  readonly riskGroup?: KelompokRisiko;
  readonly programs?: readonly ProgramIuran[];
  readonly fundingSource?: FundingSource;
  readonly sector?: string;
  readonly contractValueRp?: Rupiah;
  readonly contractMonths?: number;
  readonly extraMonths?: number;
  /** Asks the late-fee question (PU): the date the iuran is (to be) paid. */
  readonly paidOn?: IsoDate;
}

/** Mandatory programmes per segment (fact sheet §1.2) and those a segment may add. */
export const PROGRAM_WAJIB: Record<Segment, ProgramIuran[]> = {
  PU: ['JKK', 'JKM', 'JHT', 'JP'],
  BPU: ['JKK', 'JKM'],
  JAKON: ['JKK', 'JKM'],
  PMI: ['JKK', 'JKM'],
};
export const PROGRAM_BOLEH: Record<Segment, ProgramIuran[]> = {
  PU: ['JKK', 'JKM', 'JHT', 'JP'],
  BPU: ['JKK', 'JKM', 'JHT'],
  JAKON: ['JKK', 'JKM'],
  PMI: ['JKK', 'JKM'],
};

function need<T>(value: T | undefined, field: string, segment: Segment): T {
  if (value === undefined) {
    throw new AppError('VALIDATION_FAILED', {
      detail: `${field}: wajib untuk segmen ${segment} / required for ${segment}`,
    });
  }
  return value;
}

function programsOf(input: IuranInput): ProgramIuran[] {
  const programs = [...(input.programs ?? PROGRAM_WAJIB[input.segment])];
  const bad = programs.filter((p) => !PROGRAM_BOLEH[input.segment].includes(p));
  if (bad.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      detail: `programs: ${bad.join(', ')} tidak tersedia untuk segmen ${input.segment} / not available for ${input.segment}`,
    });
  }
  return programs;
}

function linesFor(ex: Explainer, input: IuranInput, programs: ProgramIuran[]): IuranLine[] {
  const { segment, period } = input;
  switch (segment) {
    case 'PU':
      return iuranPu(ex, {
        period,
        programs,
        upahRp: need(input.wageRp, 'wageRp', segment),
        kelompokRisiko: need(input.riskGroup, 'riskGroup', segment),
        padatKarya: input.sector === 'padat_karya',
      });
    case 'BPU':
      return iuranBpu(ex, {
        period,
        programs,
        penghasilanRp: need(input.wageRp, 'wageRp', segment),
        fundingSource: input.fundingSource ?? 'SELF',
        ...(input.sector !== undefined ? { sector: input.sector } : {}),
      });
    case 'JAKON':
      if (input.wageRp === undefined) need(input.contractValueRp, 'contractValueRp', segment);
      return iuranJakon(ex, {
        period,
        programs,
        ...(input.wageRp !== undefined ? { upahRp: input.wageRp } : {}),
        ...(input.contractValueRp !== undefined ? { nilaiKontrakRp: input.contractValueRp } : {}),
      });
    case 'PMI':
      return iuranPmi(ex, {
        period,
        contractMonths: need(input.contractMonths, 'contractMonths', segment),
        extraMonths: input.extraMonths ?? 0,
      });
  }
}

export function hitungIuran(book: ParameterBook, input: IuranInput): IuranResult {
  const ex = new Explainer(book);
  const lines = linesFor(ex, input, programsOf(input));
  const dueDate =
    input.segment === 'PU'
      ? jatuhTempoPu(ex, input.period)
      : input.segment === 'BPU'
        ? jatuhTempoBpu(ex, input.period)
        : null;
  const lateFee = input.paidOn === undefined ? undefined : dendaOf(ex, input, lines, input.paidOn);
  return {
    totalRp: sumRp(lines.map((l) => l.amountRp)),
    lines,
    dueDate,
    ...(lateFee ? { lateFee } : {}),
    explanation: ex.explanation(),
  };
}

/** The late-fee answer: only PU iuran carries a late fee (BPU has none — fact sheet §2.3). */
function dendaOf(ex: Explainer, input: IuranInput, lines: IuranLine[], paidOn: IsoDate): LateFee {
  if (input.segment !== 'PU') {
    throw new AppError('VALIDATION_FAILED', {
      detail: `paidOn: denda keterlambatan hanya untuk segmen PU / late fees apply to PU only (${input.segment})`,
    });
  }
  const iuran = lines.filter((l) => l.amountRp > 0).map((l) => ({ program: l.program, iuranRp: l.amountRp }));
  const d = dendaPu(ex, input.period, iuran, paidOn);
  return {
    paidOn,
    dueDate: d.dueDate,
    monthsLate: d.monthsLate,
    totalRp: d.totalRp,
    lines: d.lines.map(({ program, iuranRp, rateBp, dendaRp, basis }) => ({
      program,
      iuranRp,
      rateBp,
      amountRp: dendaRp,
      basis,
    })),
  };
}

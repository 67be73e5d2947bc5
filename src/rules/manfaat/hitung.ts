// The benefit calculator: one entry point, dispatching on the programme.

import type { ParameterBook } from '../params/book.ts';
import type { ManfaatJhtInput } from './jht/manfaat.ts';
import { manfaatJht } from './jht/manfaat.ts';
import { type ManfaatJkkInput, manfaatJkk } from './jkk/manfaat.ts';
import { type ManfaatJkmInput, manfaatJkm } from './jkm/manfaat.ts';
import { type ManfaatJkpInput, manfaatJkp } from './jkp/manfaat.ts';
import { type ManfaatJpInput, manfaatJp } from './jp/manfaat.ts';
import type { ManfaatResult } from './types.ts';

export type ManfaatInput =
  | ({ readonly program: 'JKM' } & ManfaatJkmInput)
  | ({ readonly program: 'JKK' } & ManfaatJkkInput)
  | ({ readonly program: 'JHT' } & ManfaatJhtInput)
  | ({ readonly program: 'JP' } & ManfaatJpInput)
  | ({ readonly program: 'JKP' } & ManfaatJkpInput);

export function hitungManfaat(book: ParameterBook, input: ManfaatInput): ManfaatResult {
  switch (input.program) {
    case 'JKM':
      return manfaatJkm(book, input);
    case 'JKK':
      return manfaatJkk(book, input);
    case 'JHT':
      return manfaatJht(book, input);
    case 'JP':
      return manfaatJp(book, input);
    case 'JKP':
      return manfaatJkp(book, input);
  }
}

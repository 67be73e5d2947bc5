// Error codes: Bank accounts and bank codes.
import type { CatalogEntry } from '../entry.ts';

export const BANK_ERRORS = {
  BANK_ACCOUNT_INVALID: {
    status: 422,
    id: 'Nomor rekening harus 6–20 angka.',
    en: 'The bank account number must be 6–20 digits.',
  },
  BANK_UNKNOWN: {
    status: 422,
    id: 'Kode bank {code} tidak dikenal.',
    en: 'Bank code {code} is unknown.',
  },
} as const satisfies Record<string, CatalogEntry>;

// Error codes: Billing exports and budget allocations.
import type { CatalogEntry } from '../entry.ts';

export const BUDGET_ERRORS = {
  EXPORT_TOO_LARGE: {
    status: 422,
    id: 'Ekspor melebihi {max} baris. Persempit dengan filter periode, pembayar atau status.',
    en: 'The export exceeds {max} rows. Narrow it with the period, payer or status filter.',
  },
  FISCAL_YEAR_OUTSIDE_AGREEMENT: {
    status: 422,
    id: 'Tahun anggaran {year} di luar masa berlaku perjanjian ({from} s.d. {to}).',
    en: 'Fiscal year {year} lies outside the agreement’s validity ({from} to {to}).',
  },
} as const satisfies Record<string, CatalogEntry>;

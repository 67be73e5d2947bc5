// Error codes: The ledger and payments.
import type { CatalogEntry } from '../entry.ts';

export const BILLING_ERRORS = {
  LEDGER_UNBALANCED: {
    status: 500,
    id: 'Jurnal {entry} tidak seimbang; tidak ada yang disimpan.',
    en: 'Ledger entry {entry} does not balance; nothing was saved.',
  },
  PAYMENT_NOT_FOUND: {
    status: 404,
    id: 'Pembayaran tidak ditemukan.',
    en: 'Payment not found.',
  },
  PAYMENT_ALREADY_REVERSED: {
    status: 409,
    id: 'Pembayaran ini sudah dibatalkan.',
    en: 'This payment was already reversed.',
  },
} as const satisfies Record<string, CatalogEntry>;

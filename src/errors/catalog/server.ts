// Error codes: Failures of the server itself and rate limits.
import type { CatalogEntry } from '../entry.ts';

export const SERVER_ERRORS = {
  INTERNAL: {
    status: 500,
    id: 'Terjadi kesalahan pada sistem. Coba lagi nanti.',
    en: 'Something went wrong on our side. Please try again later.',
  },
  RATE_LIMITED: {
    status: 429,
    id: 'Terlalu banyak permintaan. Coba lagi dalam {seconds} detik.',
    en: 'Too many requests. Try again in {seconds} seconds.',
  },
} as const satisfies Record<string, CatalogEntry>;

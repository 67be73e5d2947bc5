// Error codes: Records that are missing, out of scope, duplicated or changed meanwhile.
import type { CatalogEntry } from '../entry.ts';

export const RECORD_ERRORS = {
  NOT_FOUND: {
    status: 404,
    id: 'Data tidak ditemukan.',
    en: 'Not found.',
  },
  REGION_NOT_FOUND: {
    status: 404,
    id: 'Wilayah {code} tidak ditemukan.',
    en: 'Region {code} not found.',
  },
  OFFICE_NOT_FOUND: {
    status: 404,
    id: 'Kantor {code} tidak ditemukan.',
    en: 'Office {code} not found.',
  },
  INVALID_SCOPE: {
    status: 400,
    id: 'Cakupan {scope} tidak cocok untuk peran {role}.',
    en: 'Scope {scope} does not fit role {role}.',
  },
  DUPLICATE: {
    status: 409,
    id: 'Data sudah ada: {detail}',
    en: 'Already exists: {detail}',
  },
  CONFLICT: {
    status: 409,
    id: 'Data diubah oleh proses lain. Muat ulang dan coba lagi.',
    en: 'The record was changed by someone else. Reload and try again.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    id: 'Kunci idempotensi sudah dipakai untuk permintaan yang berbeda.',
    en: 'The idempotency key was already used for a different request.',
  },
} as const satisfies Record<string, CatalogEntry>;

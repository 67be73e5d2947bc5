// The one catalog of error codes. Every code has an HTTP status and a message in Bahasa
// Indonesia and English; docs/errors.md documents each (a test checks both).

export type Lang = 'id' | 'en';

interface CatalogEntry {
  status: number;
  id: string;
  en: string;
}

export const ERROR_CATALOG = {
  VALIDATION_FAILED: {
    status: 400,
    id: 'Data tidak valid: {detail}',
    en: 'Invalid input: {detail}',
  },
  BODY_TOO_LARGE: {
    status: 413,
    id: 'Isi permintaan terlalu besar.',
    en: 'Request body is too large.',
  },
  UNAUTHENTICATED: {
    status: 401,
    id: 'Silakan masuk terlebih dahulu.',
    en: 'Please log in first.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    id: 'Nama pengguna atau kata sandi salah.',
    en: 'Wrong username or password.',
  },
  LOGIN_THROTTLED: {
    status: 429,
    id: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit.',
    en: 'Too many failed login attempts. Try again in {minutes} minutes.',
  },
  FORBIDDEN: {
    status: 403,
    id: 'Peran Anda tidak diizinkan melakukan tindakan ini.',
    en: 'Your role is not allowed to do this.',
  },
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
  RULE_NOT_IN_FORCE: {
    status: 422,
    id: 'Aturan {rule} belum berlaku pada {date}.',
    en: 'Rule {rule} is not in force on {date}.',
  },
  PARAMETER_FILE_INVALID: {
    status: 500,
    id: 'Berkas parameter {file} tidak valid: {detail}',
    en: 'Parameter file {file} is invalid: {detail}',
  },
  PARAMETER_VALUE_UNKNOWN: {
    status: 422,
    id: 'Nilai parameter {rule} pada {date} belum dikonfirmasi; administrator harus mengisinya.',
    en: 'Parameter {rule} has no confirmed value on {date}; an administrator must set it.',
  },
  DB_UNREACHABLE: {
    status: 503,
    id: 'Basis data tidak dapat dihubungi ({detail}). Periksa DATABASE_URL atau hapus agar memakai basis data bawaan.',
    en: 'Cannot reach the database ({detail}). Check DATABASE_URL, or unset it to use the embedded database.',
  },
  DB_HISTORY_UNKNOWN: {
    status: 500,
    id: 'Basis data memiliki migrasi yang tidak dikenal ({detail}); program ini tidak akan mengubahnya.',
    en: 'The database has migrations this program does not know ({detail}); it will not touch it.',
  },
  AUDIT_CHAIN_BROKEN: {
    status: 500,
    id: 'Rantai audit rusak pada baris {id}.',
    en: 'Audit chain broken at row {id}.',
  },
  APPEND_ONLY: {
    status: 409,
    id: 'Catatan {detail} hanya boleh ditambah, tidak boleh diubah atau dihapus.',
    en: 'Records of {detail} may only be added, never changed or deleted.',
  },
  INTERNAL: {
    status: 500,
    id: 'Terjadi kesalahan pada sistem. Coba lagi nanti.',
    en: 'Something went wrong on our side. Please try again later.',
  },
} as const satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export type ErrorParams = Record<string, string | number>;

export function formatMessage(code: ErrorCode, lang: Lang, params: ErrorParams = {}): string {
  const template = ERROR_CATALOG[code][lang];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

/** A failure the caller can act on; adapters turn it into HTTP status / exit code. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** Per-field or per-row details (validation, imports). */
  readonly details: unknown;

  constructor(code: ErrorCode, params: ErrorParams = {}, details?: unknown) {
    super(formatMessage(code, 'en', params));
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }

  get status(): number {
    return ERROR_CATALOG[this.code].status;
  }

  localized(lang: Lang): string {
    return formatMessage(this.code, lang, this.params);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

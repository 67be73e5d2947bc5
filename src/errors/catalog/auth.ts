// Error codes: Signing in, passwords and permission.
import type { CatalogEntry } from '../entry.ts';

export const AUTH_ERRORS = {
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
  PASSWORD_TOO_SHORT: {
    status: 400,
    id: 'Kata sandi paling sedikit {min} karakter dan paling banyak {max} karakter.',
    en: 'The password needs at least {min} and at most {max} characters.',
  },
  PASSWORD_TOO_COMMON: {
    status: 400,
    id: 'Kata sandi ini terlalu umum atau mudah ditebak (ada di daftar kata sandi yang bocor, atau memuat nama pengguna). Pilih kalimat yang lebih panjang.',
    en: 'This password is too common or easy to guess (it is on the list of breached passwords, or contains the username). Choose a longer phrase.',
  },
  RESET_FAILED: {
    status: 401,
    id: 'Nama pengguna atau kode atur ulang salah, sudah dipakai, atau kedaluwarsa. Minta kode baru kepada administrator.',
    en: 'Wrong username or reset code, or the code was used or has expired. Ask the administrator for a new code.',
  },
  FORBIDDEN: {
    status: 403,
    id: 'Peran Anda tidak diizinkan melakukan tindakan ini.',
    en: 'Your role is not allowed to do this.',
  },
} as const satisfies Record<string, CatalogEntry>;

// Error codes: Activating, ending and changing memberships.
import type { CatalogEntry } from '../entry.ts';

export const MEMBERSHIP_ERRORS = {
  ACTIVATION_FAILED: {
    status: 401,
    id: 'Nomor KPJ atau kode aktivasi salah, sudah dipakai, atau kedaluwarsa. Minta surat aktivasi baru di kantor cabang bila perlu.',
    en: 'Wrong KPJ number or activation code, or the code was used or has expired. Ask the branch office for a new activation letter if needed.',
  },
  PARTICIPANT_NOT_ACTIVE: {
    status: 409,
    id: 'Kartu hanya dicetak untuk peserta aktif; status peserta {kpj} adalah {status}.',
    en: 'Cards are printed for active participants only; participant {kpj} is {status}.',
  },
  MEMBERSHIP_ENDED: {
    status: 409,
    id: 'Kepesertaan {kpj} sudah berakhir sejak {since}; tidak dapat diubah lagi.',
    en: 'Membership {kpj} ended on {since}; it cannot be changed any more.',
  },
  MEMBERSHIP_CHANGE_OPEN: {
    status: 409,
    id: 'Kepesertaan {kpj} sudah memiliki usulan perubahan yang belum selesai (nomor {id}).',
    en: 'Membership {kpj} already has an unfinished change proposal (number {id}).',
  },
  MEMBERSHIP_CHANGE_STATE: {
    status: 409,
    id: 'Perubahan kepesertaan {id} berstatus {state}; langkah ini memerlukan status {needed}.',
    en: 'Membership change {id} is {state}; this step needs status {needed}.',
  },
  MEMBERSHIP_CHANGE_DATE: {
    status: 422,
    id: 'Tanggal berlaku {date} tidak boleh sebelum perubahan status terakhir ({since}).',
    en: 'The effective date {date} may not lie before the last status change ({since}).',
  },
  MEMBERSHIP_CHANGE_REASON: {
    status: 422,
    id: 'Alasan {reason} tidak cocok untuk {kind}: pindah desa hanya memakai alasan moved_away.',
    en: 'Reason {reason} does not fit {kind}: a move takes the reason moved_away only.',
  },
  MEMBERSHIP_MOVE_VILLAGE: {
    status: 422,
    id: 'Desa tujuan {village} harus desa lain di kabupaten/kota yang sama.',
    en: 'The receiving village {village} must be another village of the same regency.',
  },
} as const satisfies Record<string, CatalogEntry>;

// Error codes: Corrections of a person's data.
import type { CatalogEntry } from '../entry.ts';

export const CORRECTION_ERRORS = {
  CORRECTION_REASON_REQUIRED: {
    status: 422,
    id: 'Alasan koreksi dan keterangan bukti (dokumen yang diperiksa) wajib diisi.',
    en: 'A reason for the correction and an evidence note (the document checked) are required.',
  },
  CORRECTION_NO_CHANGE: {
    status: 422,
    id: 'Usulan koreksi tidak mengubah apa pun: nilai baru sama dengan data sekarang.',
    en: 'The correction changes nothing: the new values equal the current data.',
  },
  CORRECTION_PENDING: {
    status: 409,
    id: 'Orang ini sudah memiliki usulan koreksi {field} yang menunggu keputusan.',
    en: 'This person already has a pending correction of {field}.',
  },
  CORRECTION_STATE: {
    status: 409,
    id: 'Usulan koreksi {id} sudah diputuskan ({status}).',
    en: 'Correction {id} was already decided ({status}).',
  },
  CORRECTION_SAME_USER: {
    status: 403,
    id: 'Usulan koreksi harus diputuskan oleh pengguna lain, bukan pengusulnya.',
    en: 'A correction must be decided by someone other than the user who proposed it.',
  },
  NIK_TAKEN: {
    status: 409,
    id: 'NIK ini sudah dipakai orang lain di registri (atau diusulkan untuk orang lain); koreksi ditolak.',
    en: 'This NIK is already held by another person in the registry (or proposed for another person); the correction is refused.',
  },
} as const satisfies Record<string, CatalogEntry>;

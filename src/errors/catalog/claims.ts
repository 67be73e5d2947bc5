// Error codes: Claims and their documents.
import type { CatalogEntry } from '../entry.ts';

export const CLAIM_ERRORS = {
  DOCUMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    id: 'Dokumen harus berkas PDF, JPEG atau PNG (diperiksa dari isi berkas, bukan nama berkas).',
    en: 'Documents must be PDF, JPEG or PNG files (checked from the content, not the file name).',
  },
  DOCUMENT_TOO_LARGE: {
    status: 413,
    id: 'Dokumen terlalu besar; batasnya {limitMb} MB per berkas.',
    en: 'The document is too large; the limit is {limitMb} MB per file.',
  },
  DOCUMENT_KIND_UNKNOWN: {
    status: 422,
    id: 'Jenis dokumen {docType} tidak ada dalam daftar dokumen klaim ini.',
    en: 'Document type {docType} is not on this claim’s document list.',
  },
  DOCUMENTS_INCOMPLETE: {
    status: 409,
    id: 'Dokumen klaim belum lengkap; yang kurang: {missing}.',
    en: 'The claim documents are incomplete; missing: {missing}.',
  },
  CLAIM_STATE: {
    status: 409,
    id: 'Klaim {number} berstatus {status}; tindakan ini tidak dapat dilakukan.',
    en: 'Claim {number} is {status}; this action is not possible.',
  },
  CLAIM_KIND_UNKNOWN: {
    status: 422,
    id: 'Jenis klaim {kind} tidak ada untuk program {program}.',
    en: 'Claim kind {kind} does not exist for programme {program}.',
  },
  CLAIM_NOT_ELIGIBLE: {
    status: 409,
    id: 'Klaim tidak dapat disetujui menurut aturan: {detail}',
    en: 'The rules do not allow approving this claim: {detail}',
  },
  CLAIM_ALREADY_REFUSED: {
    status: 409,
    id: 'Klaim ini sudah ditolak otomatis oleh aturan sebagai {number} dengan alasan: {reason} Alasan itu masih berlaku: tidak dibuat klaim baru. Buka klaim {number}, atau lengkapi dulu syarat yang kurang.',
    en: 'This claim was already refused automatically by the rules as {number} for this reason: {reason} That reason still holds: no new claim was created. Open claim {number}, or first meet the missing condition.',
  },
  CLAIM_ZERO_AMOUNT: {
    status: 409,
    id: 'Klaim {number} bernilai Rp 0: tidak ada yang akan dibayar. Setujui hanya dengan alasan tertulis (zeroAmountReason), atau tolak klaim ini.',
    en: 'Claim {number} computes to Rp 0: nothing would be paid. Approve it only with a written reason (zeroAmountReason), or reject it.',
  },
  CLAIM_REASON_UNKNOWN: {
    status: 422,
    id: 'Kode alasan {code} tidak ada dalam katalog alasan klaim.',
    en: 'Reason code {code} is not in the claim reason catalog.',
  },
  SAME_PERSON: {
    status: 403,
    id: 'Pemeriksa harus orang lain dari {role} klaim ini.',
    en: 'The checker must be someone other than this claim’s {role}.',
  },
} as const satisfies Record<string, CatalogEntry>;

// Error codes: Payout batches and the bank files that carry them.
import type { CatalogEntry } from '../entry.ts';

export const PAYOUT_ERRORS = {
  PAYOUT_NOTHING_TO_BATCH: {
    status: 422,
    id: 'Tidak ada klaim disetujui yang menunggu pembayaran di {regency}.',
    en: 'No approved claims are waiting for payment in {regency}.',
  },
  CLAIM_NOT_PAYABLE: {
    status: 409,
    id: 'Klaim {claims} tidak dapat dibayar: belum disetujui, sudah dalam pembayaran lain, atau di luar wilayah ini.',
    en: 'Claim {claims} cannot be paid: not approved, already in another payment, or outside this region.',
  },
  PAYOUT_BATCH_STATE: {
    status: 409,
    id: 'Batch pembayaran {number} berstatus {status}; langkah ini memerlukan status {needed}.',
    en: 'Payout batch {number} is {status}; this step needs status {needed}.',
  },
  PAYOUT_SAME_PERSON: {
    status: 403,
    id: 'Batch pembayaran harus disetujui oleh orang lain dari pembuatnya.',
    en: 'A payout batch must be approved by someone other than its creator.',
  },
  PAYOUT_DECLARATION_MISMATCH: {
    status: 422,
    id: 'Jumlah yang dinyatakan ({declaredCount} pembayaran, Rp{declaredTotalRp}) tidak sama dengan batch ({count} pembayaran, Rp{totalRp}).',
    en: 'The declared figures ({declaredCount} payouts, Rp{declaredTotalRp}) do not match the batch ({count} payouts, Rp{totalRp}).',
  },
  PAYOUT_BANK_FILE_REFUSED: {
    status: 422,
    id: 'Berkas bank format {format} tidak dapat dibuat ({problems} masalah, mis. nama pemilik rekening lebih dari {nameMax} karakter); gunakan format lain atau perbaiki data. Tidak ada yang dipotong.',
    en: 'The {format} bank file cannot be made ({problems} problems, e.g. an account holder name over {nameMax} characters); use another format or correct the data. Nothing was truncated.',
  },
  PAYOUT_INSTRUCTION_DATE: {
    status: 422,
    id: 'Tanggal instruksi transfer {date} harus antara {from} dan {to}.',
    en: 'The transfer instruction date {date} must lie between {from} and {to}.',
  },
  PAYOUT_SENT_FILE_MISMATCH: {
    status: 409,
    id: 'Berkas yang dinyatakan terkirim (SHA-256 {sha256}) bukan berkas batch {number} dengan format dan parameter ini; unduh ulang lalu kirim berkas itu.',
    en: 'The file declared sent (SHA-256 {sha256}) is not batch {number}’s file in this format with these parameters; download again and send that file.',
  },
  PAYOUT_RESULT_INVALID: {
    status: 422,
    id: 'Berkas hasil bank ditolak ({problems} masalah); tidak ada yang disimpan.',
    en: 'The bank result file was refused ({problems} problems); nothing was saved.',
  },
} as const satisfies Record<string, CatalogEntry>;

// Error codes: Enrolment batches and the checks on each row (BPU, PMI, Jakon, PU).
import type { CatalogEntry } from '../entry.ts';

export const ENROLMENT_ERRORS = {
  BATCH_STATE: {
    status: 409,
    id: 'Batch {batch} berstatus {status}; tindakan ini tidak dapat dilakukan.',
    en: 'Batch {batch} is {status}; this action is not possible.',
  },
  BATCH_EMPTY: {
    status: 422,
    id: 'Batch {batch} tidak berisi peserta yang valid.',
    en: 'Batch {batch} holds no valid workers.',
  },
  ENROLMENT_ROW_REPLACED: {
    status: 409,
    id: 'Baris {row} sudah diganti oleh koreksi atau dihapus dari batch; muat ulang daftar baris.',
    en: 'Row {row} was already replaced by a correction or removed from the batch; reload the rows.',
  },
  BUDGET_WARNING_UNACKNOWLEDGED: {
    status: 409,
    id: 'Batch ini membuat {payer} melampaui anggaran atau kuota tahun {year}; konfirmasi peringatan untuk tetap memverifikasi.',
    en: 'This batch takes {payer} over its budget or quota for {year}; acknowledge the warnings to verify anyway.',
  },
  BATCH_RULE_FAILED: {
    status: 422,
    id: 'Batch tidak memenuhi aturan kabupaten: {detail}',
    en: 'The batch does not meet the regency rules: {detail}',
  },
  REASON_REQUIRED: {
    status: 400,
    id: 'Alasan penolakan wajib diisi.',
    en: 'A reason for the refusal is required.',
  },
  REQUIRED: { status: 422, id: 'Wajib diisi.', en: 'Required.' },
  NAME_INVALID: {
    status: 422,
    id: "Nama tidak valid: huruf, spasi dan tanda . , ' - saja, diawali huruf, paling panjang 100.",
    en: "Invalid name: letters, spaces and . , ' - only, starting with a letter, at most 100.",
  },
  DATE_INVALID: {
    status: 422,
    id: 'Tanggal tidak valid; tulis TTTT-BB-HH, misalnya 1990-06-05.',
    en: 'Invalid date; write YYYY-MM-DD, e.g. 1990-06-05.',
  },
  AGE_OUT_OF_RANGE: {
    status: 422,
    id: 'Umur di luar batas program ({detail}).',
    en: 'Age outside the programme limits ({detail}).',
  },
  SEX_INVALID: { status: 422, id: 'Jenis kelamin harus L atau P.', en: 'Sex must be L or P.' },
  OTHER_VILLAGE: {
    status: 422,
    id: 'Kode desa berbeda dengan desa batch ini.',
    en: 'Village code differs from this batch’s village.',
  },
  INCOME_INVALID: {
    status: 422,
    id: 'Penghasilan harus angka rupiah, misalnya 1000000.',
    en: 'Income must be a rupiah amount, e.g. 1000000.',
  },
  PHONE_INVALID: {
    status: 422,
    id: 'Nomor HP tidak valid (contoh 081234567890).',
    en: 'Invalid mobile number (e.g. 081234567890).',
  },
  DUPLICATE_IN_FILE: {
    status: 422,
    id: 'NIK ini muncul lebih dari sekali dalam berkas.',
    en: 'This NIK appears more than once in the file.',
  },
  ALREADY_COVERED: {
    status: 422,
    id: 'NIK ini sudah terdaftar sebagai peserta BPU (didanai pihak lain atau mandiri).',
    en: 'This NIK is already a BPU participant (funded elsewhere or self-paying).',
  },
  ALREADY_PU: {
    status: 422,
    id: 'NIK ini sudah peserta penerima upah (PU) yang didaftarkan pemberi kerja; iuran desa tidak diperlukan.',
    en: 'This NIK is already a wage-earner (PU) participant registered by an employer; village funding is not needed.',
  },
  ALREADY_JAKON: {
    status: 422,
    id: 'NIK ini sedang dilindungi sebagai pekerja proyek jasa konstruksi (JAKON); daftarkan setelah proyek selesai.',
    en: 'This NIK is covered as a construction project (JAKON) worker; enrol them after the project ends.',
  },
  ALREADY_PMI: {
    status: 422,
    id: 'NIK ini sudah peserta pekerja migran Indonesia (PMI) yang aktif.',
    en: 'This NIK is already an active Indonesian migrant worker (PMI) participant.',
  },
  PMI_DEPARTURE_WINDOW: {
    status: 422,
    id: 'Tanggal keberangkatan harus antara hari pendaftaran dan {months} bulan sesudahnya (perlindungan sebelum bekerja, Permenaker 4/2023).',
    en: 'The departure date must lie between the registration day and {months} months after it (pre-departure protection, Permenaker 4/2023).',
  },
  BPU_AMOUNT_MISMATCH: {
    status: 422,
    id: 'Jumlah pembayaran harus tepat {expectedAmount}: iuran {monthCount}, {monthSpan}.',
    en: 'The payment must be exactly {expectedAmount}: the contribution of {monthCount}, {monthSpan}.',
  },
  BPU_COLLECTED_BY_AGENT: {
    status: 422,
    id: 'Iuran peserta ini ditagih secara kolektif melalui agen {agent}; bayar melalui tagihan agen.',
    en: "This participant's contributions are collected by the agent {agent}; pay through the agent's invoice.",
  },
  BPU_NOT_PAYABLE: {
    status: 422,
    id: 'Kepesertaan BPU ini sudah berakhir ({status}); tidak dapat dibayar.',
    en: 'This BPU membership has ended ({status}); it cannot be paid.',
  },
  PMI_CONTRACT_START: {
    status: 422,
    id: 'Perjanjian kerja PMI tidak boleh mulai sebelum tanggal keberangkatan.',
    en: 'The PMI work agreement cannot start before the departure date.',
  },
  MEMBERSHIP_CONFLICT: {
    status: 409,
    id: 'Orang ini sudah memiliki kepesertaan aktif untuk program yang sama (satu orang, satu kepesertaan per program).',
    en: 'This person already holds an active membership for the same programme (one person, one membership per programme).',
  },
  NEEDS_BRANCH_REVIEW: {
    status: 422,
    id: 'Perlu ditinjau kantor cabang sebelum dapat didaftarkan dari desa ini; hubungi kantor cabang.',
    en: 'Needs review by the branch office before it can be enrolled from this village; contact the branch.',
  },
  IN_OTHER_BATCH: {
    status: 422,
    id: 'NIK ini sudah diusulkan dalam batch lain yang belum selesai.',
    en: 'This NIK is already proposed in another batch still in progress.',
  },
} as const satisfies Record<string, CatalogEntry>;

// Alasan penolakan klaim: the one catalog of coded reasons a claim is refused, by the eligibility
// rules (./kelayakan.ts) or by the checker. Served at GET /claim-reasons; stored as
// claim.refusal_code, so the codes never change.

export interface ClaimReason {
  code: string;
  /** 'rules' = decided by the eligibility check; 'checker' = chosen by a branch supervisor. */
  source: 'rules' | 'checker';
  id: string;
  en: string;
}

export const CLAIM_REASONS = [
  {
    code: 'NOT_COVERED',
    source: 'rules',
    id: 'Peserta tidak terlindungi pada tanggal kejadian.',
    en: 'The participant was not covered on the event date.',
  },
  {
    code: 'COVER_LAPSED',
    source: 'rules',
    id: 'Kepesertaan berakhir (iuran tidak dibayar) sebelum tanggal kejadian.',
    en: 'Coverage lapsed (unpaid contributions) before the event date.',
  },
  {
    code: 'PROGRAM_NOT_HELD',
    source: 'rules',
    id: 'Peserta tidak terdaftar pada program ini.',
    en: 'The participant is not enrolled in this programme.',
  },
  {
    code: 'DUPLICATE_CLAIM',
    source: 'rules',
    id: 'Klaim yang sama untuk kejadian ini sudah ada.',
    en: 'The same claim for this event already exists.',
  },
  {
    code: 'HEIR_NOT_FIRST_RANK',
    source: 'rules',
    id: 'Ada ahli waris dengan urutan lebih dahulu; klaim diajukan oleh ahli waris tersebut.',
    en: 'An heir of an earlier rank exists; that heir files the claim.',
  },
  {
    code: 'BEASISWA_MASA_IUR',
    source: 'rules',
    id: 'Beasiswa memerlukan masa iur paling singkat 3 tahun.',
    en: 'The scholarship needs at least 3 years of contributions.',
  },
  {
    code: 'JHT_WAITING_PERIOD',
    source: 'rules',
    id: 'Masa tunggu 1 bulan setelah pengunduran diri/PHK belum lewat.',
    en: 'The 1-month wait after resignation/termination has not passed.',
  },
  {
    code: 'STILL_EMPLOYED',
    source: 'rules',
    id: 'Pemberi kerja belum melaporkan berakhirnya hubungan kerja; peserta masih tercatat bekerja dan diiur.',
    en: 'The employer has not reported the end of the employment; the participant is still recorded as employed and billed.',
  },
  {
    code: 'JHT_AGE_NOT_REACHED',
    source: 'rules',
    id: 'Peserta belum mencapai usia manfaat JHT.',
    en: 'The participant has not reached the JHT benefit age.',
  },
  {
    code: 'JHT_PARTIAL_TOO_EARLY',
    source: 'rules',
    id: 'JHT sebagian hanya setelah kepesertaan paling singkat 10 tahun.',
    en: 'Partial JHT only after at least 10 years of membership.',
  },
  {
    code: 'JHT_PARTIAL_ALREADY_TAKEN',
    source: 'rules',
    id: 'JHT sebagian hanya dapat diambil satu kali.',
    en: 'Partial JHT can be taken once only.',
  },
  {
    code: 'JP_AGE_NOT_REACHED',
    source: 'rules',
    id: 'Peserta belum mencapai usia pensiun.',
    en: 'The participant has not reached the pension age.',
  },
  {
    code: 'JKP_NOT_ELIGIBLE',
    source: 'rules',
    id: 'Syarat JKP tidak terpenuhi (alasan PHK, masa iur, atau batas waktu klaim).',
    en: 'JKP conditions not met (reason for loss of work, contribution months, or claim deadline).',
  },
  {
    code: 'JKK_EXPIRED',
    source: 'rules',
    id: 'Hak klaim JKK gugur: 5 tahun setelah kecelakaan kerja (PP 82/2019 Pasal 26), 2 tahun bila kecelakaan sebelum 2 Desember 2019 (PP 44/2015).',
    en: 'The JKK claim expired: 5 years after the accident (PP 82/2019 Article 26), 2 years for an accident before 2 December 2019 (PP 44/2015).',
  },
  {
    code: 'RULES_NOT_ELIGIBLE',
    source: 'rules',
    id: 'Syarat manfaat menurut aturan tidak terpenuhi.',
    en: 'The benefit conditions of the rules are not met.',
  },
  {
    code: 'DOCUMENTS_INVALID',
    source: 'checker',
    id: 'Dokumen tidak sah atau tidak terbaca.',
    en: 'Documents are not valid or not legible.',
  },
  {
    code: 'DATA_MISMATCH',
    source: 'checker',
    id: 'Data pada dokumen tidak sesuai dengan data peserta atau ahli waris.',
    en: 'Document data do not match the participant or heir data.',
  },
  {
    code: 'CLAIMANT_NOT_HEIR',
    source: 'checker',
    id: 'Pengaju bukan ahli waris yang sah.',
    en: 'The claimant is not a lawful heir.',
  },
  {
    code: 'EVENT_NOT_PROVEN',
    source: 'checker',
    id: 'Kejadian (kematian, kecelakaan, PHK) tidak terbukti.',
    en: 'The event (death, accident, termination) is not proven.',
  },
  {
    code: 'ACCOUNT_NOT_CLAIMANT',
    source: 'checker',
    id: 'Rekening bukan atas nama pengaju klaim.',
    en: 'The bank account is not in the claimant’s name.',
  },
] as const satisfies readonly ClaimReason[];

export type ClaimReasonCode = (typeof CLAIM_REASONS)[number]['code'];

export function findReason(code: string): ClaimReason | undefined {
  return CLAIM_REASONS.find((r) => r.code === code);
}

/** A refusal as people read it: the code with its words; a code outside the catalog reads as itself. */
export function reasonWords(code: string): { code: string; id: string; en: string } {
  const r = findReason(code);
  return { code, id: r?.id ?? code, en: r?.en ?? code };
}

// What can be claimed, by whom, with which documents: data, not code paths (fact sheet §3–§4).

import { HUBUNGAN_PENGAJU, type HubunganPengaju, URUTAN_AHLI_WARIS } from '../../rules/klaim/ahli-waris.ts';
import { type JenisDari, PROGRAM_KLAIM, type ProgramKlaim } from '../../rules/klaim/jenis.ts';

// The claim-kind union and the heirs order are rules (src/rules/klaim); these are their service names.
export const CLAIM_PROGRAMS = PROGRAM_KLAIM;
export type ClaimProgram = ProgramKlaim;
export const CLAIMANT_RELATIONS = HUBUNGAN_PENGAJU;
export type ClaimantRelation = HubunganPengaju;
export const HEIR_RANK = URUTAN_AHLI_WARIS;

export interface ClaimKind<K extends string = string> {
  /** The benefit asked for within the programme. */
  kind: K;
  label: { id: string; en: string };
  /** Paid to heirs after the participant's death (claimant is an heir), else to the participant. */
  death: boolean;
  /** Documents that must be uploaded before the maker can submit (fact sheet §4, §3.5). */
  documents: readonly string[];
}

/** Document types and their names as the family knows them. */
export const DOCUMENT_TYPES: Record<string, { id: string; en: string }> = {
  kartu_kpj: { id: 'Kartu peserta (KPJ)', en: 'Membership card (KPJ)' },
  ktp_peserta: { id: 'KTP peserta', en: 'Participant’s ID card (KTP)' },
  ktp_ahli_waris: { id: 'KTP ahli waris', en: 'Heir’s ID card (KTP)' },
  akta_kematian: { id: 'Akta kematian', en: 'Death certificate' },
  kartu_keluarga: { id: 'Kartu keluarga (KK)', en: 'Family card (KK)' },
  surat_ahli_waris: { id: 'Surat keterangan ahli waris', en: 'Certificate of heirship' },
  buku_rekening: { id: 'Buku rekening', en: 'Bank book' },
  buku_nikah: { id: 'Buku nikah', en: 'Marriage book' },
  surat_pengunduran_diri: {
    id: 'Surat pengunduran diri / keterangan berhenti bekerja',
    en: 'Resignation letter',
  },
  bukti_phk: { id: 'Bukti PHK (Disnaker / perjanjian bersama / putusan)', en: 'Proof of termination' },
  laporan_kecelakaan: { id: 'Laporan kecelakaan kerja tahap I', en: 'Work accident report (stage I)' },
  surat_dokter: { id: 'Surat keterangan dokter', en: 'Doctor’s letter' },
  akta_lahir_anak: { id: 'Akta lahir anak', en: 'Child’s birth certificate' },
  surat_keterangan_sekolah: { id: 'Surat keterangan sekolah', en: 'School certificate' },
  kuitansi_perawatan: {
    id: 'Kuitansi dan rincian biaya perawatan/pengobatan',
    en: 'Receipts and itemised costs of treatment',
  },
};

const JKM_DEATH = [
  'kartu_kpj',
  'ktp_peserta',
  'ktp_ahli_waris',
  'akta_kematian',
  'kartu_keluarga',
  'surat_ahli_waris',
  'buku_rekening',
];

export const CLAIM_KINDS = {
  JKM: [
    {
      kind: 'kematian',
      label: { id: 'Santunan kematian', en: 'Death benefit' },
      death: true,
      documents: JKM_DEATH,
    },
    {
      kind: 'beasiswa',
      label: { id: 'Beasiswa anak', en: 'Children’s scholarship' },
      death: true,
      documents: [...JKM_DEATH, 'akta_lahir_anak', 'surat_keterangan_sekolah'],
    },
  ],
  JKK: [
    {
      kind: 'kematian',
      label: { id: 'Meninggal karena kecelakaan kerja', en: 'Death from a work accident' },
      death: true,
      documents: [...JKM_DEATH, 'laporan_kecelakaan'],
    },
    {
      kind: 'cacat_total_tetap',
      label: { id: 'Cacat total tetap', en: 'Total permanent disability' },
      death: false,
      documents: ['kartu_kpj', 'ktp_peserta', 'laporan_kecelakaan', 'surat_dokter', 'buku_rekening'],
    },
    {
      kind: 'cacat_sebagian',
      label: { id: 'Cacat sebagian', en: 'Partial disability' },
      death: false,
      documents: ['kartu_kpj', 'ktp_peserta', 'laporan_kecelakaan', 'surat_dokter', 'buku_rekening'],
    },
    {
      kind: 'stmb',
      label: { id: 'Sementara tidak mampu bekerja (STMB)', en: 'Temporary inability to work' },
      death: false,
      documents: ['kartu_kpj', 'ktp_peserta', 'laporan_kecelakaan', 'surat_dokter', 'buku_rekening'],
    },
    {
      kind: 'perawatan',
      label: {
        id: 'Perawatan dan pengobatan (termasuk perawatan di rumah)',
        en: 'Medical care and treatment (including home care)',
      },
      death: false,
      documents: [
        'kartu_kpj',
        'ktp_peserta',
        'laporan_kecelakaan',
        'surat_dokter',
        'kuitansi_perawatan',
        'buku_rekening',
      ],
    },
  ],
  JHT: [
    {
      kind: 'penuh',
      label: { id: 'JHT seluruhnya', en: 'Full JHT' },
      death: false,
      documents: ['kartu_kpj', 'ktp_peserta', 'buku_rekening'],
    },
    {
      kind: 'sebagian_10',
      label: { id: 'JHT sebagian 10% (persiapan pensiun)', en: 'Partial JHT 10% (retirement preparation)' },
      death: false,
      documents: ['kartu_kpj', 'ktp_peserta', 'buku_rekening'],
    },
    {
      kind: 'sebagian_30',
      label: { id: 'JHT sebagian 30% (perumahan)', en: 'Partial JHT 30% (housing)' },
      death: false,
      documents: ['kartu_kpj', 'ktp_peserta', 'buku_rekening'],
    },
  ],
  JP: [
    {
      kind: 'hari_tua',
      label: { id: 'Pensiun hari tua', en: 'Old-age pension' },
      death: false,
      documents: ['kartu_kpj', 'ktp_peserta', 'kartu_keluarga', 'buku_rekening'],
    },
    {
      kind: 'kematian',
      label: { id: 'Pensiun janda/duda/anak', en: 'Survivor pension' },
      death: true,
      documents: [...JKM_DEATH, 'buku_nikah'],
    },
    {
      kind: 'cacat',
      label: {
        id: 'Pensiun cacat (cacat total tetap)',
        en: 'Disability pension (total permanent disability)',
      },
      death: false,
      documents: ['kartu_kpj', 'ktp_peserta', 'surat_dokter', 'kartu_keluarga', 'buku_rekening'],
    },
  ],
  JKP: [
    {
      kind: 'uang_tunai',
      label: { id: 'Uang tunai JKP', en: 'JKP cash benefit' },
      death: false,
      documents: ['kartu_kpj', 'ktp_peserta', 'bukti_phk', 'buku_rekening'],
    },
  ],
} as const satisfies { [P in ClaimProgram]: readonly ClaimKind<JenisDari<P>>[] };

/** Compile-time: every kind of the union has its catalog entry (label, documents). */
type Unlisted = {
  [P in ClaimProgram]: Exclude<JenisDari<P>, (typeof CLAIM_KINDS)[P][number]['kind']>;
}[ClaimProgram];
const everyKindListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyKindListed;

/** JHT full claims: the extra document each trigger needs (fact sheet §3.5; KPJ + KTP otherwise). */
export const JHT_REASON_DOCUMENTS: Record<string, readonly string[]> = {
  resignation: ['surat_pengunduran_diri'],
  termination: ['bukti_phk'],
  death: ['ktp_ahli_waris', 'akta_kematian', 'kartu_keluarga', 'surat_ahli_waris'],
  total_permanent_disability: ['surat_dokter'],
};

export function findKind(program: ClaimProgram, kind: string): ClaimKind | undefined {
  return (CLAIM_KINDS[program] as readonly ClaimKind[]).find((k) => k.kind === kind);
}

/** The checklist of one claim: the kind's documents plus what its JHT trigger adds. */
export function requiredDocuments(program: ClaimProgram, kind: string, jhtReason?: string): string[] {
  const base = findKind(program, kind)?.documents ?? [];
  const extra =
    program === 'JHT' && kind === 'penuh' && jhtReason ? (JHT_REASON_DOCUMENTS[jhtReason] ?? []) : [];
  return [...new Set([...base, ...extra])];
}

/** Banks whose accounts a benefit can be paid to (the branch's payout banks; a small list on purpose). */
export const BANKS: Record<string, string> = {
  '002': 'BRI',
  '008': 'Bank Mandiri',
  '009': 'BNI',
  '014': 'BCA',
  '200': 'BTN',
  '451': 'Bank Syariah Indonesia',
  '130': 'Bank NTT',
};

// JKK stage-I report (laporan tahap I): Permenaker 5/2021 Pasal 8 as amended by Permenaker 1/2025.
import type { Alasan } from '../manfaat/types.ts';

/**
 * Within 2×24 hours of the accident the report is on time; if later, the benefits are the
 * employer's liability, reimbursed after reporting (Pasal 8(2a)–(2c)).
 */
export function jkkReportNote(detail: Record<string, unknown>): Alasan & { late: boolean; hours: number } {
  const hours = (Date.parse(String(detail.reportedAt)) - Date.parse(String(detail.accidentAt))) / 3_600_000;
  const late = hours > 48;
  return late
    ? {
        code: 'jkk_laporan_terlambat',
        late,
        hours,
        id: `Laporan tahap I dibuat ${Math.floor(hours)} jam setelah kecelakaan (lebih dari 2×24 jam): manfaat JKK menjadi tanggung jawab pemberi kerja, yang kemudian meminta penggantian setelah melapor (Permenaker 1/2025 Pasal 8 ayat 2a–2c).`,
        en: `Stage-I report made ${Math.floor(hours)} hours after the accident (more than 2×24 hours): the JKK benefits are the employer's liability, reimbursed after reporting (Permenaker 1/2025 Pasal 8(2a)–(2c)).`,
      }
    : {
        code: 'jkk_laporan_tepat_waktu',
        late,
        hours,
        id: `Laporan tahap I dibuat ${Math.floor(hours)} jam setelah kecelakaan (dalam 2×24 jam) — Permenaker 1/2025 Pasal 8.`,
        en: `Stage-I report made ${Math.floor(hours)} hours after the accident (within 2×24 hours) — Permenaker 1/2025 Pasal 8.`,
      };
}

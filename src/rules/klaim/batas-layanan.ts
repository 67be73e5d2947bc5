// Batas layanan klaim: the working day by which a claim with complete documents is to be paid.
// The days per programme are dated parameters (params/klaim.yaml, each with its source and status).
import { addWorkingDays, hariLibur, type IsoDate } from '../calendar.ts';
import type { Explainer } from '../explanation.ts';
import type { ProgramKlaim } from './jenis.ts';

const HARI_KERJA: Record<ProgramKlaim, string> = {
  JHT: 'klaim.batas_layanan_jht_hari_kerja', // Permenaker 4/2022: ≤ 5 hari kerja
  JKM: 'klaim.batas_layanan_jkm_hari_kerja', // praktik BPJS TK, ±3 hari (status S)
  JKK: 'klaim.batas_layanan_jkk_hari_kerja', // target kantor cabang (status U)
  JP: 'klaim.batas_layanan_jp_hari_kerja', // target kantor cabang (status U)
  JKP: 'klaim.batas_layanan_jkp_hari_kerja', // target kantor cabang (status U)
};

/** The due date: the n-th working day after the (office) date the documents became complete. */
export function batasLayanan(ex: Explainer, program: ProgramKlaim, tanggalLengkap: IsoDate): IsoDate {
  return addWorkingDays(tanggalLengkap, ex.int(HARI_KERJA[program], tanggalLengkap), hariLibur(ex));
}

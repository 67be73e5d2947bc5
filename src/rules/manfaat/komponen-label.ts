// What a benefit component is called, in both languages, from its code (Komponen.name). The code
// stays the stable key; the label is what the family and the checker read.
import type { Bilingual } from '../explanation.ts';

export const KOMPONEN_LABELS: Readonly<Record<string, Bilingual>> = {
  santunan_sekaligus: { id: 'Santunan sekaligus', en: 'Lump-sum death benefit' },
  santunan_berkala: { id: 'Santunan berkala', en: 'Periodic benefit' },
  santunan_kematian: { id: 'Santunan kematian', en: 'Death benefit' },
  biaya_pemakaman: { id: 'Biaya pemakaman', en: 'Funeral costs' },
  santunan_cacat_total_tetap: { id: 'Santunan cacat total tetap', en: 'Total permanent disability benefit' },
  santunan_cacat_sebagian: { id: 'Santunan cacat sebagian', en: 'Partial disability benefit' },
  biaya_perawatan_pengobatan: { id: 'Biaya perawatan dan pengobatan', en: 'Medical care and treatment' },
  perawatan_di_rumah: { id: 'Perawatan di rumah', en: 'Home care' },
  santunan_tidak_mampu_bekerja_sementara: {
    id: 'Santunan tidak mampu bekerja sementara (STMB)',
    en: 'Temporary incapacity benefit (STMB)',
  },
  transport_darat: { id: 'Biaya transportasi darat', en: 'Land transport costs' },
  transport_laut: { id: 'Biaya transportasi laut', en: 'Sea transport costs' },
  transport_udara: { id: 'Biaya transportasi udara', en: 'Air transport costs' },
  jht_sebagian: { id: 'JHT sebagian', en: 'Partial JHT withdrawal' },
  saldo_jht: { id: 'Saldo JHT', en: 'JHT balance' },
  manfaat_pensiun_bulanan: { id: 'Manfaat pensiun bulanan', en: 'Monthly pension' },
  manfaat_pensiun_sekaligus: { id: 'Manfaat pensiun sekaligus', en: 'Pension lump sum' },
  manfaat_pensiun_janda_duda: { id: 'Pensiun janda/duda', en: "Widow's or widower's pension" },
  manfaat_pensiun_anak: { id: 'Pensiun anak', en: "Child's pension" },
  manfaat_pensiun_orang_tua: { id: 'Pensiun orang tua', en: "Parent's pension" },
  manfaat_pensiun_cacat: { id: 'Pensiun cacat', en: 'Disability pension' },
};

export function labelKomponen(name: string): Bilingual {
  const fixed = KOMPONEN_LABELS[name];
  if (fixed) return fixed;
  const child = /^beasiswa_anak_(\d+)$/.exec(name);
  if (child) return { id: `Beasiswa anak ke-${child[1]}`, en: `Scholarship, child ${child[1]}` };
  const months = /^manfaat_uang_tunai_bulan_(\d+)_(\d+)$/.exec(name);
  if (months) {
    return {
      id: `Uang tunai bulan ${months[1]}–${months[2]}`,
      en: `Cash benefit, months ${months[1]}–${months[2]}`,
    };
  }
  // A code without a label yet reads as its words in both languages rather than failing a claim.
  const words = name.replaceAll('_', ' ');
  return { id: words, en: words };
}

// Every rule, the date it comes into force and the parameters it reads. The coverage test walks
// each rule month by month; before `from` at least one parameter is missing (RULE_NOT_IN_FORCE).
export interface RuleEntry {
  readonly id: string;
  readonly from: string;
  readonly params: readonly string[];
}

const pu = (names: string[]) => names.map((n) => `iuran_pu.${n}`);
const groups = [1, 2, 3, 4, 5];

export const RULES: readonly RuleEntry[] = [
  {
    id: 'iuran.pu',
    from: '2015-07-01',
    params: [
      ...pu(groups.map((g) => `jkk_kelompok_${g}`)),
      ...pu(['jkm', 'jht_pemberi_kerja', 'jht_pekerja', 'jp_pemberi_kerja', 'jp_pekerja', 'jp_batas_upah']),
      'keringanan.covid_jkk_jkm_dibayar',
      'keringanan.padat_karya_berlaku',
      'jatuh_tempo.pu_hari',
      'jatuh_tempo.pu_denda_per_bulan_jkk',
      'jatuh_tempo.pu_denda_per_bulan_jkm',
      'jatuh_tempo.pu_denda_per_bulan_jht',
      'jatuh_tempo.pu_denda_per_bulan_jp',
      'hari_libur.daftar',
    ],
  },
  {
    id: 'iuran.pu.padat_karya',
    from: '2025-02-01',
    params: groups.map((g) => `keringanan.padat_karya_jkk_kelompok_${g}`),
  },
  {
    id: 'iuran.pu.jkp',
    from: '2021-02-02',
    params: [
      'jkp.iuran_total',
      'jkp.iuran_pemerintah',
      'jkp.rekomposisi_jkk',
      'jkp.rekomposisi_jkm',
      'jkp.batas_upah',
    ],
  },
  {
    id: 'iuran.bpu',
    from: '2015-07-01',
    params: [
      'iuran_bpu.jkk_tarif',
      'iuran_bpu.penghasilan_minimum',
      'iuran_bpu.jkm_iuran',
      'iuran_bpu.jht_tarif',
      'keringanan.covid_jkk_jkm_dibayar',
      'keringanan.bpu_transport_jkk_jkm_dibayar',
      'keringanan.bpu_lainnya_jkk_jkm_dibayar',
      'keringanan.bpu_apbdes_termasuk_diskon',
      'jatuh_tempo.bpu_hari',
      'jatuh_tempo.bpu_tunggakan_maks_bulan',
      'hari_libur.daftar',
    ],
  },
  {
    id: 'iuran.jakon',
    from: '2015-07-01',
    params: [
      'iuran_jakon.jkk_tarif_upah',
      'iuran_jakon.jkm_tarif_upah',
      'iuran_jakon.jkk_lapisan_nilai_kontrak',
      'iuran_jakon.jkm_lapisan_nilai_kontrak',
      'iuran_jakon.nilai_kontrak_termasuk_ppn',
      'keringanan.covid_jkk_jkm_dibayar',
      // The project premium's due date (jatuhTempoJakon): paid up front with the project form.
      'jatuh_tempo.jakon_hari_kerja',
    ],
  },
  {
    id: 'iuran.pmi',
    from: '2023-03-01',
    params: [
      'sebelum_penempatan',
      'kontrak_6_bulan',
      'kontrak_12_bulan',
      'kontrak_24_bulan',
      'per_bulan_tambahan',
    ].map((n) => `iuran_pmi.${n}`),
  },
  {
    id: 'kepesertaan.pmi.masa',
    from: '2023-03-01',
    params: ['masa_sebelum_bekerja_bulan', 'masa_setelah_bekerja_bulan'].map((n) => `iuran_pmi.${n}`),
  },
  {
    id: 'manfaat.jkm',
    from: '2015-07-01',
    params: [
      'santunan_sekaligus',
      'santunan_berkala',
      'biaya_pemakaman',
      'beasiswa_masa_iur_minimum_bulan',
    ].map((n) => `jkm.${n}`),
  },
  {
    // PP 44/2015 as first enacted: one lump sum for one child; 0 from PP 82/2019 (per level instead).
    id: 'manfaat.beasiswa_sekaligus',
    from: '2015-07-01',
    params: ['jkm.beasiswa_sekaligus'],
  },
  {
    id: 'manfaat.beasiswa',
    from: '2019-12-02',
    params: ['jkm.beasiswa_tabel', 'jkm.beasiswa_anak_maks', 'jkm.beasiswa_usia_anak_maks_tahun'],
  },
  {
    // PP 44/2015 as first enacted from 2015-07-01, PP 82/2019 from 2019-12-02, read at the accident date.
    id: 'manfaat.jkk',
    from: '2015-07-01',
    params: [
      'faktor_upah_bulan',
      'kematian_persen',
      'cacat_total_tetap_persen',
      'cacat_sebagian_tabel',
      'stmb_skema',
      'stmb_persen_lanjutan',
      'biaya_pemakaman',
      'santunan_berkala',
      'transport_darat_maks',
      'transport_laut_maks',
      'transport_udara_maks',
      'kedaluwarsa_klaim_tahun',
    ].map((n) => `jkk.${n}`),
  },
  {
    // Home care (perawatan di rumah) came with PP 82/2019; an earlier accident's home care is refused.
    id: 'manfaat.jkk.perawatan_rumah',
    from: '2019-12-02',
    params: ['jkk.perawatan_rumah_maks', 'jkk.perawatan_rumah_bulan_maks'],
  },
  {
    id: 'manfaat.jht',
    from: '2015-07-01',
    params: [
      'usia_manfaat_tahun',
      'sebagian_kepesertaan_minimum_bulan',
      'sebagian_persiapan_pensiun_persen',
      'sebagian_perumahan_persen',
    ].map((n) => `jht.${n}`),
  },
  { id: 'manfaat.jht.masa_tunggu', from: '2022-04-26', params: ['jht.masa_tunggu_bulan'] },
  {
    id: 'manfaat.jp',
    from: '2015-07-01',
    params: [
      'usia_pensiun_tahun',
      'masa_iur_minimum_bulan',
      'manfaat_persen_per_tahun',
      'manfaat_minimum',
      'manfaat_maksimum',
      'ahli_waris_kepesertaan_minimum_bulan',
      'ahli_waris_kepadatan_iur_minimum',
      'manfaat_ahli_waris_persen',
      'cacat_kepesertaan_minimum_bulan',
      'cacat_kepadatan_iur_minimum',
    ].map((n) => `jp.${n}`),
  },
  {
    id: 'manfaat.jkp',
    from: '2021-02-02',
    params: [
      'batas_upah',
      'manfaat_skema',
      'batas_klaim_bulan',
      'masa_iur_minimum_bulan',
      'masa_iur_jendela_bulan',
      'masa_iur_berturut_bulan',
      'usia_pendaftaran_maks_tahun',
    ].map((n) => `jkp.${n}`),
  },
  {
    id: 'klaim.batas_layanan',
    from: '2015-07-01',
    params: [
      ...['jht', 'jkm', 'jkk', 'jp'].map((p) => `klaim.batas_layanan_${p}_hari_kerja`),
      'hari_libur.daftar',
    ],
  },
  { id: 'klaim.batas_layanan.jkp', from: '2021-02-02', params: ['klaim.batas_layanan_jkp_hari_kerja'] },
];

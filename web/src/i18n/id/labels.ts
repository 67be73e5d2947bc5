// Names of the codes the server sends (segments, funding sources, programmes), so that a code
// is read in the chosen language wherever it is shown (English twin: ../en/labels.ts).
export const labelsId = {
  'label.segment.PU': 'Penerima Upah (PU)',
  'label.segment.BPU': 'Bukan Penerima Upah (BPU)',
  'label.segment.JAKON': 'Jasa Konstruksi (Jakon)',
  'label.segment.PMI': 'Pekerja Migran Indonesia (PMI)',
  'label.funding.SELF': 'Mandiri (dibayar sendiri)',
  'label.funding.EMPLOYER': 'Pemberi kerja',
  'label.funding.APBN': 'APBN (anggaran negara)',
  'label.funding.APBD': 'APBD (anggaran kabupaten)',
  'label.funding.APBDES': 'APBDes (anggaran desa)',
  'label.funding.CSR': 'CSR (tanggung jawab sosial perusahaan)',
  'label.program.JKK': 'Jaminan Kecelakaan Kerja',
  'label.program.JKM': 'Jaminan Kematian',
  'label.program.JHT': 'Jaminan Hari Tua',
  'label.program.JP': 'Jaminan Pensiun',
  'label.program.JKP': 'Jaminan Kehilangan Pekerjaan',
};

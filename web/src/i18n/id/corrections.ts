// Bahasa Indonesia strings of the corrections of a person's data (composed into ../id.ts; the
// English twin is ../en/corrections.ts).

export const correctionsId = {
  'nav.corrections': 'Koreksi data',
  'corrections.title': 'Koreksi data orang',
  'corrections.intro':
    'Usulan koreksi nama, tanggal lahir, jenis kelamin atau NIK yang menunggu keputusan. Pengusul tidak dapat menyetujui usulannya sendiri.',
  'corrections.empty': 'Tidak ada usulan koreksi yang menunggu.',
  'corrections.member': 'Peserta',
  'corrections.change': 'Perubahan',
  'corrections.reason': 'Alasan',
  'corrections.evidence': 'Bukti yang diperiksa',
  'corrections.proposedBy': 'Diusulkan oleh',
  'corrections.approve': 'Setujui',
  'corrections.approveQuestion': 'Setujui koreksi #{id}? Data orang langsung diubah.',
  'corrections.approved': 'Koreksi #{id} disetujui; data orang sudah diubah.',
  'corrections.rejected': 'Koreksi #{id} ditolak; data tidak berubah.',
  'corrections.own': 'Usulan Anda sendiri',
  'corrections.field.fullName': 'Nama lengkap',
  'corrections.field.birthDate': 'Tanggal lahir',
  'corrections.field.sex': 'Jenis kelamin',
  'corrections.field.nik': 'NIK',
  'corrections.open': 'Koreksi data',
  'corrections.form.title': 'Usulkan koreksi data {kpj}',
  'corrections.form.intro':
    'Ubah hanya kolom yang salah. Pengguna lain (supervisor cabang) memeriksa dan memutuskan; NIK diperiksa ulang seperti saat pendaftaran.',
  'corrections.form.reason': 'Alasan koreksi',
  'corrections.form.evidence': 'Keterangan bukti (dokumen yang diperiksa: KTP, KK, akta)',
  'corrections.form.submit': 'Kirim usulan',
  'corrections.form.noChange': 'Ubah paling sedikit satu kolom.',
  'corrections.form.required': 'Isi alasan dan keterangan bukti.',
  'corrections.form.done': 'Usulan koreksi #{id} terkirim dan menunggu keputusan.',
  'corrections.warning.POSSIBLE_DUPLICATE':
    'Peringatan: nama dan tanggal lahir sama dengan orang lain ber-NIK berbeda; perlu diperiksa.',
  'corrections.warning.NEEDS_BRANCH_REVIEW':
    'Peringatan: perlu ditinjau kantor cabang (kemungkinan data ganda).',
  'corrections.warning.NIK_REGION_UNKNOWN':
    'Peringatan: kode wilayah NIK tidak ada di daftar wilayah sekarang.',
};

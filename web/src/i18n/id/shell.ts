// Bahasa Indonesia strings of the app shell: name, language, login, header, main menu, charts (composed into ../id.ts;
// the English twin is ../en/shell.ts).

export const shellId = {
  'app.name': 'lindung',
  'app.tagline': 'Jaminan Sosial Ketenagakerjaan',
  'app.loading': 'Memuat…',
  'app.loadFailed': 'Tidak dapat memuat data. Periksa koneksi lalu coba lagi.',
  'app.retry': 'Coba lagi',
  'app.skipToContent': 'Langsung ke isi',

  'language.label': 'Bahasa',
  'language.id': 'Indonesia',
  'language.en': 'English',

  'login.title': 'Masuk',
  'login.intro': 'Masuk dengan akun yang diberikan oleh dinas atau kantor cabang.',
  'login.username': 'Nama pengguna',
  'login.password': 'Kata sandi',
  'login.submit': 'Masuk',
  'login.submitting': 'Sedang masuk…',
  'login.required': 'Isi nama pengguna dan kata sandi.',

  'header.logout': 'Keluar',
  'header.account': 'Akun',

  'nav.label': 'Menu utama',
  'nav.regions': 'Wilayah',
  'nav.users': 'Pengguna',
  'nav.audit': 'Log audit',
  'nav.enrolmentSubmit': 'Pendaftaran',
  'nav.enrolmentVerify': 'Verifikasi',
  'nav.enrolmentActivate': 'Aktivasi',
  'nav.billing': 'Tagihan',
  'nav.claims': 'Klaim',
  'nav.claimsCheck': 'Persetujuan klaim',
  'nav.reports': 'Laporan',
  'nav.dashboardDistrict': 'Dasbor kabupaten',
  'nav.dashboardBranch': 'Dasbor cabang',

  'chart.showTable': 'Tampilkan sebagai tabel',
  'chart.showChart': 'Tampilkan sebagai grafik',
  'chart.csv': 'CSV',
  'chart.loadFailed': 'Grafik tidak dapat dimuat. Gunakan tampilan tabel.',
};

export type ShellMessageKey = keyof typeof shellId;

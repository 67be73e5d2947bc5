// Bahasa Indonesia: the default language. Every UI string lives here and in en.ts.
// `{name}` placeholders are filled by t(key, { name }).

export const id = {
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

  'role.admin': 'Administrator',
  'role.auditor': 'Auditor',
  'role.district_officer': 'Petugas dinas kabupaten',
  'role.branch_officer': 'Petugas kantor cabang',
  'role.branch_supervisor': 'Supervisor kantor cabang',
  'role.village_operator': 'Operator desa',
  'role.employer': 'Pemberi kerja',
  'role.participant': 'Peserta',

  'level.province': 'Provinsi',
  'level.regency': 'Kabupaten/Kota',
  'level.district': 'Kecamatan',
  'level.village': 'Desa/Kelurahan',
  'kind.desa': 'Desa',
  'kind.kelurahan': 'Kelurahan',

  'region.breadcrumb': 'Jalur wilayah',
  'region.code': 'Kode {code}',
  'region.counts': 'Jumlah wilayah',
  'region.count.districts': 'Kecamatan',
  'region.count.desa': 'Desa',
  'region.count.kelurahan': 'Kelurahan',
  'region.children.districts': 'Kecamatan ({count})',
  'region.children.villages': 'Desa dan kelurahan ({count})',
  'region.children.regencies': 'Kabupaten/kota ({count})',
  'region.children.none': 'Wilayah ini tidak memiliki wilayah di bawahnya.',
  'region.childSummary.districts': '{count} kecamatan',
  'region.childSummary.desa': '{count} desa',
  'region.childSummary.kelurahan': '{count} kelurahan',
  'region.noHome': 'Akun ini tidak memiliki wilayah kerja.',
  'region.backHome': 'Kembali ke wilayah kerja',

  'page.comingSoon': 'Fitur ini sedang disiapkan.',
  'page.notFound': 'Halaman tidak ditemukan.',
  'page.home': 'Ke beranda',
};

export type MessageKey = keyof typeof id;
export type Messages = Record<MessageKey, string>;

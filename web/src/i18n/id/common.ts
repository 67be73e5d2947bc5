// Bahasa Indonesia strings of roles, region levels and the region pages, page states, shared actions and person fields (composed into ../id.ts;
// the English twin is ../en/common.ts).

export const commonId = {
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

  'nav.membershipConflicts': 'Kepesertaan ganda',
  'nav.participants': 'Peserta',

  'action.cancel': 'Batal',
  'action.back': 'Kembali ke daftar',

  'field.nik': 'NIK',
  'field.fullName': 'Nama lengkap',
  'field.birthDate': 'Tanggal lahir',
  'field.sex': 'Jenis kelamin',
  'field.occupation': 'Pekerjaan',
  'field.phone': 'Nomor HP',
  'field.address': 'Alamat',
  'field.villageCode': 'Kode desa',
  'field.income': 'Penghasilan sebulan',

  'privacy.fullView':
    'NIK dan nama ditampilkan lengkap untuk Anda periksa; tampilan ini dicatat di log audit.',
};

export type CommonMessageKey = keyof typeof commonId;

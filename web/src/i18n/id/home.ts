// Bahasa Indonesia strings of the home page per role and the folding phone menu (composed into
// ../id.ts; the English twin is ../en/home.ts).

export const homeId = {
  'nav.home': 'Beranda',
  'nav.menu': 'Menu',
  'nav.keyTasks': 'Tugas utama',
  'nav.more': 'Menu lainnya',

  'home.title': 'Beranda',
  'home.greeting': 'Selamat datang, {name}.',
  'home.todo.title': 'Yang perlu dikerjakan',
  'home.todo.none': 'Tidak ada yang menunggu Anda saat ini.',
  'home.info.title': 'Sedang berjalan',
  'home.shortcuts.title': 'Tugas utama',
  'home.region': 'Ringkasan wilayah {name}',

  'home.batch.draft': 'Batch pendaftaran belum diajukan',
  'home.batch.rejected': 'Batch pendaftaran ditolak, perlu diperbaiki',
  'home.batch.submittedOwn': 'Batch menunggu verifikasi kabupaten',
  'home.batch.submitted': 'Batch menunggu verifikasi',
  'home.batch.verified': 'Batch menunggu aktivasi',
  'home.claims.filed': 'Klaim menunggu dokumen lengkap',
  'home.claims.submitted': 'Klaim menunggu keputusan',
  'home.claims.overdue': 'Klaim lewat SLA',
  'home.invoices.open': 'Tagihan belum lunas',
  'home.payouts.draft': 'Batch pembayaran klaim menunggu persetujuan',
  'home.payouts.approved': 'Batch pembayaran klaim siap dikirim ke bank',
};

export type HomeMessageKey = keyof typeof homeId;

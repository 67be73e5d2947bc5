// Bahasa Indonesia strings of the period close screen (composed into ../id.ts; the English twin
// is ../en/periods.ts).

export const periodsId = {
  'nav.periods': 'Tutup buku',
  'periods.title': 'Tutup buku bulanan',
  'periods.intro':
    'Bulan yang ditutup tidak berubah lagi: pembayaran, penagihan dan pembaruan kepesertaan bertanggal di dalamnya ditolak; perubahan status bertanggal di dalamnya dicatat pada hari pertama bulan yang masih terbuka.',
  'periods.form.title': 'Tutup bulan',
  'periods.form.intro': 'Kabupaten {regency}. Menutup satu bulan juga menutup semua bulan sebelumnya.',
  'periods.period': 'Bulan',
  'periods.submit': 'Tutup bulan ini…',
  'periods.confirm': 'Tutup buku {regency} sampai {period}? Bulan yang ditutup tidak dapat dibuka kembali.',
  'periods.confirmSubmit': 'Ya, tutup buku',
  'periods.done': 'Buku ditutup sampai {period}.',
  'periods.none': 'Belum ada bulan yang ditutup.',
  'periods.through': 'Buku ditutup sampai {period}',
  'periods.closedBy': 'Ditutup oleh',
  'periods.closedAt': 'Waktu',
};

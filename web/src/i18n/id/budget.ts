// Strings of the budget page and the verification's quota and budget panel (spread into id.ts).

export const budgetId = {
  'budget.title': 'Anggaran dan kuota',
  'budget.intro':
    'Pagu tiap pemberi dana per tahun anggaran: terikat (tagihan ditambah proyeksi sampai akhir tahun), terpakai (sudah dibayar) dan sisa.',
  'budget.year': 'Tahun anggaran',
  'budget.payer': 'Pemberi dana',
  'budget.allocated': 'Pagu',
  'budget.committed': 'Terikat',
  'budget.used': 'Terpakai',
  'budget.remaining': 'Sisa',
  'budget.workers': 'Pekerja / kuota',
  'budget.total': 'Jumlah',
  'budget.none': 'Belum ada pagu, tagihan atau peserta untuk tahun ini.',
  'budget.projectedFrom': 'Proyeksi dihitung mulai {period}.',
  'budget.projectedNone': 'Tidak ada bulan tersisa untuk diproyeksikan tahun ini.',
  'budget.overBadge': 'Melampaui',
  'budget.noQuota': 'tanpa kuota',
  'budget.reason.OVER_BUDGET': 'Melampaui pagu sebesar {amount} (terikat {committed} dari pagu {allocated}).',
  'budget.reason.OVER_QUOTA': 'Melampaui kuota: {workers} pekerja dari kuota {quota}.',
  'budget.warnings.title': 'Peringatan anggaran ({count})',
  'budget.check.title': 'Kuota dan anggaran tahun {year}',
  'budget.check.payer': 'Dibiayai oleh {payer}',
  'budget.check.notRecorded':
    'Belum ada pagu yang dicatat untuk tahun {year}; batch ini tidak diperiksa terhadap anggaran.',
  'budget.check.batch': 'Batch ini menambah {workers} pekerja dan {amount} sampai akhir tahun.',
  'budget.check.before': 'Sebelum batch ini',
  'budget.check.after': 'Dengan batch ini',
  'budget.check.ok': 'Masih dalam pagu dan kuota.',
  'budget.check.acknowledge': 'Saya sudah membaca peringatan anggaran ini dan tetap memverifikasi batch.',
  'budget.check.hint': 'Peringatan tidak menolak batch; konfirmasi Anda dicatat dalam jejak audit.',
  'billing.run.budgetWarnings': 'Setelah penagihan ini, pemberi dana berikut melampaui anggaran atau kuota:',
};

export type BudgetMessageKey = keyof typeof budgetId;

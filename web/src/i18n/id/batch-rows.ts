// Bahasa Indonesia strings of the draft batch's rows, corrected or removed by the village before
// submission (composed into ../id.ts; the English twin is ../en/batch-rows.ts).

export const batchRowsId = {
  'batchRows.title': 'Baris dalam batch',
  'batchRows.intro':
    'Periksa setiap pekerja sebelum mengajukan. Perbaiki baris yang salah di sini tanpa mengunggah ulang berkas, atau hapus orang yang tidak jadi didaftarkan.',
  'batchRows.caption': 'Baris batch {id}',
  'batchRows.row': 'Baris',
  'batchRows.state': 'Keadaan',
  'batchRows.state.valid': 'Valid',
  'batchRows.state.invalid': 'Perlu diperbaiki',
  'batchRows.state.kept': 'Sudah ada di batch',
  'batchRows.actions': 'Tindakan',
  'batchRows.edit': 'Ubah baris {row}',
  'batchRows.edit.title': 'Perbaiki baris {row}',
  'batchRows.edit.save': 'Simpan dan periksa',
  'batchRows.edit.saved': 'Baris {row} disimpan dan diperiksa ulang: {state}.',
  'batchRows.edit.sex.L': 'L (laki-laki)',
  'batchRows.edit.sex.P': 'P (perempuan)',
  'batchRows.birthDateHint': 'Contoh: 1990-06-05 atau 05/06/1990',
  'batchRows.remove': 'Hapus baris {row}',
  'batchRows.remove.question': 'Hapus baris {row} ({name}) dari batch?',
  'batchRows.remove.yes': 'Ya, hapus',
  'batchRows.removed': 'Baris {row} dihapus dari batch.',
  'batchRows.none': 'Batch ini belum berisi baris.',
  'batchRows.noValid': 'Belum ada baris yang valid: perbaiki baris di bawah sebelum mengajukan.',
} as const;

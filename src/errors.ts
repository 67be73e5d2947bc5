// The one catalog of error codes. Every code has an HTTP status and a message in Bahasa
// Indonesia and English; docs/errors.md documents each (a test checks both).

export type Lang = 'id' | 'en';

interface CatalogEntry {
  status: number;
  id: string;
  en: string;
}

export const ERROR_CATALOG = {
  VALIDATION_FAILED: {
    status: 400,
    id: 'Data tidak valid: {detail}',
    en: 'Invalid input: {detail}',
  },
  BODY_TOO_LARGE: {
    status: 413,
    id: 'Isi permintaan terlalu besar.',
    en: 'Request body is too large.',
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    id: 'Kepala permintaan (header) terlalu besar.',
    en: 'Request headers are too large.',
  },
  TEXT_INVALID: {
    status: 400,
    id: 'Teks pada {field} berisi karakter yang tidak diizinkan (NUL atau karakter Unicode yang rusak).',
    en: 'The text in {field} holds a character that is not allowed (NUL or a broken Unicode character).',
  },
  DATE_OUT_OF_RANGE: {
    status: 400,
    id: 'Tanggal {value} pada {field} bukan tanggal yang ada antara tahun 1900 dan 2100.',
    en: 'The date {value} in {field} is not a real date between the years 1900 and 2100.',
  },
  DATE_IN_FUTURE: {
    status: 422,
    id: '{field} {value} terletak di masa depan; hari ini di kantor (WITA) adalah {today}.',
    en: '{field} {value} lies in the future; today at the office (WITA) is {today}.',
  },
  PERIOD_CLOSED: {
    status: 409,
    id: '{field} {value} jatuh pada bulan yang sudah ditutup: pembukuan {regency} ditutup sampai {through}.',
    en: '{field} {value} falls in a closed month: the books of {regency} are closed through {through}.',
  },
  PERIOD_ALREADY_CLOSED: {
    status: 409,
    id: 'Bulan {period} sudah ditutup: pembukuan {regency} ditutup sampai {through}; bulan tertutup tidak dibuka kembali.',
    en: 'Month {period} is already closed: the books of {regency} are closed through {through}; a closed month is never reopened.',
  },
  PERIOD_NOT_ENDED: {
    status: 409,
    id: 'Bulan {period} belum berakhir (hari ini {today}); hanya bulan yang sudah lewat dapat ditutup.',
    en: 'Month {period} has not ended (today is {today}); only a past month can be closed.',
  },
  NUMBER_OUT_OF_RANGE: {
    status: 400,
    id: 'Angka pada {field} di luar batas; paling besar {max}.',
    en: 'The number in {field} is out of range; at most {max}.',
  },
  NUMBER_NOT_DECIMAL: {
    status: 400,
    id: '{field} harus ditulis dengan angka desimal biasa, misalnya 16.',
    en: '{field} must be written in plain decimal digits, e.g. 16.',
  },
  QUERY_PARAMETER_UNKNOWN: {
    status: 400,
    id: 'Parameter {name} tidak dikenal di alamat ini. Yang dikenal: {known}.',
    en: 'Unknown parameter {name} for this address. Known parameters: {known}.',
  },
  FILE_NAME_HEADER_INVALID: {
    status: 400,
    id: 'Header X-File-Name tidak valid: tulis nama berkas dalam UTF-8 dengan pengodean persen.',
    en: 'The X-File-Name header is invalid: send the file name as percent-encoded UTF-8.',
  },
  CROSS_SITE_REFUSED: {
    status: 403,
    id: 'Permintaan ditolak: permintaan yang mengubah data harus datang dari aplikasi lindung sendiri.',
    en: 'Request refused: requests that change data must come from the lindung application itself.',
  },
  UNAUTHENTICATED: {
    status: 401,
    id: 'Silakan masuk terlebih dahulu.',
    en: 'Please log in first.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    id: 'Nama pengguna atau kata sandi salah.',
    en: 'Wrong username or password.',
  },
  LOGIN_THROTTLED: {
    status: 429,
    id: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit.',
    en: 'Too many failed login attempts. Try again in {minutes} minutes.',
  },
  PASSWORD_TOO_SHORT: {
    status: 400,
    id: 'Kata sandi paling sedikit {min} karakter dan paling banyak {max} karakter.',
    en: 'The password needs at least {min} and at most {max} characters.',
  },
  PASSWORD_TOO_COMMON: {
    status: 400,
    id: 'Kata sandi ini terlalu umum atau mudah ditebak (ada di daftar kata sandi yang bocor, atau memuat nama pengguna). Pilih kalimat yang lebih panjang.',
    en: 'This password is too common or easy to guess (it is on the list of breached passwords, or contains the username). Choose a longer phrase.',
  },
  RESET_FAILED: {
    status: 401,
    id: 'Nama pengguna atau kode atur ulang salah, sudah dipakai, atau kedaluwarsa. Minta kode baru kepada administrator.',
    en: 'Wrong username or reset code, or the code was used or has expired. Ask the administrator for a new code.',
  },
  FORBIDDEN: {
    status: 403,
    id: 'Peran Anda tidak diizinkan melakukan tindakan ini.',
    en: 'Your role is not allowed to do this.',
  },
  NOT_FOUND: {
    status: 404,
    id: 'Data tidak ditemukan.',
    en: 'Not found.',
  },
  REGION_NOT_FOUND: {
    status: 404,
    id: 'Wilayah {code} tidak ditemukan.',
    en: 'Region {code} not found.',
  },
  OFFICE_NOT_FOUND: {
    status: 404,
    id: 'Kantor {code} tidak ditemukan.',
    en: 'Office {code} not found.',
  },
  INVALID_SCOPE: {
    status: 400,
    id: 'Cakupan {scope} tidak cocok untuk peran {role}.',
    en: 'Scope {scope} does not fit role {role}.',
  },
  DUPLICATE: {
    status: 409,
    id: 'Data sudah ada: {detail}',
    en: 'Already exists: {detail}',
  },
  CONFLICT: {
    status: 409,
    id: 'Data diubah oleh proses lain. Muat ulang dan coba lagi.',
    en: 'The record was changed by someone else. Reload and try again.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    id: 'Kunci idempotensi sudah dipakai untuk permintaan yang berbeda.',
    en: 'The idempotency key was already used for a different request.',
  },
  RULE_NOT_IN_FORCE: {
    status: 422,
    id: 'Aturan {rule} belum berlaku pada {date}.',
    en: 'Rule {rule} is not in force on {date}.',
  },
  PARAMETER_FILE_INVALID: {
    status: 500,
    id: 'Berkas parameter {file} tidak valid: {detail}',
    en: 'Parameter file {file} is invalid: {detail}',
  },
  PARAMETER_VALUE_UNKNOWN: {
    status: 422,
    id: 'Nilai parameter {rule} pada {date} belum dikonfirmasi; administrator harus mengisinya.',
    en: 'Parameter {rule} has no confirmed value on {date}; an administrator must set it.',
  },
  DB_UNREACHABLE: {
    status: 503,
    id: 'Basis data tidak dapat dihubungi ({detail}). Periksa DATABASE_URL atau hapus agar memakai basis data bawaan.',
    en: 'Cannot reach the database ({detail}). Check DATABASE_URL, or unset it to use the embedded database.',
  },
  READ_REPLICA_UNREACHABLE: {
    status: 503,
    id: 'Replika baca tidak dapat dihubungi ({detail}). Periksa DATABASE_READ_URL, atau hapus agar laporan dibaca dari basis data utama.',
    en: 'Cannot reach the read replica ({detail}). Check DATABASE_READ_URL, or unset it to read reports from the primary database.',
  },
  READ_REPLICA_NEEDS_SERVER: {
    status: 400,
    id: 'DATABASE_READ_URL hanya berlaku bersama DATABASE_URL (server PostgreSQL); basis data bawaan tidak memiliki replika.',
    en: 'DATABASE_READ_URL works only together with DATABASE_URL (a PostgreSQL server); the embedded database has no replicas.',
  },
  DATA_DIR_IN_USE: {
    status: 409,
    id: 'Folder data {dir} sedang dipakai proses {pid} ({command}) di {host} sejak {since}. Hentikan proses itu lalu coba lagi; perintah CLI lewat sendiri selama `lindung serve` berjalan. Jika proses itu sudah tidak ada di {host}, hapus folder kunci {lock}.',
    en: 'The data folder {dir} is in use by process {pid} ({command}) on {host} since {since}. Stop that process and try again; CLI commands go through a running `lindung serve` by themselves. If that process no longer exists on {host}, remove the lock folder {lock}.',
  },
  BACKUP_EMBEDDED_ONLY: {
    status: 400,
    id: '`lindung db backup` dan `db restore` untuk basis data bawaan; untuk server PostgreSQL pakai pg_dump dan pg_restore.',
    en: '`lindung db backup` and `db restore` are for the embedded database; for a PostgreSQL server use pg_dump and pg_restore.',
  },
  BACKUP_FILE_INVALID: {
    status: 400,
    id: 'Berkas {file} bukan cadangan lindung yang dapat dipulihkan: {detail}',
    en: 'The file {file} is not a lindung backup that can be restored: {detail}',
  },
  RESTORE_TARGET_NOT_EMPTY: {
    status: 409,
    id: 'Folder data {dir} sudah berisi basis data. Pakai --replace untuk memindahkannya ke samping (tidak ada yang dihapus) lalu memulihkan.',
    en: 'The data folder {dir} already holds a database. Use --replace to move it aside (nothing is deleted) and restore.',
  },
  EXPORT_TARGET_NOT_EMPTY: {
    status: 409,
    id: 'Folder ekspor {dir} sudah berisi berkas. Pilih folder baru atau kosong.',
    en: 'The export folder {dir} already holds files. Choose a new or empty folder.',
  },
  IMPORT_FILE_INVALID: {
    status: 400,
    id: 'Folder {dir} bukan ekspor lindung yang dapat diimpor: {detail}',
    en: 'The folder {dir} is not a lindung export that can be imported: {detail}',
  },
  IMPORT_TARGET_NOT_EMPTY: {
    status: 409,
    id: 'Basis data tujuan sudah berisi data ({tables}). Impor hanya ke basis data baru yang sudah dimigrasi (`lindung db migrate`).',
    en: 'The target database already holds data ({tables}). Import only into a new database that has been migrated (`lindung db migrate`).',
  },
  IMPORT_SCHEMA_MISMATCH: {
    status: 409,
    id: 'Skema berbeda: ekspor dibuat pada migrasi {source}, basis data tujuan pada {target}. Jalankan `lindung db migrate` dengan versi lindung yang sama pada kedua sisi.',
    en: 'The schemas differ: the export was made at migration {source}, the target is at {target}. Run `lindung db migrate` with the same lindung version on both sides.',
  },
  IMPORT_AUDIT_KEY_MISMATCH: {
    status: 409,
    id: 'Kunci audit basis data tujuan bukan kunci sumber, sehingga rantai audit tidak akan terverifikasi. Setel LINDUNG_AUDIT_KEY ke kunci sumber (berkas .lindung-audit-key di samping folder data bawaan).',
    en: "The target database's audit key is not the source's, so the audit chain would not verify. Set LINDUNG_AUDIT_KEY to the source's key (the file .lindung-audit-key beside the embedded data folder).",
  },
  IMPORT_CHECK_FAILED: {
    status: 500,
    id: 'Impor dibatalkan, tidak ada yang tersimpan: {detail} tidak sama dengan sumber.',
    en: 'Import rolled back, nothing was written: {detail} does not match the source.',
  },
  NATIONAL_POSTGRES_ONLY: {
    status: 400,
    id: 'Basis data nasional memakai postgres_fdw dan harus berupa server PostgreSQL (setel DATABASE_URL), bukan basis data bawaan.',
    en: 'The national database uses postgres_fdw and must be a PostgreSQL server (set DATABASE_URL), not the embedded database.',
  },
  NATIONAL_MEMBER_UNREACHABLE: {
    status: 503,
    id: 'Basis data anggota {member} ({target}) tidak dapat dihubungi, jadi ringkasan nasional tidak dibuat: {detail}',
    en: 'The member database {member} ({target}) cannot be reached, so no national summary was made: {detail}',
  },
  NATIONAL_MEMBER_NOT_LINDUNG: {
    status: 422,
    id: 'Basis data {target} bukan basis data lindung yang sudah dimigrasi (tabel yang tidak ada: {tables}).',
    en: 'The database {target} is not a migrated lindung database (missing tables: {tables}).',
  },
  DB_HISTORY_UNKNOWN: {
    status: 500,
    id: 'Basis data memiliki migrasi yang tidak dikenal ({detail}); program ini tidak akan mengubahnya.',
    en: 'The database has migrations this program does not know ({detail}); it will not touch it.',
  },
  AUDIT_CHAIN_BROKEN: {
    status: 500,
    id: 'Rantai audit rusak pada baris {id}.',
    en: 'Audit chain broken at row {id}.',
  },
  AUDIT_KEY_REQUIRED: {
    status: 500,
    id: 'Kunci audit tidak ada: log audit tidak dapat ditulis atau diperiksa. Setel LINDUNG_AUDIT_KEY (wajib untuk PostgreSQL; lihat docs/security.md).',
    en: 'No audit key: the audit log cannot be written or verified. Set LINDUNG_AUDIT_KEY (required with PostgreSQL; see docs/security.md).',
  },
  AUDIT_KEY_INVALID: {
    status: 500,
    id: 'LINDUNG_AUDIT_KEY terlalu pendek: paling sedikit {min} karakter (mis. keluaran `openssl rand -hex 32`).',
    en: 'LINDUNG_AUDIT_KEY is too short: at least {min} characters (e.g. the output of `openssl rand -hex 32`).',
  },
  APPEND_ONLY: {
    status: 409,
    id: 'Catatan {detail} hanya boleh ditambah, tidak boleh diubah atau dihapus.',
    en: 'Records of {detail} may only be added, never changed or deleted.',
  },
  QUERY_STOPPED: {
    status: 503,
    id: 'Permintaan dihentikan: melebihi batas waktu atau ditinggalkan oleh klien. Persempit pencarian lalu coba lagi.',
    en: 'The request was stopped: it ran past its time limit or its client left. Narrow it down and try again.',
  },
  FILE_EMPTY: {
    status: 400,
    id: 'Berkas kosong: tidak ada baris data di bawah judul kolom.',
    en: 'The file is empty: no data rows under the column headers.',
  },
  FILE_TOO_LARGE: {
    status: 413,
    id: 'Berkas terlalu besar ({sizeMb} MB); batasnya {limitMb} MB. Bagi menjadi beberapa berkas.',
    en: 'The file is too large ({sizeMb} MB); the limit is {limitMb} MB. Split it into several files.',
  },
  FILE_TOO_MANY_ROWS: {
    status: 413,
    id: 'Berkas berisi {rows} baris; batasnya {limit} baris per unggahan.',
    en: 'The file has {rows} rows; the limit is {limit} rows per upload.',
  },
  FILE_CONTENT_TOO_LARGE: {
    status: 413,
    id: 'Isi berkas terlalu besar setelah dibuka: {detail} melebihi batas {limit}. Bagi menjadi beberapa berkas.',
    en: 'The file unpacks to too much: {detail} over the limit of {limit}. Split it into several files.',
  },
  FILE_NOT_SPREADSHEET: {
    status: 415,
    id: 'Berkas bukan lembar kerja XLSX atau CSV. Gunakan templat yang disediakan.',
    en: 'The file is not an XLSX or CSV spreadsheet. Use the template provided.',
  },
  FILE_HEADERS_INVALID: {
    status: 400,
    id: 'Judul kolom tidak sesuai templat. Kolom yang kurang: {missing}.',
    en: 'Column headers do not match the template. Missing columns: {missing}.',
  },
  FILE_TEXT_INVALID: {
    status: 400,
    id: 'Berkas berisi karakter yang bukan teks (NUL atau karakter rusak) di sel {cells}. Hapus karakter itu lalu unggah lagi.',
    en: 'The file holds characters that are not text (NUL or broken characters) in cells {cells}. Remove them and upload again.',
  },
  FILE_HAS_FORMULAS: {
    status: 400,
    id: 'Berkas berisi rumus (formula) di sel {cells}. Salin lalu tempel sebagai nilai saja.',
    en: 'The file contains formulas in cells {cells}. Copy and paste them as values only.',
  },
  FILE_ALREADY_UPLOADED: {
    status: 409,
    id: 'Berkas yang sama sudah diunggah ke batch ini; tidak ada yang diubah.',
    en: 'This same file was already uploaded to this batch; nothing was changed.',
  },
  BATCH_STATE: {
    status: 409,
    id: 'Batch {batch} berstatus {status}; tindakan ini tidak dapat dilakukan.',
    en: 'Batch {batch} is {status}; this action is not possible.',
  },
  BATCH_EMPTY: {
    status: 422,
    id: 'Batch {batch} tidak berisi peserta yang valid.',
    en: 'Batch {batch} holds no valid workers.',
  },
  ENROLMENT_ROW_REPLACED: {
    status: 409,
    id: 'Baris {row} sudah diganti oleh koreksi atau dihapus dari batch; muat ulang daftar baris.',
    en: 'Row {row} was already replaced by a correction or removed from the batch; reload the rows.',
  },
  BUDGET_WARNING_UNACKNOWLEDGED: {
    status: 409,
    id: 'Batch ini membuat {payer} melampaui anggaran atau kuota tahun {year}; konfirmasi peringatan untuk tetap memverifikasi.',
    en: 'This batch takes {payer} over its budget or quota for {year}; acknowledge the warnings to verify anyway.',
  },
  BATCH_RULE_FAILED: {
    status: 422,
    id: 'Batch tidak memenuhi aturan kabupaten: {detail}',
    en: 'The batch does not meet the regency rules: {detail}',
  },
  REASON_REQUIRED: {
    status: 400,
    id: 'Alasan penolakan wajib diisi.',
    en: 'A reason for the refusal is required.',
  },
  REQUIRED: { status: 422, id: 'Wajib diisi.', en: 'Required.' },
  NAME_INVALID: {
    status: 422,
    id: "Nama tidak valid: huruf, spasi dan tanda . , ' - saja, diawali huruf, paling panjang 100.",
    en: "Invalid name: letters, spaces and . , ' - only, starting with a letter, at most 100.",
  },
  DATE_INVALID: {
    status: 422,
    id: 'Tanggal tidak valid; tulis TTTT-BB-HH, misalnya 1990-06-05.',
    en: 'Invalid date; write YYYY-MM-DD, e.g. 1990-06-05.',
  },
  AGE_OUT_OF_RANGE: {
    status: 422,
    id: 'Umur di luar batas program ({detail}).',
    en: 'Age outside the programme limits ({detail}).',
  },
  SEX_INVALID: { status: 422, id: 'Jenis kelamin harus L atau P.', en: 'Sex must be L or P.' },
  OTHER_VILLAGE: {
    status: 422,
    id: 'Kode desa berbeda dengan desa batch ini.',
    en: 'Village code differs from this batch’s village.',
  },
  INCOME_INVALID: {
    status: 422,
    id: 'Penghasilan harus angka rupiah, misalnya 1000000.',
    en: 'Income must be a rupiah amount, e.g. 1000000.',
  },
  PHONE_INVALID: {
    status: 422,
    id: 'Nomor HP tidak valid (contoh 081234567890).',
    en: 'Invalid mobile number (e.g. 081234567890).',
  },
  DUPLICATE_IN_FILE: {
    status: 422,
    id: 'NIK ini muncul lebih dari sekali dalam berkas.',
    en: 'This NIK appears more than once in the file.',
  },
  ALREADY_COVERED: {
    status: 422,
    id: 'NIK ini sudah terdaftar sebagai peserta BPU (didanai pihak lain atau mandiri).',
    en: 'This NIK is already a BPU participant (funded elsewhere or self-paying).',
  },
  ALREADY_PU: {
    status: 422,
    id: 'NIK ini sudah peserta penerima upah (PU) yang didaftarkan pemberi kerja; iuran desa tidak diperlukan.',
    en: 'This NIK is already a wage-earner (PU) participant registered by an employer; village funding is not needed.',
  },
  ALREADY_JAKON: {
    status: 422,
    id: 'NIK ini sedang dilindungi sebagai pekerja proyek jasa konstruksi (JAKON); daftarkan setelah proyek selesai.',
    en: 'This NIK is covered as a construction project (JAKON) worker; enrol them after the project ends.',
  },
  ALREADY_PMI: {
    status: 422,
    id: 'NIK ini sudah peserta pekerja migran Indonesia (PMI) yang aktif.',
    en: 'This NIK is already an active Indonesian migrant worker (PMI) participant.',
  },
  PMI_DEPARTURE_WINDOW: {
    status: 422,
    id: 'Tanggal keberangkatan harus antara hari pendaftaran dan {months} bulan sesudahnya (perlindungan sebelum bekerja, Permenaker 4/2023).',
    en: 'The departure date must lie between the registration day and {months} months after it (pre-departure protection, Permenaker 4/2023).',
  },
  BPU_AMOUNT_MISMATCH: {
    status: 422,
    id: 'Jumlah pembayaran harus tepat {expectedAmount}: iuran {months} bulan, {monthSpan}.',
    en: 'The payment must be exactly {expectedAmount}: the contribution of {months} month(s), {monthSpan}.',
  },
  BPU_COLLECTED_BY_AGENT: {
    status: 422,
    id: 'Iuran peserta ini ditagih secara kolektif melalui agen {agent}; bayar melalui tagihan agen.',
    en: "This participant's contributions are collected by the agent {agent}; pay through the agent's invoice.",
  },
  BPU_NOT_PAYABLE: {
    status: 422,
    id: 'Kepesertaan BPU ini sudah berakhir ({status}); tidak dapat dibayar.',
    en: 'This BPU membership has ended ({status}); it cannot be paid.',
  },
  PMI_CONTRACT_START: {
    status: 422,
    id: 'Perjanjian kerja PMI tidak boleh mulai sebelum tanggal keberangkatan.',
    en: 'The PMI work agreement cannot start before the departure date.',
  },
  MEMBERSHIP_CONFLICT: {
    status: 409,
    id: 'Orang ini sudah memiliki kepesertaan aktif untuk program yang sama (satu orang, satu kepesertaan per program).',
    en: 'This person already holds an active membership for the same programme (one person, one membership per programme).',
  },
  NEEDS_BRANCH_REVIEW: {
    status: 422,
    id: 'Perlu ditinjau kantor cabang sebelum dapat didaftarkan dari desa ini; hubungi kantor cabang.',
    en: 'Needs review by the branch office before it can be enrolled from this village; contact the branch.',
  },
  IN_OTHER_BATCH: {
    status: 422,
    id: 'NIK ini sudah diusulkan dalam batch lain yang belum selesai.',
    en: 'This NIK is already proposed in another batch still in progress.',
  },
  NIK_FORMAT: { status: 422, id: 'NIK harus 16 angka.', en: 'NIK must be 16 digits.' },
  NIK_NOT_TEXT: {
    status: 422,
    id: 'NIK tersimpan sebagai angka sehingga digit terakhir hilang; format kolom NIK sebagai Teks.',
    en: 'NIK was stored as a number, which loses its last digits; format the NIK column as Text.',
  },
  NIK_REGION_FORMAT: {
    status: 422,
    id: 'Enam digit pertama NIK bukan kode wilayah yang mungkin.',
    en: 'The first six digits of the NIK are not a possible region code.',
  },
  NIK_BIRTH_FORMAT: {
    status: 422,
    id: 'Digit 7–10 NIK bukan tanggal dan bulan lahir yang mungkin.',
    en: 'NIK digits 7–10 are not a possible day and month of birth.',
  },
  NIK_SERIAL_FORMAT: {
    status: 422,
    id: 'Nomor urut NIK tidak boleh 0000.',
    en: 'The NIK serial may not be 0000.',
  },
  NIK_BIRTH_DATE_MISMATCH: {
    status: 422,
    id: 'Tanggal lahir tidak sesuai dengan NIK.',
    en: 'Birth date does not match the NIK.',
  },
  NIK_SEX_MISMATCH: {
    status: 422,
    id: 'Jenis kelamin tidak sesuai dengan NIK (perempuan: tanggal lahir + 40).',
    en: 'Sex does not match the NIK (women: day of birth + 40).',
  },
  NIK_REGION_UNKNOWN: {
    status: 422,
    id: 'Peringatan: kode wilayah NIK tidak ada di daftar wilayah sekarang (mungkin wilayah sebelum pemekaran).',
    en: 'Warning: the NIK’s region code is not in today’s region list (possibly a region before a split).',
  },
  POSSIBLE_DUPLICATE: {
    status: 422,
    id: 'Peringatan: nama dan tanggal lahir sama dengan orang lain ber-NIK berbeda; perlu diperiksa.',
    en: 'Warning: same name and birth date as another person with a different NIK; needs review.',
  },
  LEDGER_UNBALANCED: {
    status: 500,
    id: 'Jurnal {entry} tidak seimbang; tidak ada yang disimpan.',
    en: 'Ledger entry {entry} does not balance; nothing was saved.',
  },
  PAYMENT_NOT_FOUND: {
    status: 404,
    id: 'Pembayaran tidak ditemukan.',
    en: 'Payment not found.',
  },
  PAYMENT_ALREADY_REVERSED: {
    status: 409,
    id: 'Pembayaran ini sudah dibatalkan.',
    en: 'This payment was already reversed.',
  },
  INTERNAL: {
    status: 500,
    id: 'Terjadi kesalahan pada sistem. Coba lagi nanti.',
    en: 'Something went wrong on our side. Please try again later.',
  },
  RATE_LIMITED: {
    status: 429,
    id: 'Terlalu banyak permintaan. Coba lagi dalam {seconds} detik.',
    en: 'Too many requests. Try again in {seconds} seconds.',
  },
  ACTIVATION_FAILED: {
    status: 401,
    id: 'Nomor KPJ atau kode aktivasi salah, sudah dipakai, atau kedaluwarsa. Minta surat aktivasi baru di kantor cabang bila perlu.',
    en: 'Wrong KPJ number or activation code, or the code was used or has expired. Ask the branch office for a new activation letter if needed.',
  },
  PARTICIPANT_NOT_ACTIVE: {
    status: 409,
    id: 'Kartu hanya dicetak untuk peserta aktif; status peserta {kpj} adalah {status}.',
    en: 'Cards are printed for active participants only; participant {kpj} is {status}.',
  },
  MEMBERSHIP_ENDED: {
    status: 409,
    id: 'Kepesertaan {kpj} sudah berakhir sejak {since}; tidak dapat diubah lagi.',
    en: 'Membership {kpj} ended on {since}; it cannot be changed any more.',
  },
  MEMBERSHIP_CHANGE_OPEN: {
    status: 409,
    id: 'Kepesertaan {kpj} sudah memiliki usulan perubahan yang belum selesai (nomor {id}).',
    en: 'Membership {kpj} already has an unfinished change proposal (number {id}).',
  },
  MEMBERSHIP_CHANGE_STATE: {
    status: 409,
    id: 'Perubahan kepesertaan {id} berstatus {state}; langkah ini memerlukan status {needed}.',
    en: 'Membership change {id} is {state}; this step needs status {needed}.',
  },
  MEMBERSHIP_CHANGE_DATE: {
    status: 422,
    id: 'Tanggal berlaku {date} tidak boleh sebelum perubahan status terakhir ({since}).',
    en: 'The effective date {date} may not lie before the last status change ({since}).',
  },
  MEMBERSHIP_CHANGE_REASON: {
    status: 422,
    id: 'Alasan {reason} tidak cocok untuk {kind}: pindah desa hanya memakai alasan moved_away.',
    en: 'Reason {reason} does not fit {kind}: a move takes the reason moved_away only.',
  },
  MEMBERSHIP_MOVE_VILLAGE: {
    status: 422,
    id: 'Desa tujuan {village} harus desa lain di kabupaten/kota yang sama.',
    en: 'The receiving village {village} must be another village of the same regency.',
  },
  NPP_FORMAT: {
    status: 422,
    id: 'NPP harus 5–20 huruf besar atau angka.',
    en: 'The NPP must be 5–20 capital letters or digits.',
  },
  BUSINESS_TYPE_UNKNOWN: {
    status: 422,
    id: 'Jenis usaha tidak ada di tabel jenis usaha (PP 44/2015 Lampiran I).',
    en: 'Business type is not in the business-type table (PP 44/2015 Lampiran I).',
  },
  JP_REQUIRED: {
    status: 422,
    id: 'Program JP wajib bagi pemberi kerja usaha menengah dan besar.',
    en: 'JP is compulsory for medium and large employers.',
  },
  JHT_REQUIRED: {
    status: 422,
    id: 'Program JHT wajib bagi pekerja pemberi kerja swasta; hanya pegawai non-ASN pemerintah yang boleh tanpa JHT.',
    en: 'JHT is compulsory for workers of private employers; only Non-ASN government workers may go without it.',
  },
  WORK_UNIT_NOT_GOVERNMENT: {
    status: 422,
    id: 'Unit kerja (OPD) hanya ada pada pemberi kerja pemerintah daerah.',
    en: 'Work units (OPD) exist only for a government employer.',
  },
  WORK_UNIT_UNKNOWN: {
    status: 422,
    id: 'Unit kerja (OPD) tidak terdaftar pada pemberi kerja ini.',
    en: 'The work unit (OPD) is not registered for this employer.',
  },
  WAGE_INVALID: {
    status: 422,
    id: 'Upah harus angka rupiah lebih dari 0, misalnya 2500000.',
    en: 'Wage must be a rupiah amount above 0, e.g. 2500000.',
  },
  MUTATION_INVALID: {
    status: 422,
    id: 'Mutasi harus salah satu dari: masuk, keluar, perubahan upah, tetap.',
    en: 'Mutation must be one of: join, leave, wage change, none.',
  },
  NOT_EMPLOYED: {
    status: 422,
    id: 'NIK ini bukan pekerja pemberi kerja ini pada periode tersebut.',
    en: 'This NIK is not a worker of this employer in that period.',
  },
  PROJECT_NUMBER_FORMAT: {
    status: 422,
    id: 'Nomor proyek harus 3–40 huruf besar, angka, titik, garis miring atau tanda hubung.',
    en: 'Project number must be 3–40 capital letters, digits, dots, slashes or hyphens.',
  },
  EXPORT_TOO_LARGE: {
    status: 422,
    id: 'Ekspor melebihi {max} baris. Persempit dengan filter periode, pembayar atau status.',
    en: 'The export exceeds {max} rows. Narrow it with the period, payer or status filter.',
  },
  FISCAL_YEAR_OUTSIDE_AGREEMENT: {
    status: 422,
    id: 'Tahun anggaran {year} di luar masa berlaku perjanjian ({from} s.d. {to}).',
    en: 'Fiscal year {year} lies outside the agreement’s validity ({from} to {to}).',
  },
  PAYOUT_NOTHING_TO_BATCH: {
    status: 422,
    id: 'Tidak ada klaim disetujui yang menunggu pembayaran di {regency}.',
    en: 'No approved claims are waiting for payment in {regency}.',
  },
  CLAIM_NOT_PAYABLE: {
    status: 409,
    id: 'Klaim {claims} tidak dapat dibayar: belum disetujui, sudah dalam pembayaran lain, atau di luar wilayah ini.',
    en: 'Claim {claims} cannot be paid: not approved, already in another payment, or outside this region.',
  },
  PAYOUT_BATCH_STATE: {
    status: 409,
    id: 'Batch pembayaran {number} berstatus {status}; langkah ini memerlukan status {needed}.',
    en: 'Payout batch {number} is {status}; this step needs status {needed}.',
  },
  PAYOUT_SAME_PERSON: {
    status: 403,
    id: 'Batch pembayaran harus disetujui oleh orang lain dari pembuatnya.',
    en: 'A payout batch must be approved by someone other than its creator.',
  },
  PAYOUT_DECLARATION_MISMATCH: {
    status: 422,
    id: 'Jumlah yang dinyatakan ({declaredCount} pembayaran, Rp{declaredTotalRp}) tidak sama dengan batch ({count} pembayaran, Rp{totalRp}).',
    en: 'The declared figures ({declaredCount} payouts, Rp{declaredTotalRp}) do not match the batch ({count} payouts, Rp{totalRp}).',
  },
  PAYOUT_BANK_FILE_REFUSED: {
    status: 422,
    id: 'Berkas bank format {format} tidak dapat dibuat ({problems} masalah, mis. nama pemilik rekening lebih dari {nameMax} karakter); gunakan format lain atau perbaiki data. Tidak ada yang dipotong.',
    en: 'The {format} bank file cannot be made ({problems} problems, e.g. an account holder name over {nameMax} characters); use another format or correct the data. Nothing was truncated.',
  },
  PAYOUT_INSTRUCTION_DATE: {
    status: 422,
    id: 'Tanggal instruksi transfer {date} harus antara {from} dan {to}.',
    en: 'The transfer instruction date {date} must lie between {from} and {to}.',
  },
  PAYOUT_SENT_FILE_MISMATCH: {
    status: 409,
    id: 'Berkas yang dinyatakan terkirim (SHA-256 {sha256}) bukan berkas batch {number} dengan format dan parameter ini; unduh ulang lalu kirim berkas itu.',
    en: 'The file declared sent (SHA-256 {sha256}) is not batch {number}’s file in this format with these parameters; download again and send that file.',
  },
  PAYOUT_RESULT_INVALID: {
    status: 422,
    id: 'Berkas hasil bank ditolak ({problems} masalah); tidak ada yang disimpan.',
    en: 'The bank result file was refused ({problems} problems); nothing was saved.',
  },
  JHT_BALANCE_INSUFFICIENT: {
    status: 422,
    id: 'Klaim JHT {claims} melebihi saldo JHT peserta.',
    en: 'JHT claim {claims} exceeds the participant’s JHT balance.',
  },
  JHT_RATE_MISSING: {
    status: 422,
    id: 'Tingkat hasil pengembangan JHT tahun {year} belum dimasukkan.',
    en: 'The JHT return rate for {year} has not been entered.',
  },
  JHT_RATE_IN_USE: {
    status: 409,
    id: 'Hasil pengembangan JHT tahun {year} sudah dikreditkan dengan tingkat yang ada; tingkat tidak dapat diubah.',
    en: 'JHT returns for {year} were already credited at the current rate; the rate cannot be changed.',
  },
  JHT_YEAR_NOT_ENDED: {
    status: 422,
    id: 'Tahun {year} belum berakhir; hasil pengembangan dikreditkan setelah 31 Desember.',
    en: 'Year {year} has not ended; returns are credited after 31 December.',
  },
  DOCUMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    id: 'Dokumen harus berkas PDF, JPEG atau PNG (diperiksa dari isi berkas, bukan nama berkas).',
    en: 'Documents must be PDF, JPEG or PNG files (checked from the content, not the file name).',
  },
  DOCUMENT_TOO_LARGE: {
    status: 413,
    id: 'Dokumen terlalu besar; batasnya {limitMb} MB per berkas.',
    en: 'The document is too large; the limit is {limitMb} MB per file.',
  },
  DOCUMENT_KIND_UNKNOWN: {
    status: 422,
    id: 'Jenis dokumen {docType} tidak ada dalam daftar dokumen klaim ini.',
    en: 'Document type {docType} is not on this claim’s document list.',
  },
  DOCUMENTS_INCOMPLETE: {
    status: 409,
    id: 'Dokumen klaim belum lengkap; yang kurang: {missing}.',
    en: 'The claim documents are incomplete; missing: {missing}.',
  },
  CLAIM_STATE: {
    status: 409,
    id: 'Klaim {number} berstatus {status}; tindakan ini tidak dapat dilakukan.',
    en: 'Claim {number} is {status}; this action is not possible.',
  },
  CLAIM_KIND_UNKNOWN: {
    status: 422,
    id: 'Jenis klaim {kind} tidak ada untuk program {program}.',
    en: 'Claim kind {kind} does not exist for programme {program}.',
  },
  CLAIM_NOT_ELIGIBLE: {
    status: 409,
    id: 'Klaim tidak dapat disetujui menurut aturan: {detail}',
    en: 'The rules do not allow approving this claim: {detail}',
  },
  CLAIM_ALREADY_REFUSED: {
    status: 409,
    id: 'Klaim ini sudah ditolak otomatis oleh aturan sebagai {number} dengan alasan: {reason} Alasan itu masih berlaku: tidak dibuat klaim baru. Buka klaim {number}, atau lengkapi dulu syarat yang kurang.',
    en: 'This claim was already refused automatically by the rules as {number} for this reason: {reason} That reason still holds: no new claim was created. Open claim {number}, or first meet the missing condition.',
  },
  CLAIM_ZERO_AMOUNT: {
    status: 409,
    id: 'Klaim {number} bernilai Rp 0: tidak ada yang akan dibayar. Setujui hanya dengan alasan tertulis (zeroAmountReason), atau tolak klaim ini.',
    en: 'Claim {number} computes to Rp 0: nothing would be paid. Approve it only with a written reason (zeroAmountReason), or reject it.',
  },
  CLAIM_REASON_UNKNOWN: {
    status: 422,
    id: 'Kode alasan {code} tidak ada dalam katalog alasan klaim.',
    en: 'Reason code {code} is not in the claim reason catalog.',
  },
  SAME_PERSON: {
    status: 403,
    id: 'Pemeriksa harus orang lain dari {role} klaim ini.',
    en: 'The checker must be someone other than this claim’s {role}.',
  },
  CORRECTION_REASON_REQUIRED: {
    status: 422,
    id: 'Alasan koreksi dan keterangan bukti (dokumen yang diperiksa) wajib diisi.',
    en: 'A reason for the correction and an evidence note (the document checked) are required.',
  },
  CORRECTION_NO_CHANGE: {
    status: 422,
    id: 'Usulan koreksi tidak mengubah apa pun: nilai baru sama dengan data sekarang.',
    en: 'The correction changes nothing: the new values equal the current data.',
  },
  CORRECTION_PENDING: {
    status: 409,
    id: 'Orang ini sudah memiliki usulan koreksi {field} yang menunggu keputusan.',
    en: 'This person already has a pending correction of {field}.',
  },
  CORRECTION_STATE: {
    status: 409,
    id: 'Usulan koreksi {id} sudah diputuskan ({status}).',
    en: 'Correction {id} was already decided ({status}).',
  },
  CORRECTION_SAME_USER: {
    status: 403,
    id: 'Usulan koreksi harus diputuskan oleh pengguna lain, bukan pengusulnya.',
    en: 'A correction must be decided by someone other than the user who proposed it.',
  },
  NIK_TAKEN: {
    status: 409,
    id: 'NIK ini sudah dipakai orang lain di registri (atau diusulkan untuk orang lain); koreksi ditolak.',
    en: 'This NIK is already held by another person in the registry (or proposed for another person); the correction is refused.',
  },
  BANK_ACCOUNT_INVALID: {
    status: 422,
    id: 'Nomor rekening harus 6–20 angka.',
    en: 'The bank account number must be 6–20 digits.',
  },
  BANK_UNKNOWN: {
    status: 422,
    id: 'Kode bank {code} tidak dikenal.',
    en: 'Bank code {code} is unknown.',
  },
} as const satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export type ErrorParams = Record<string, string | number>;

/**
 * Fills a message's placeholders from params. Text that differs per language travels as two
 * params: `{reason}` takes `reason` in Bahasa Indonesia and `reasonEn`, when given, in English.
 */
export function formatMessage(code: ErrorCode, lang: Lang, params: ErrorParams = {}): string {
  const template = ERROR_CATALOG[code][lang];
  return template.replace(/\{(\w+)\}/g, (_, key: string) =>
    String((lang === 'en' ? params[`${key}En`] : undefined) ?? params[key] ?? `{${key}}`),
  );
}

/** A failure the caller can act on; adapters turn it into HTTP status / exit code. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** Per-field or per-row details (validation, imports). */
  readonly details: unknown;

  constructor(code: ErrorCode, params: ErrorParams = {}, details?: unknown) {
    super(formatMessage(code, 'en', params));
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }

  get status(): number {
    return ERROR_CATALOG[this.code].status;
  }

  localized(lang: Lang): string {
    return formatMessage(this.code, lang, this.params);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

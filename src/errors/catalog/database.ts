// Error codes: The database and its operation: replicas, backup and restore, export and import, the national view, the audit chain.
import type { CatalogEntry } from '../entry.ts';

export const DATABASE_ERRORS = {
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
} as const satisfies Record<string, CatalogEntry>;

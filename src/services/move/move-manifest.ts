import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SequenceState } from '../../db/move/catalog.ts';
import type { ChainHead, LedgerSums } from '../../db/move/figures.ts';
import { AppError } from '../../errors.ts';
import type { AuditKeys } from '../../security/audit-key.ts';

// The export folder (docs/moving.md): manifest.json, written last, and one file per table in
// PostgreSQL's COPY text format. The manifest describes itself: format and version, the lindung
// version and the migrations it was made at, and what the import must find again.

export const EXPORT_FORMAT = 'lindung-export';
export const EXPORT_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

export interface TableEntry {
  name: string;
  columns: string[];
  /** Relative to the export folder. */
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  lindungVersion: string;
  exportedAt: string;
  source: { kind: string };
  migrations: { version: string; checksum: string }[];
  /** Tables in the order they are loaded (parents first). */
  tables: TableEntry[];
  sequences: SequenceState[];
  audit: { keyId: string | null; chains: ChainHead[]; checkpointsFile: string | null };
  ledger: LedgerSums;
}

const PACKAGE = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
export const LINDUNG_VERSION = PACKAGE.version;

/**
 * Names the audit key without revealing it: a hash of the row key's pads. Two databases with the
 * same id compute the same row hashes, so a chain moved between them verifies.
 */
export function auditKeyId(keys: AuditKeys | null | undefined): string | null {
  if (!keys) return null;
  return createHash('sha256').update(`lindung audit key id v1:${keys.rowPads}`).digest('hex').slice(0, 16);
}

/** sha256, size and line count (COPY text: one line per row) of a file, in one streamed pass. */
export async function fileFigures(path: string): Promise<{ sha256: string; bytes: number; rows: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let rows = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) rows += 1;
  }
  return { sha256: hash.digest('hex'), bytes, rows };
}

export function readManifest(dir: string): Manifest {
  const invalid = (detail: string) => new AppError('IMPORT_FILE_INVALID', { dir, detail });
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch (e) {
    throw invalid(`${MANIFEST_FILE}: ${(e as Error).message}`);
  }
  if (m.format !== EXPORT_FORMAT) throw invalid(`format is not ${EXPORT_FORMAT}`);
  if (m.formatVersion !== EXPORT_FORMAT_VERSION)
    throw invalid(`format version ${m.formatVersion}, this lindung reads ${EXPORT_FORMAT_VERSION}`);
  if (!Array.isArray(m.tables) || !Array.isArray(m.migrations)) throw invalid('tables or migrations missing');
  return m;
}

/** Every table file is whole and unchanged: size, checksum and rows as the manifest says. */
export async function checkFiles(dir: string, m: Manifest): Promise<void> {
  for (const t of m.tables) {
    let f: Awaited<ReturnType<typeof fileFigures>>;
    try {
      f = await fileFigures(join(dir, t.file));
    } catch (e) {
      throw new AppError('IMPORT_FILE_INVALID', { dir, detail: `${t.file}: ${(e as Error).message}` });
    }
    if (f.sha256 !== t.sha256 || f.rows !== t.rows || f.bytes !== t.bytes)
      throw new AppError('IMPORT_FILE_INVALID', {
        dir,
        detail: `${t.file} differs from the manifest (checksum, size or rows) / berkas berubah`,
      });
  }
}

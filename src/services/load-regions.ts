import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { type RegionColumns, type RegionLevel, upsertRegions } from '../db/regions.ts';
import type { Db } from '../db/types.ts';

// Kepmendagri region lists as published in the idn-area-data package (CSV files).
const require = createRequire(import.meta.url);
const DATA_DIR = join(dirname(require.resolve('idn-area-data/package.json')), 'data');

const FILES: { level: RegionLevel; file: string; parent: string | null }[] = [
  { level: 'province', file: 'provinces.csv', parent: null },
  { level: 'regency', file: 'regencies.csv', parent: 'province_code' },
  { level: 'district', file: 'districts.csv', parent: 'regency_code' },
  { level: 'village', file: 'villages.csv', parent: 'district_code' },
];

/** Village codes 1xxx are kelurahan, 2xxx desa (Kepmendagri numbering). */
function villageKind(code: string): string {
  return code.at(-4) === '1' ? 'kelurahan' : 'desa';
}

function columnsOf(level: RegionLevel, rows: Record<string, string>[], parent: string | null): RegionColumns {
  const cols: RegionColumns = { code: [], parentCode: [], level: [], kind: [], name: [] };
  for (const row of rows) {
    cols.code.push(row.code!);
    cols.parentCode.push(parent ? row[parent]! : null);
    cols.level.push(level);
    cols.kind.push(level === 'village' ? villageKind(row.code!) : null);
    cols.name.push(row.name!);
  }
  return cols;
}

export interface LoadRegionsResult {
  provinces: string[] | 'all';
  rows: Record<RegionLevel, number>;
  ms: number;
}

/**
 * Loads (or refreshes) the region tree, one set-based upsert per level in one transaction.
 * `provinces` limits the load to some provinces (e.g. ['53'] for NTT).
 */
export async function loadRegions(
  db: Db,
  provinces: string[] | 'all' = 'all',
  onProgress: (msg: string) => void = () => undefined,
): Promise<LoadRegionsResult> {
  const started = performance.now();
  const keep = (code: string) => provinces === 'all' || provinces.includes(code.slice(0, 2));
  const rows = { province: 0, regency: 0, district: 0, village: 0 };
  await db.transaction(async (tx) => {
    for (const { level, file, parent } of FILES) {
      const parsed = parse(readFileSync(join(DATA_DIR, file)), {
        columns: true,
        skip_empty_lines: true,
        relax_quotes: true, // names such as Soka"an use a bare quote for the glottal stop
      }) as Record<string, string>[];
      const selected = parsed.filter((r) => keep(r.code!));
      await upsertRegions(tx, columnsOf(level, selected, parent));
      rows[level] = selected.length;
      onProgress(`${level}: ${selected.length}`);
    }
  });
  return { provinces, rows, ms: Math.round(performance.now() - started) };
}

export function regionsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] | 'all' {
  const v = (env.LINDUNG_REGIONS ?? 'all').trim();
  return v === 'all' || v === '' ? 'all' : v.split(',').map((s) => s.trim());
}

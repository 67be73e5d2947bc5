import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/services/actor.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { loadRegions } from '../../src/services/load-regions.ts';
import { showRegion } from '../../src/services/show-region.ts';
import { preparedDeps, type TestDb, testDbKind } from '../support/db.ts';

describe('regions from the Kepmendagri data package', () => {
  let deps: Deps;
  let t: TestDb;
  beforeAll(async () => ({ deps, t } = await preparedDeps()));
  afterAll(async () => t.drop());

  it('Kabupaten Belu has 12 kecamatan, 69 desa and 12 kelurahan', async () => {
    const r = await showRegion(deps, consoleActor(), '53.04');
    expect(r.region).toMatchObject({ name: 'KABUPATEN BELU', level: 'regency', parentCode: '53' });
    expect(r.region.counts).toEqual({ districts: 12, desa: 69, kelurahan: 12 });
    expect(r.children).toHaveLength(12);
    expect(r.children.map((c) => c.name)).toContain('Lamaknen');
    expect(r.ancestors.map((a) => a.code)).toEqual(['53']);
  });

  it('tells desa from kelurahan by the village code (1xxx kelurahan, 2xxx desa)', async () => {
    const kota = await showRegion(deps, consoleActor(), '53.04.12');
    expect(kota.children.every((c) => c.kind === 'kelurahan')).toBe(true);
    expect(kota.children.find((c) => c.code === '53.04.12.1001')?.name).toBe('Kota Atambua');
    const lamaknen = await showRegion(deps, consoleActor(), '53.04.01');
    expect(lamaknen.region.counts).toEqual({ districts: 0, desa: 9, kelurahan: 0 });
  });

  it('loads all of Indonesia, idempotently', async () => {
    const first = await loadRegions(deps.db, 'all');
    expect(first.rows).toEqual({ province: 38, regency: 514, district: 7277, village: 83763 });
    console.log(`[${testDbKind}] all of Indonesia loaded in ${first.ms} ms`);
    await loadRegions(deps.db, 'all');
    const n = await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM region');
    expect(n.rows[0]!.n).toBe(38 + 514 + 7277 + 83763);
  });
});
